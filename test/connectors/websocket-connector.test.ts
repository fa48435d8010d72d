import { expect } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import { WebSocketConnector, type ConnectionState, type ConnectorEvent } from '../../src/index.js';
import { backoffDelay } from '../../src/connectors/websocket/backoff.js';
import { ManualScheduler } from '../support/manual-scheduler.js';
import { connectorOverFakeSockets } from './fake-socket.js';

const AGENT = { id: 'agent-1', name: 'Alex Martin' };
const v = 1;

function message(seq: number, chatId = 'chat-1'): ConnectorEvent {
  return {
    type: 'message',
    chatId,
    message: { id: `${chatId}-m${seq}`, from: 'contact', text: `Message ${seq}`, at: 1_000 + seq },
  };
}

/** A connector over fake sockets, with what it delivered and reported. */
function setUp(options: { random?: () => number } = {}) {
  const scheduler = new ManualScheduler();
  const { connector, sockets, latest } = connectorOverFakeSockets(scheduler, options.random);
  const events: ConnectorEvent[] = [];
  const states: ConnectionState[] = [];
  let failure: unknown;
  let completed = false;
  const subscriptions: Subscription[] = [
    connector.connection.subscribe((state) => states.push(state)),
    connector.events.subscribe({
      next: (event) => events.push(event),
      error: (error: unknown) => (failure = error),
      complete: () => (completed = true),
    }),
  ];
  /** Opens the latest socket and welcomes the agent. */
  const welcome = (seq = 0) => {
    latest().open();
    latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq });
  };
  return {
    scheduler,
    sockets,
    connector,
    events,
    states,
    latest,
    welcome,
    failure: () => failure,
    completed: () => completed,
    dispose: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
  };
}

describe('WebSocketConnector', () => {
  it('says hello with the agent and token, and is connected once welcomed', () => {
    const test = setUp();
    expect(test.states.at(-1)).to.deep.equal({ status: 'connecting' });
    test.latest().open();
    expect(test.latest().sentOfType('hello')).to.deep.equal([{ v, type: 'hello', agentId: 'agent-1', token: 'secret' }]);
    test.latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 0 });
    expect(test.states.at(-1)).to.deep.equal({ status: 'connected' });
    test.dispose();
  });

  it('applies each stored event once and in order, whatever duplicates, replays and reordering the network adds', () => {
    const test = setUp();
    test.welcome();
    for (const seq of [1, 2, 2, 1, 4, 3, 5, 5, 3, 7, 6]) {
      test.latest().frame({ v, type: 'event', seq, event: message(seq) });
    }
    const texts = test.events.map((event) => (event.type === 'message' ? event.message.text : event.type));
    expect(texts).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((seq) => `Message ${seq}`));
    expect(test.connector.lastSeq).to.equal(7);
    test.dispose();
  });

  it('passes ephemeral events on at once, without moving the sequence', () => {
    const test = setUp();
    test.welcome();
    test.latest().frame({ v, type: 'event', seq: 0, ephemeral: true, event: { type: 'contact-typing', chatId: 'chat-1', typing: true } });
    expect(test.events.map((event) => event.type)).to.deep.equal(['contact-typing']);
    expect(test.connector.lastSeq).to.equal(0);
    test.dispose();
  });

  it('resumes from the last applied event when one goes missing and does not come', () => {
    const test = setUp();
    test.welcome();
    test.latest().frame({ v, type: 'event', seq: 1, event: message(1) });
    test.latest().frame({ v, type: 'event', seq: 3, event: message(3) });
    expect(test.events).to.have.length(1);
    test.scheduler.advance(2_000);
    expect(test.states.at(-1)?.status).to.equal('reconnecting');
    test.scheduler.advance(5_000);
    expect(test.sockets).to.have.length(2);
    test.latest().open();
    expect(test.latest().sentOfType('hello')[0]).to.include({ resumeFrom: 1 });
    test.latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 3 });
    test.latest().frame({ v, type: 'event', seq: 2, event: message(2) });
    test.latest().frame({ v, type: 'event', seq: 3, event: message(3) });
    expect(test.events.map((event) => event.type === 'message' && event.message.text)).to.deep.equal([
      'Message 1',
      'Message 2',
      'Message 3',
    ]);
    test.dispose();
  });

  it('takes a snapshot for everything up to its sequence and drops older stragglers', () => {
    const test = setUp();
    test.welcome();
    test.latest().frame({ v, type: 'event', seq: 1, event: message(1) });
    test.latest().frame({
      v,
      type: 'snapshot',
      seq: 40,
      events: [{ type: 'snapshot', chatIds: ['chat-1'], offerIds: [] }, { type: 'agent-state', state: 'Available' }],
    });
    test.latest().frame({ v, type: 'event', seq: 39, event: message(39) });
    test.latest().frame({ v, type: 'event', seq: 41, event: message(41) });
    expect(test.events.map((event) => event.type)).to.deep.equal(['message', 'snapshot', 'agent-state', 'message']);
    expect(test.connector.lastSeq).to.equal(41);
    test.dispose();
  });

  it('finds a silent connection dead within 10 s and reconnects after a jittered pause', () => {
    const test = setUp({ random: () => 0.999 });
    test.welcome();
    test.latest().frame({ v, type: 'event', seq: 1, event: message(1) });
    test.scheduler.advance(4_000);
    expect(test.latest().sentOfType('ping'), 'a heartbeat goes out').to.have.length(1);
    test.scheduler.advance(5_999);
    expect(test.states.at(-1)?.status).to.equal('connected');
    test.scheduler.advance(1);
    expect(test.states.at(-1)).to.deep.equal({ status: 'reconnecting', reason: 'The server stopped answering.', cause: 'unresponsive' });
    expect(test.sockets[0].closedWith).to.equal(4000);
    // First retry: somewhere under 500 ms (full jitter), here just under it.
    test.scheduler.advance(498);
    expect(test.sockets).to.have.length(1);
    test.scheduler.advance(1);
    expect(test.sockets).to.have.length(2);
    test.latest().open();
    expect(test.latest().sentOfType('hello')[0]).to.include({ resumeFrom: 1 });
    test.dispose();
  });

  it('keeps trying with growing pauses, never more than 5 s apart, while the server is down', () => {
    const test = setUp({ random: () => 0.999 });
    test.welcome();
    let elapsed = 0;
    test.latest().drop();
    for (let attempt = 0; attempt < 8; attempt++) {
      const before = test.sockets.length;
      const delay = backoffDelay(attempt, { random: () => 0.999 });
      expect(delay).to.be.at.most(5_000);
      test.scheduler.advance(delay);
      elapsed += delay;
      expect(test.sockets, `attempt ${attempt + 1}`).to.have.length(before + 1);
      test.latest().drop();
    }
    expect(elapsed).to.be.greaterThan(15_000);
    expect(test.states.at(-1)?.status).to.equal('reconnecting');
    test.dispose();
  });

  it('keeps messages sent while disconnected and sends them in order once welcomed, each under its own id', async () => {
    const test = setUp();
    test.latest().open();
    const first = test.connector.sendMessage('chat-1', 'First', 'local-a');
    const second = test.connector.sendMessage('chat-1', 'Second', 'local-b');
    expect(test.latest().sentOfType('command')).to.deep.equal([]);
    test.latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 0 });
    const commands = test.latest().sentOfType('command');
    expect(commands.map((frame) => frame.id)).to.deep.equal(['local-a', 'local-b']);
    expect(commands.map((frame) => (frame.command as { text: string }).text)).to.deep.equal(['First', 'Second']);
    const recorded = { id: 'chat-1-m2', from: 'agent', text: 'First', at: 5, clientId: 'local-a' };
    test.latest().frame({ v, type: 'result', id: 'local-a', ok: true, value: recorded });
    test.latest().frame({ v, type: 'result', id: 'local-a', ok: true, value: recorded });
    expect(await first).to.deep.equal(recorded);
    test.latest().frame({ v, type: 'result', id: 'local-b', ok: false, error: 'This chat has ended; the message was not sent.' });
    await second.then(
      () => expect.fail('refused'),
      (error: Error) => expect(error.message).to.equal('This chat has ended; the message was not sent.'),
    );
    test.dispose();
  });

  it('sends unanswered commands again on the next connection, with the same ids', () => {
    const test = setUp();
    test.welcome();
    void test.connector.sendMessage('chat-1', 'Are you there?', 'local-x');
    expect(test.latest().sentOfType('command')).to.have.length(1);
    test.latest().drop();
    test.scheduler.advance(5_000);
    test.welcome();
    expect(test.latest().sentOfType('command').map((frame) => frame.id)).to.deep.equal(['local-x']);
    test.dispose();
  });

  it('refuses at once what cannot wait while disconnected, and drops typing', async () => {
    const test = setUp();
    test.latest().open();
    await test.connector.acceptOffer('chat-1').then(
      () => expect.fail('refused'),
      (error: Error) => expect(error.message).to.match(/^Not connected/),
    );
    await test.connector.sendTyping('chat-1');
    expect(test.latest().sent.map((frame) => frame.type)).to.deep.equal(['hello']);
    test.dispose();
  });

  it('stops for good on a fatal error (a refused token) and says why', () => {
    const test = setUp();
    test.latest().open();
    test.latest().frame({ v, type: 'error', fatal: true, message: 'This token does not open agent-1.' });
    expect((test.failure() as Error).message).to.equal('This token does not open agent-1.');
    test.scheduler.advance(60_000);
    expect(test.sockets).to.have.length(1);
    test.dispose();
  });

  it('ignores frames that are not JSON or not the protocol, without losing its place', () => {
    const test = setUp();
    test.welcome();
    test.latest().frame('{not json');
    test.latest().frame({ v, type: 'event' });
    test.latest().frame({ v, type: 'event', seq: 1, event: message(1) });
    expect(test.events).to.have.length(1);
    test.dispose();
  });

  it('starts over from the snapshot of a server whose data is new, even when its numbers are lower', () => {
    const test = setUp();
    test.welcome();
    for (let seq = 1; seq <= 50; seq++) test.latest().frame({ v, type: 'event', seq, event: message(seq) });
    test.latest().drop();
    test.scheduler.advance(5_000);
    test.latest().open();
    expect(test.latest().sentOfType('hello')[0]).to.include({ resumeFrom: 50, stream: 's1' });
    // The database was replaced: a new stream at 3.
    test.latest().frame({ v, type: 'welcome', agent: AGENT, stream: 's2', seq: 3 });
    test.latest().frame({ v, type: 'snapshot', seq: 3, events: [{ type: 'snapshot', chatIds: [], offerIds: [] }] });
    test.latest().frame({ v, type: 'event', seq: 4, event: message(4, 'chat-9') });
    test.latest().frame({ v, type: 'event', seq: 5, event: message(5, 'chat-9') });
    const after = test.events.slice(50).map((event) => (event.type === 'message' ? `${event.chatId}:${event.message.text}` : event.type));
    expect(after).to.deep.equal(['snapshot', 'chat-9:Message 4', 'chat-9:Message 5']);
    test.dispose();
  });

  it('gives up a connection that is not welcomed within 5 s and tries again', () => {
    const test = setUp();
    test.latest().open();
    test.scheduler.advance(4_999);
    expect(test.sockets).to.have.length(1);
    test.scheduler.advance(1);
    expect(test.states.at(-1)).to.include({ status: 'reconnecting', cause: 'unresponsive' });
    test.scheduler.advance(250);
    expect(test.sockets).to.have.length(2);
    test.dispose();
  });

  it('stops at once when the URL cannot even open a socket', () => {
    const scheduler = new ManualScheduler();
    const connector = new WebSocketConnector({
      url: 'not a url',
      agent: AGENT,
      token: 'secret',
      scheduler,
      openSocket: () => {
        throw new SyntaxError("Failed to construct 'WebSocket': The URL 'not a url' is invalid.");
      },
    });
    let failure: unknown;
    connector.events.subscribe({ error: (error: unknown) => (failure = error) });
    expect(String(failure)).to.contain('is invalid');
  });

  it('sends a typing signal once, and never again after a reconnect', () => {
    const test = setUp();
    test.welcome();
    void test.connector.sendTyping('chat-1');
    expect(test.latest().sentOfType('command')).to.have.length(1);
    test.latest().drop();
    test.scheduler.advance(5_000);
    test.welcome();
    expect(test.latest().sentOfType('command')).to.deep.equal([]);
    test.dispose();
  });

  it('settles every caller of a command sent twice under one id (a retry before the answer)', async () => {
    const test = setUp();
    test.welcome();
    const first = test.connector.sendMessage('chat-1', 'Hello', 'local-1');
    const retry = test.connector.sendMessage('chat-1', 'Hello', 'local-1');
    expect(test.latest().sentOfType('command'), 'one frame on the wire').to.have.length(1);
    const recorded = { id: 'chat-1-m2', from: 'agent', text: 'Hello', at: 5, clientId: 'local-1' };
    test.latest().frame({ v, type: 'result', id: 'local-1', ok: true, value: recorded });
    expect(await Promise.all([first, retry])).to.deep.equal([recorded, recorded]);
    test.dispose();
  });

  it('leaves on disconnect: a leave command, the socket closed, no reconnect', () => {
    const test = setUp();
    test.welcome();
    test.connector.disconnect();
    const commands = test.sockets[0].sentOfType('command');
    expect(commands.map((frame) => (frame.command as { name: string }).name)).to.deep.equal(['leave']);
    expect(test.sockets[0].closedWith).to.equal(1000);
    expect(test.completed()).to.equal(true);
    test.scheduler.advance(60_000);
    expect(test.sockets).to.have.length(1);
    test.dispose();
  });
});
