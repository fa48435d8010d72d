import { expect } from '@open-wc/testing';
import {
  agentWithChat,
  eventually,
  getChat,
  killServer,
  RawAgentSocket,
  restartServer,
  startServer,
  stopServer,
  testConfig,
  type TestServer,
} from './server-kit.js';

const ACW_CONFIG = {
  acwTimeoutMs: 2000,
  dispositions: [
    { code: 'resolved', label: 'Resolved' },
    { code: 'follow-up', label: 'Follow-up needed' },
  ],
  defaultDisposition: 'follow-up',
};

describe('reference server: the after-contact work deadline across a SIGKILL', function () {
  this.timeout(30000);
  let server: TestServer | undefined;

  afterEach(async () => {
    if (server) await stopServer(server);
    server = undefined;
  });

  it('closes, at restart, a chat whose after-contact work ran out while the server was down', async () => {
    server = await startServer({ config: testConfig(ACW_CONFIG) });
    const { agent, chatId } = await agentWithChat(server);
    expect((await agent.command({ name: 'end-chat', chatId })).ok).to.equal(true);
    const ended = await agent.next((frame) => frame.type === 'event' && frame.event.type === 'chat-ended', 'chat-ended');
    const acwExpiresAt = ended.type === 'event' && ended.event.type === 'chat-ended' ? ended.event.acwExpiresAt : undefined;
    expect(acwExpiresAt, 'the deadline, told with the end').to.be.a('number');
    const lastSeq = agent.storedEvents().at(-1)?.seq ?? 0;
    await killServer(server);

    // The server is down: nothing to poll but the clock it shares with this page.
    await eventually(() => Date.now() > (acwExpiresAt ?? 0) + 500, 'the after-contact work deadline', 10000);
    server = await restartServer(server);

    await eventually(async () => (await getChat(server!, chatId)).state === 'closed', 'the chat closed at restart');
    expect(await getChat(server, chatId)).to.deep.include({ disposition: { code: 'follow-up', tags: [], notes: '' } });

    // The reconnecting workspace hears it in its stream: closed because the time ran out.
    const back = await RawAgentSocket.connect(server, 'agent-1', lastSeq);
    await eventually(() => back.storedEvents().length >= 1, 'the replayed close');
    expect(back.storedEvents().map((frame) => frame.event)).to.deep.equal([
      { type: 'chat-closed', chatId, reason: 'wrap-up-expired', disposition: { code: 'follow-up', tags: [], notes: '' } },
    ]);
    back.close();
  });

  it('keeps a deadline still running across a restart, and Extend moves it', async () => {
    server = await startServer({ config: testConfig({ ...ACW_CONFIG, acwTimeoutMs: 60_000 }) });
    const { agent, chatId } = await agentWithChat(server);
    await agent.command({ name: 'end-chat', chatId });
    await killServer(server);
    server = await restartServer(server);

    expect((await getChat(server, chatId)).state).to.equal('ended');
    const back = await RawAgentSocket.connect(server, 'agent-1');
    const snapshot = await back.next((frame) => frame.type === 'snapshot');
    const ended = snapshot.type === 'snapshot' ? snapshot.events.find((event) => event.type === 'chat-ended') : undefined;
    const deadline = ended?.type === 'chat-ended' ? ended.acwExpiresAt : undefined;
    expect(deadline).to.be.a('number');
    expect((await back.command({ name: 'extend-wrap-up', chatId })).ok).to.equal(true);
    const extended = await back.next((frame) => frame.type === 'event' && frame.event.type === 'wrap-up-extended', 'wrap-up-extended');
    expect(extended.type === 'event' && extended.event).to.deep.equal({ type: 'wrap-up-extended', chatId, acwExpiresAt: (deadline ?? 0) + 60_000 });
    back.close();
  });
});
