import { expect } from '@open-wc/testing';
import type { ServerFrame } from '../../src/protocol/frames.js';
import { agentWithChat, api, eventually, RawAgentSocket, startServer, stopServer, testConfig, type TestServer } from './server-kit.js';

type EventFrame = Extract<ServerFrame, { type: 'event' }>;

const contactSays = (server: TestServer, chatId: string, text: string) =>
  api(server, 'POST', `/api/chats/${chatId}/messages`, { text });

describe('reference server: resuming an agent stream', function () {
  this.timeout(20000);

  describe('with its whole history kept', () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ config: testConfig() });
    });
    after(async () => {
      if (server) await stopServer(server);
    });

    it('replays exactly the gap after resumeFrom, then goes on live, each event once', async () => {
      const { agent, chatId } = await agentWithChat(server, 'agent-1');
      await contactSays(server, chatId, 'one');
      await agent.next((frame) => frame.type === 'event' && frame.event.type === 'message', 'message one');
      const seen = agent.storedEvents();
      const resumeFrom = seen[1].seq;
      const stream = agent.stream;
      agent.close();
      await agent.closed;

      // What happens while the agent is away is stored in its stream all the same.
      await contactSays(server, chatId, 'two');
      await contactSays(server, chatId, 'three');

      const back = await RawAgentSocket.connect(server, 'agent-1', resumeFrom, stream);
      const welcome = back.frames[0];
      expect(welcome.type).to.equal('welcome');
      const lastSeq = welcome.type === 'welcome' ? welcome.seq : 0;
      await eventually(() => back.storedEvents().length === lastSeq - resumeFrom, 'the whole gap');
      expect(back.frames.some((frame) => frame.type === 'snapshot')).to.equal(false);

      const replay = back.storedEvents();
      expect(replay.map((frame) => frame.seq)).to.deep.equal(range(resumeFrom + 1, lastSeq));
      // What the first connection saw after resumeFrom comes again, identical.
      expect(replay.slice(0, seen.length - 2)).to.deep.equal(seen.slice(2));
      const texts = replay.flatMap((frame: EventFrame) => (frame.event.type === 'message' ? [frame.event.message.text] : []));
      expect(texts).to.deep.equal(['one', 'two', 'three']);

      await contactSays(server, chatId, 'four');
      await eventually(() => back.storedEvents().length === replay.length + 1, 'the live message');
      expect(back.storedEvents().at(-1)).to.deep.include({ seq: lastSeq + 1 });
      await back.command({ name: 'end-chat', chatId });
      await back.command({ name: 'close-chat', chatId });
      back.close();
    });

    it('answers a resumeFrom beyond the stream with a snapshot', async () => {
      const agent = await RawAgentSocket.connect(server, 'agent-2', 999_999);
      const snapshot = await agent.next((frame) => frame.type === 'snapshot');
      expect(snapshot.type === 'snapshot' && snapshot.events[0]).to.deep.equal({ type: 'snapshot', chatIds: [], offerIds: [] });
      agent.close();
    });

    it('answers a resume of another database’s stream with a snapshot, even where its numbers would fit', async () => {
      const agent = await RawAgentSocket.connect(server, 'agent-1', 1, 'another-database');
      const snapshot = await agent.next((frame) => frame.type === 'snapshot');
      expect(snapshot.type === 'snapshot' && snapshot.events[0]?.type).to.equal('snapshot');
      expect(agent.stream).not.to.equal('another-database');
      agent.close();
    });
  });

  describe('with a short history (STREAM_LIMIT=3)', () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ config: testConfig(), env: { STREAM_LIMIT: 3 } });
    });
    after(async () => {
      if (server) await stopServer(server);
    });

    it('answers a resumeFrom whose gap was pruned with a snapshot, and replays one that is still kept', async () => {
      const { agent, chatId } = await agentWithChat(server, 'agent-1');
      await contactSays(server, chatId, 'a');
      await contactSays(server, chatId, 'b');
      await eventually(() => agent.storedEvents().length === 5, 'five events');
      const stream = agent.stream;
      agent.close();
      await agent.closed;

      // Events 1 and 2 are gone: resuming after 1 would need event 2.
      const tooOld = await RawAgentSocket.connect(server, 'agent-1', 1, stream);
      const snapshot = await tooOld.next((frame) => frame.type === 'snapshot');
      if (snapshot.type !== 'snapshot') return;
      expect(snapshot.seq).to.equal(5);
      expect(snapshot.events[0]).to.deep.equal({ type: 'snapshot', chatIds: [chatId], offerIds: [] });
      const assigned = snapshot.events.find((event) => event.type === 'chat-assigned');
      expect(assigned?.type === 'chat-assigned' && assigned.chat.messages.map((message) => message.text)).to.deep.equal(['Bonjour!', 'a', 'b']);
      expect(tooOld.storedEvents()).to.deep.equal([]);
      tooOld.close();
      await tooOld.closed;

      const kept = await RawAgentSocket.connect(server, 'agent-1', 2, stream);
      await eventually(() => kept.storedEvents().length === 3, 'events 3 to 5');
      expect(kept.storedEvents().map((frame) => frame.seq)).to.deep.equal([3, 4, 5]);
      expect(kept.frames.some((frame) => frame.type === 'snapshot')).to.equal(false);
      kept.close();
    });
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
