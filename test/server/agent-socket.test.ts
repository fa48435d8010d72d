import { expect } from '@open-wc/testing';
import type { ServerFrame } from '../../src/protocol/frames.js';
import {
  agentWithChat,
  eventually,
  getChat,
  RawAgentSocket,
  startServer,
  stopServer,
  testConfig,
  TOKENS,
  type TestServer,
} from './server-kit.js';

/** What a refused connection received, and how it closed. */
async function refusedConnection(server: TestServer, ...frames: unknown[]) {
  const socket = new RawAgentSocket(server.wsUrl);
  for (const frame of frames) await socket.send(frame);
  const closed = await socket.closed;
  return { frames: socket.frames, closed };
}

function expectOnlyFatalError(frames: ServerFrame[], says: RegExp) {
  expect(frames, JSON.stringify(frames)).to.have.length(1);
  const [frame] = frames;
  expect(frame).to.include({ v: 1, type: 'error', fatal: true });
  expect((frame as { message: string }).message).to.match(says);
}

describe('reference server: agent WebSocket', function () {
  this.timeout(20000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ config: testConfig(), env: { HELLO_TIMEOUT_MS: 500 } });
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  describe('without a valid hello, a connection gets one fatal error frame and no data', () => {
    it('no hello in time', async () => {
      const { frames, closed } = await refusedConnection(server);
      expectOnlyFatalError(frames, /No hello within 0.5 s/);
      expect(closed.code).to.equal(4001);
    });

    it('a wrong token', async () => {
      const { frames, closed } = await refusedConnection(server, { v: 1, type: 'hello', agentId: 'agent-1', token: TOKENS['agent-2'] });
      expectOnlyFatalError(frames, /Unknown agent or wrong token/);
      expect(closed.code).to.equal(4001);
    });

    it('a missing token', async () => {
      const { frames, closed } = await refusedConnection(server, { v: 1, type: 'hello', agentId: 'agent-1' });
      expectOnlyFatalError(frames, /token/);
      expect(closed.code).to.equal(4001);
    });

    it('an unknown agent (the same words as a wrong token: no agent ids are revealed)', async () => {
      const { frames, closed } = await refusedConnection(server, { v: 1, type: 'hello', agentId: 'agent-9', token: TOKENS['agent-1'] });
      expectOnlyFatalError(frames, /Unknown agent or wrong token/);
      expect(closed.code).to.equal(4001);
    });

    it('a command before the hello', async () => {
      const command = { v: 1, type: 'command', id: 'c1', command: { name: 'set-agent-state', state: 'Available' } };
      const { frames, closed } = await refusedConnection(server, command);
      expectOnlyFatalError(frames, /first frame must be a hello/);
      expect(closed.code).to.equal(4001);
    });

    it('malformed JSON or another protocol version', async () => {
      const garbage = await refusedConnection(server, '{"v":1,"type":"hel');
      expectOnlyFatalError(garbage.frames, /not valid JSON/);
      const version = await refusedConnection(server, { v: 2, type: 'hello', agentId: 'agent-1', token: TOKENS['agent-1'] });
      expectOnlyFatalError(version.frames, /Protocol version 2/);
    });
  });

  it('welcomes a valid hello with the stream position, then a snapshot that starts with the chat and offer ids', async () => {
    const agent = await RawAgentSocket.connect(server, 'agent-2');
    const [welcome, snapshot] = agent.frames;
    expect(welcome).to.deep.include({ type: 'welcome', agent: { id: 'agent-2', name: 'Sam Rivera' } });
    expect(snapshot.type).to.equal('snapshot');
    if (snapshot.type !== 'snapshot' || welcome.type !== 'welcome') return;
    expect(snapshot.seq).to.equal(welcome.seq);
    expect(snapshot.events[0]).to.deep.equal({ type: 'snapshot', chatIds: [], offerIds: [] });
    expect(snapshot.events.map((event) => event.type)).to.include.members(['configuration', 'agent-state', 'presence']);
    agent.close();
  });

  it('acts only on the agent’s own chats: another agent’s command is refused and changes nothing', async () => {
    const { agent, chatId } = await agentWithChat(server, 'agent-1');
    const before = await getChat(server, chatId);
    const intruder = await RawAgentSocket.connect(server, 'agent-2');
    for (const command of [
      { name: 'send-message', chatId, text: 'Not my chat' },
      { name: 'end-chat', chatId },
      { name: 'transfer-chat', chatId, target: { kind: 'agent', id: 'agent-2' } },
      { name: 'close-chat', chatId },
      { name: 'accept-offer', chatId },
    ] as const) {
      const result = await intruder.command(command);
      expect(result, command.name).to.include({ type: 'result', ok: false });
    }
    expect(await getChat(server, chatId)).to.deep.equal(before);
    expect(intruder.storedEvents().map((frame) => frame.event.type)).not.to.include('message');

    await agent.command({ name: 'end-chat', chatId });
    await agent.command({ name: 'close-chat', chatId });
    agent.close();
    intruder.close();
  });

  it('applies a command id once: a send-message sent twice is stored once and answered alike', async () => {
    const { agent, chatId } = await agentWithChat(server, 'agent-1');
    const frame = { v: 1, type: 'command', id: 'send-once', command: { name: 'send-message', chatId, text: 'Only once' } };
    await agent.send(frame);
    await agent.send(frame);
    const results = () => agent.frames.filter((each) => each.type === 'result' && each.id === 'send-once');
    await eventually(() => results().length === 2, 'two answers');
    expect(results()[0]).to.deep.equal(results()[1]);
    const chat = await getChat(server, chatId);
    expect(chat.messages.filter((message) => message.text === 'Only once')).to.have.length(1);

    await agent.command({ name: 'end-chat', chatId });
    await agent.command({ name: 'close-chat', chatId });
    agent.close();
  });

  it('answers a malformed frame after the hello with an error (with its id) and keeps the connection', async () => {
    const agent = await RawAgentSocket.connect(server, 'agent-2');
    await agent.send({ v: 1, type: 'command', id: 'bad-1', command: { name: 'fly' } });
    const error = await agent.next((frame) => frame.type === 'error');
    expect(error).to.include({ type: 'error', id: 'bad-1' });
    expect(error).not.to.have.property('fatal');
    await agent.send('{not json');
    await agent.next((frame) => frame.type === 'error' && /not valid JSON/.test(frame.message));
    await agent.send({ v: 1, type: 'ping' });
    await agent.next((frame) => frame.type === 'pong');
    await agent.send('x'.repeat(70 * 1024));
    await agent.next((frame) => frame.type === 'error' && /may not exceed/.test(frame.message));
    expect((await agent.command({ name: 'set-agent-state', state: 'Unavailable' })).ok).to.equal(true);
    agent.close();
  });

  it('closes the older connection of an agent with a fatal "replaced" error (4002)', async () => {
    const first = await RawAgentSocket.connect(server, 'agent-2');
    const second = await RawAgentSocket.connect(server, 'agent-2');
    const closed = await first.closed;
    expect(closed.code).to.equal(4002);
    const last = first.frames.at(-1);
    expect(last).to.include({ type: 'error', fatal: true });
    expect((last as { message: string }).message).to.match(/^Replaced/);
    expect((await second.command({ name: 'set-agent-state', state: 'Unavailable' })).ok).to.equal(true);
    second.close();
  });
});
