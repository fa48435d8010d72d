import { expect } from '@open-wc/testing';
import { ChatSession, type ChatStorage, type ConnectorEvent } from '../../src/index.js';
import { DEFAULT_CONFIGURATION } from '../../src/protocol/types.js';
import { ManualScheduler } from '../support/manual-scheduler.js';
import { connectorOverFakeSockets, type FakeSocket } from '../connectors/fake-socket.js';

const AGENT = { id: 'agent-1', name: 'Alex Martin' };
const v = 1;

/** A Storage stand-in that a "reloaded page" shares with the one before it. */
class MemoryStorage implements ChatStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const T0 = Date.UTC(2026, 10, 30, 14, 0, 0);

function snapshotFrame(seq: number, messages = [{ id: 'chat-1-m1', from: 'contact' as const, text: 'Bonjour!', at: T0 }]) {
  const events: ConnectorEvent[] = [
    { type: 'snapshot', chatIds: ['chat-1'], offerIds: [] },
    { type: 'configuration', configuration: DEFAULT_CONFIGURATION },
    { type: 'agent-state', state: 'Available' },
    {
      type: 'chat-assigned',
      chat: { id: 'chat-1', contact: { name: 'Marie Tremblay' }, skill: 'Billing', messages, acceptedAt: T0 },
    },
  ];
  return { v, type: 'snapshot', seq, events };
}

/** A workspace's session over a WebSocketConnector whose server the test plays. */
function page(storage: ChatStorage, scheduler = new ManualScheduler(T0)) {
  const { connector, sockets, latest } = connectorOverFakeSockets(scheduler);
  const session = new ChatSession(connector, { scheduler, storage, logger: { warn: () => undefined } });
  return { scheduler, sockets, connector, session, latest };
}

/** What the server answers to a send-message command: the recorded message, echoed first. */
function answerSend(socket: FakeSocket, frame: Record<string, unknown>, seq: number, at: number) {
  const command = frame.command as { chatId: string; text: string };
  const message = { id: `chat-1-m${seq + 100}`, from: 'agent', text: command.text, at, authorName: 'Alex Martin', clientId: frame.id };
  socket.frame({ v, type: 'event', seq, event: { type: 'message', chatId: command.chatId, message } });
  socket.frame({ v, type: 'result', id: frame.id, ok: true, value: message });
}

describe('ChatSession over a connection that drops', () => {
  it('shows reconnecting, keeps what the agent sends as "sending", and delivers it in order, once, when back', async () => {
    const { session, latest, scheduler, sockets } = page(new MemoryStorage());
    latest().open();
    latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 4 });
    latest().frame(snapshotFrame(4));
    expect(session.state.connection).to.equal('connected');

    latest().drop();
    expect(session.state).to.include({ connection: 'reconnecting' });
    expect(session.state.connectionReason).to.be.a('string').and.not.equal('');

    const texts = ['One', 'Two', 'Three'];
    const sends = texts.map((text) => session.sendMessage('chat-1', text));
    expect(session.state.chats[0].messages.slice(1).map((message) => [message.text, message.delivery])).to.deep.equal(
      texts.map((text) => [text, 'sending']),
    );
    expect((await session.acceptOffer('chat-9')).ok).to.equal(false);

    scheduler.advance(5_000);
    expect(sockets).to.have.length(2);
    latest().open();
    expect(latest().sentOfType('hello')[0]).to.include({ resumeFrom: 4 });
    latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 4 });
    const commands = latest().sentOfType('command');
    expect(commands.map((frame) => (frame.command as { text: string }).text)).to.deep.equal(texts);
    // The server answers; a replay of the same events and results changes nothing.
    commands.forEach((frame, index) => answerSend(latest(), frame, 5 + index, T0 + 10_000 + index));
    commands.forEach((frame, index) => answerSend(latest(), frame, 5 + index, T0 + 10_000 + index));
    expect((await Promise.all(sends)).map((result) => result.ok)).to.deep.equal([true, true, true]);

    const shown = session.state.chats[0].messages.map((message) => [message.text, message.delivery]);
    expect(shown).to.deep.equal([
      ['Bonjour!', undefined],
      ['One', undefined],
      ['Two', undefined],
      ['Three', undefined],
    ]);
    session.dispose();
  });

  it('after a reload, shows the chat with its draft and sends the messages that had not gone out, under their first ids', () => {
    const storage = new MemoryStorage();
    const before = page(storage);
    before.latest().open();
    before.latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 4 });
    before.latest().frame(snapshotFrame(4));
    before.latest().drop();
    void before.session.sendMessage('chat-1', 'Typed while offline');
    before.session.setDraft('chat-1', 'Half a sentence');
    const localId = before.session.state.chats[0].messages[1].id;
    // The page goes away without a goodbye: no leave, nothing sent.

    const after = page(storage);
    after.latest().open();
    expect(after.latest().sentOfType('hello')[0]).not.to.have.property('resumeFrom');
    after.latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 4 });
    after.latest().frame(snapshotFrame(4));
    const chat = after.session.state.chats[0];
    expect(after.session.state.work[chat.id]?.draft).to.equal('Half a sentence');
    expect(chat.messages.map((message) => [message.text, message.delivery])).to.deep.equal([
      ['Bonjour!', undefined],
      ['Typed while offline', 'sending'],
    ]);
    expect(after.latest().sentOfType('command').map((frame) => frame.id)).to.deep.equal([localId]);
    after.session.dispose();
  });

  it('after a reload, does not send again what the platform already recorded', () => {
    const storage = new MemoryStorage();
    const before = page(storage);
    before.latest().open();
    before.latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 4 });
    before.latest().frame(snapshotFrame(4));
    void before.session.sendMessage('chat-1', 'Recorded, but the answer was lost');
    const [command] = before.latest().sentOfType('command');

    const after = page(storage);
    after.latest().open();
    after.latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 5 });
    after.latest().frame(
      snapshotFrame(5, [
        { id: 'chat-1-m1', from: 'contact', text: 'Bonjour!', at: T0 },
        { id: 'chat-1-m2', from: 'agent', text: 'Recorded, but the answer was lost', at: T0 + 1, clientId: String(command?.id) } as never,
      ]),
    );
    expect(after.session.state.chats[0].messages.map((message) => message.text)).to.deep.equal([
      'Bonjour!',
      'Recorded, but the answer was lost',
    ]);
    expect(after.latest().sentOfType('command')).to.deep.equal([]);
    after.session.dispose();
  });

  it('forgets a chat’s kept text once the chat is closed', () => {
    const storage = new MemoryStorage();
    const { session, latest } = page(storage);
    latest().open();
    latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 4 });
    latest().frame(snapshotFrame(4));
    session.setDraft('chat-1', 'Draft');
    expect([...storage.items.keys()]).to.deep.equal(['chat-workspace:agent-1:chat-1']);
    latest().frame({ v, type: 'event', seq: 5, event: { type: 'chat-closed', chatId: 'chat-1' } });
    expect(storage.items.size).to.equal(0);
    session.dispose();
  });

  it('goes offline with the server’s reason when the token is refused', () => {
    const { session, latest } = page(new MemoryStorage());
    latest().open();
    latest().frame({ v, type: 'error', fatal: true, message: 'This token does not open agent-1.' });
    expect(session.state.connection).to.equal('offline');
    expect(session.state.connectionReason).to.equal('This token does not open agent-1.');
  });
});
