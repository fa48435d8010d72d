import { expect } from '@open-wc/testing';
import {
  agentWithChat,
  api,
  chatNumber,
  eventually,
  getChat,
  killServer,
  RawAgentSocket,
  restartServer,
  startChat,
  startServer,
  stopServer,
  testConfig,
  type TestServer,
} from './server-kit.js';

const agentState = async (server: TestServer, agentId: string) =>
  (await api<{ state: string }>(server, 'GET', `/api/agents/${agentId}`)).body.state;

const isDown = (server: TestServer) =>
  fetch(new URL('/api/chat-options', server.url)).then(
    () => false,
    () => true,
  );

describe('reference server: SIGKILL and restart on the same DB', function () {
  this.timeout(30000);
  let server: TestServer | undefined;

  afterEach(async () => {
    if (server) await stopServer(server);
    server = undefined;
  });

  it('comes back with every chat, message, disposition and agent state it acknowledged', async () => {
    server = await startServer({ config: testConfig() });
    const first = await agentWithChat(server, 'agent-1', 'My bill is wrong');
    const sent = await first.agent.command({ name: 'send-message', chatId: first.chatId, text: 'Let me check.' });
    expect(sent.ok).to.equal(true);
    await api(server, 'POST', `/api/chats/${first.chatId}/messages`, { text: 'Thank you' });

    const closedChat = await startChat(server, 'Second question');
    await first.agent.next((frame) => frame.type === 'event' && frame.event.type === 'chat-offered' && frame.event.chat.id === closedChat);
    await first.agent.command({ name: 'accept-offer', chatId: closedChat });
    await first.agent.command({ name: 'end-chat', chatId: closedChat });
    const disposition = { code: 'resolved', tags: ['vip'], notes: 'Refund issued' };
    expect((await first.agent.command({ name: 'close-chat', chatId: closedChat, disposition })).ok).to.equal(true);

    const before = [await getChat(server, first.chatId), await getChat(server, closedChat)];
    expect(before[0].messages.map((message) => message.text)).to.deep.equal(['My bill is wrong', 'Let me check.', 'Thank you']);

    await killServer(server);
    expect(await isDown(server)).to.equal(true);
    const { port } = server;
    server = await restartServer(server);
    // The same port, so a workspace reconnecting to the old URL finds it again.
    expect(server.port).to.equal(port);

    expect([await getChat(server, first.chatId), await getChat(server, closedChat)]).to.deep.equal(before);
    expect((await getChat(server, closedChat)).state).to.equal('closed');
    expect(await agentState(server, 'agent-1')).to.equal('Available');

    // Ids come from the store: numbering goes on where it stopped, nothing is reused.
    const next = await startChat(server, 'After the restart');
    expect(chatNumber(next)).to.equal(chatNumber(closedChat) + 1);
    const ids = [...before.flatMap((chat) => chat.messages), ...(await getChat(server, next)).messages].map((message) => message.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('expires, at restart, an offer whose deadline passed while it was down', async () => {
    server = await startServer({ config: testConfig({ offerTimeoutMs: 2000 }) });
    const agent = await RawAgentSocket.connect(server, 'agent-1');
    await agent.command({ name: 'set-agent-state', state: 'Available' });
    const chatId = await startChat(server);
    await agent.next((frame) => frame.type === 'event' && frame.event.type === 'chat-offered');
    const offeredAt = Date.now();
    const lastSeq = agent.storedEvents().at(-1)?.seq ?? 0;
    await killServer(server);
    expect((await isDown(server))).to.equal(true);

    // The server is down, so there is nothing to poll but the clock it shares with this page.
    await eventually(() => Date.now() > offeredAt + 2500, 'the offer deadline', 10000);
    server = await restartServer(server);

    await eventually(async () => (await getChat(server!, chatId)).state === 'queued', 'the expired offer back in its queue');
    expect(await getChat(server, chatId)).not.to.have.property('agentId');
    expect(await agentState(server, 'agent-1')).to.equal('Refused');

    // The reconnecting workspace hears why: the offer expired, and the agent was set to Refused.
    const back = await RawAgentSocket.connect(server, 'agent-1', lastSeq);
    await eventually(() => back.storedEvents().length >= 2, 'the replayed expiry');
    expect(back.storedEvents().map((frame) => frame.event)).to.deep.equal([
      { type: 'offer-withdrawn', chatId, reason: 'expired' },
      { type: 'agent-state', state: 'Refused' },
    ]);
    back.close();
  });

  it('keeps an offer that is still running across a restart, with the time it has left', async () => {
    server = await startServer({ config: testConfig({ offerTimeoutMs: 20000 }) });
    const agent = await RawAgentSocket.connect(server, 'agent-1');
    await agent.command({ name: 'set-agent-state', state: 'Available' });
    const chatId = await startChat(server);
    await agent.next((frame) => frame.type === 'event' && frame.event.type === 'chat-offered');
    await killServer(server);
    server = await restartServer(server);

    expect((await getChat(server, chatId)).state).to.equal('offered');
    const back = await RawAgentSocket.connect(server, 'agent-1');
    const snapshot = await back.next((frame) => frame.type === 'snapshot');
    const offer = snapshot.type === 'snapshot' ? snapshot.events.find((event) => event.type === 'chat-offered') : undefined;
    expect(offer?.type === 'chat-offered' && offer.timeoutMs).to.be.within(1, 19999);
    expect(snapshot.type === 'snapshot' && snapshot.events[0]).to.deep.equal({ type: 'snapshot', chatIds: [], offerIds: [chatId] });
    expect((await back.command({ name: 'accept-offer', chatId })).ok).to.equal(true);
    back.close();
  });
});
