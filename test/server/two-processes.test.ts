import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { api, eventually, getChat, killServer, RawAgentSocket, startChat, startServer, stopServer, testConfig, type TestServer } from './server-kit.js';

/** Two server processes on one new database of the run's throwaway PostgreSQL cluster. */
async function twoProcesses(config: Record<string, unknown> = testConfig()): Promise<[TestServer, TestServer]> {
  const { url } = await executeServerCommand<{ url: string }, Record<string, never>>('postgres-database', {});
  const first = await startServer({ config, env: { DATABASE_URL: url } });
  const second = await startServer({ config, env: { DATABASE_URL: url } });
  return [first, second];
}

const isEvent = (type: string, chatId: string) => (frame: { type: string; event?: { type: string; chatId?: string; chat?: { id: string } } }) =>
  frame.type === 'event' && frame.event?.type === type && (frame.event.chatId ?? frame.event.chat?.id) === chatId;

const texts = (chat: { messages: { text: string }[] }) => chat.messages.map((message) => message.text);

describe('reference server: two processes on one PostgreSQL database', function () {
  this.timeout(30000);
  let servers: TestServer[] = [];

  afterEach(async () => {
    await Promise.all(servers.map((server) => stopServer(server)));
    servers = [];
  });

  it('a chat started through A, accepted on B, goes on through B after A is killed', async () => {
    const [a, b] = (servers = await twoProcesses());
    const agent = await RawAgentSocket.connect(b, 'agent-1');
    await agent.command({ name: 'set-agent-state', state: 'Available' });

    const chatId = await startChat(a, 'Bonjour from A');
    await agent.next(isEvent('chat-offered', chatId), 'the offer, on B');
    expect((await agent.command({ name: 'accept-offer', chatId })).ok).to.equal(true);
    expect((await getChat(a, chatId)).state, 'A sees the acceptance made on B').to.equal('active');

    const reply = await agent.command({ name: 'send-message', chatId, text: 'Hello from B' });
    expect(reply.ok).to.equal(true);
    await eventually(async () => texts(await getChat(a, chatId)).includes('Hello from B'), 'the agent’s reply, read through A');
    expect((await api(a, 'POST', `/api/chats/${chatId}/messages`, { text: 'Typed on A' })).status).to.equal(201);
    await agent.next(isEvent('message', chatId), 'the contact’s message, on B');

    await killServer(a);
    expect((await api(b, 'POST', `/api/chats/${chatId}/messages`, { text: 'Now through B' })).status).to.equal(201);
    await eventually(
      () => agent.storedEvents().filter((frame) => frame.event.type === 'message' && frame.event.message.text === 'Now through B').length === 1,
      'the contact’s message after the kill, once',
    );
    expect((await agent.command({ name: 'send-message', chatId, text: 'Still here' })).ok).to.equal(true);
    expect(texts(await getChat(b, chatId))).to.deep.equal(['Bonjour from A', 'Hello from B', 'Typed on A', 'Now through B', 'Still here']);
    const seqs = agent.storedEvents().map((frame) => frame.seq);
    expect(seqs, 'the stream, in order and without gaps').to.deep.equal(seqs.map((_, index) => (seqs[0] ?? 1) + index));
    agent.close();
  });

  it('an offer made by A expires through B once A is gone; the agent becomes Refused', async () => {
    const [a, b] = (servers = await twoProcesses(testConfig({ offerTimeoutMs: 3000 })));
    const agent = await RawAgentSocket.connect(b, 'agent-1');
    await agent.command({ name: 'set-agent-state', state: 'Available' });
    const chatId = await startChat(a, 'Anyone?');
    await agent.next(isEvent('chat-offered', chatId), 'the offer');
    await killServer(a);
    await agent.next(
      (frame) => frame.type === 'event' && frame.event.type === 'offer-withdrawn' && frame.event.chatId === chatId && frame.event.reason === 'expired',
      'the expiry, fired by B',
    );
    const withdrawals = agent.storedEvents().filter((frame) => frame.event.type === 'offer-withdrawn');
    expect(withdrawals.length, 'one process fired it').to.equal(1);
    expect((await api<{ state: string }>(b, 'GET', '/api/agents/agent-1')).body.state).to.equal('Refused');
    expect((await getChat(b, chatId)).state).to.equal('queued');
    agent.close();
  });

  it('a command sent again through the other process, with the same id, runs once', async () => {
    const [a, b] = (servers = await twoProcesses());
    const onA = await RawAgentSocket.connect(a, 'agent-1');
    await onA.command({ name: 'set-agent-state', state: 'Available' });
    const chatId = await startChat(b);
    await onA.next(isEvent('chat-offered', chatId), 'the offer');
    await onA.command({ name: 'accept-offer', chatId });
    const first = await onA.command({ name: 'send-message', chatId, text: 'Only once' }, 'command-42');
    onA.close();
    await onA.closed;
    const onB = await RawAgentSocket.connect(b, 'agent-1');
    const again = await onB.command({ name: 'send-message', chatId, text: 'Only once' }, 'command-42');
    expect(again).to.deep.include({ ok: true });
    expect(again.ok && first.ok ? again.value : undefined, 'the first answer, again').to.deep.equal(first.ok ? first.value : 'first failed');
    expect(texts(await getChat(a, chatId)).filter((text) => text === 'Only once')).to.have.length(1);
    onB.close();
  });

  it('an agent connected to both processes keeps only the newer connection', async () => {
    const [a, b] = (servers = await twoProcesses());
    const older = await RawAgentSocket.connect(a, 'agent-1');
    const newer = await RawAgentSocket.connect(b, 'agent-1');
    const closed = await older.closed;
    expect(closed.code, 'replaced').to.equal(4002);
    await newer.command({ name: 'set-agent-state', state: 'Available' });
    const chatId = await startChat(a);
    await newer.next(isEvent('chat-offered', chatId), 'the offer, on the newer connection');
    newer.close();
  });
});
