import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { ChatSession, SimulatedContactCenter, type ContactCenterConnector } from '../../src/index.js';
import { parseConnectorEvent, chatIdOf } from '../../src/protocol/events.js';
import { DEFAULT_CONFIGURATION } from '../../src/protocol/types.js';

/**
 * Property-based: whatever a connector sends, the session keeps its promises. No event,
 * however malformed, throws, touches a chat it does not name, or passes without a clear,
 * typed error when it is refused (issue 9).
 */

const T0 = Date.UTC(2026, 10, 30, 14, 0, 0);
const AGENT = { id: 'agent-1', name: 'Alex Martin' };

/** A session over a connector the test feeds by hand, holding chats a and b and an offer for c. */
function sessionWithChats() {
  const events = new Subject<unknown>();
  const center = new SimulatedContactCenter();
  const simulated = center.connect(AGENT);
  const connector: ContactCenterConnector = Object.assign(Object.create(simulated) as ContactCenterConnector, {
    events: events.asObservable(),
  });
  const session = new ChatSession(connector, { logger: { warn: () => undefined } });
  const message = (id: string, text: string) => ({ id, from: 'contact' as const, text, at: T0 });
  events.next({ type: 'configuration', configuration: DEFAULT_CONFIGURATION });
  for (const id of ['a', 'b']) {
    events.next({ type: 'chat-assigned', chat: { id, contact: { name: `Contact ${id}` }, skill: 'Billing', messages: [message(`${id}-1`, 'Hi')] } });
  }
  events.next({ type: 'chat-offered', chat: { id: 'c', contact: { name: 'Contact c' }, skill: 'Billing', messages: [] }, timeoutMs: 45_000 });
  return { session, send: (event: unknown) => events.next(event) };
}

/** Well-formed events of every type, about the held chats, an offered one, or unknown ones. */
const chatId = fc.constantFrom('a', 'b', 'c', 'zz', '');
const text = fc.oneof(fc.string(), fc.constantFrom('\u202E', '\r\n', 'x'.repeat(5000)));
const message = fc.record({
  id: fc.oneof(fc.constantFrom('a-1', 'b-1'), fc.string({ minLength: 1 })),
  from: fc.constantFrom('contact', 'agent', 'system'),
  text,
  at: fc.integer({ min: 0, max: 4_000_000_000_000 }),
});
const chat = fc.record({ id: chatId, contact: fc.record({ name: text }), skill: fc.string(), messages: fc.array(message, { maxLength: 3 }) });
const validEvent = fc.oneof(
  fc.record({ type: fc.constant('agent-state'), state: fc.constantFrom('Available', 'Unavailable', 'Refused') }),
  fc.record({ type: fc.constant('chat-offered'), chat, timeoutMs: fc.nat() }),
  fc.record({ type: fc.constant('offer-withdrawn'), chatId, reason: fc.constantFrom('rejected', 'expired', 'cancelled') }),
  fc.record({ type: fc.constant('chat-assigned'), chat }),
  fc.record({ type: fc.constant('message'), chatId, message }),
  fc.record({ type: fc.constant('chat-ended'), chatId, by: fc.constantFrom('agent', 'contact') }),
  fc.record({ type: fc.constant('chat-closed'), chatId }),
  fc.record({ type: fc.constant('contact-typing'), chatId, typing: fc.boolean() }),
  fc.record({ type: fc.constant('snapshot'), chatIds: fc.array(chatId), offerIds: fc.array(chatId) }),
);

/** A well-formed event with one field replaced by anything, or removed. */
const damagedEvent = fc
  .tuple(validEvent, fc.anything(), fc.nat(), fc.boolean())
  .map(([event, value, pick, remove]) => {
    const copy: Record<string, unknown> = { ...event };
    const keys = Object.keys(copy);
    const key = keys[pick % keys.length] ?? 'type';
    if (remove) delete copy[key];
    else copy[key] = value;
    return copy;
  });

/** The chats the event could touch: the one it names, or all of them for the events that may. */
function untouchable(event: unknown, ids: readonly string[]): string[] {
  const parsed = parseConnectorEvent(event);
  if (!parsed.ok) return [...ids];
  if (parsed.event.type === 'snapshot') return ids.filter((id) => parsed.event.type === 'snapshot' && parsed.event.chatIds.includes(id));
  const named = chatIdOf(event);
  return ids.filter((id) => id !== named);
}

describe('ChatSession under random connector events (fast-check)', () => {
  it('never throws, and never changes a chat the event does not name', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(validEvent, damagedEvent, fc.anything()), (event) => {
        runs += 1;
        const { session, send } = sessionWithChats();
        const before = session.state;
        send(event);
        const after = session.state;
        for (const id of untouchable(event, before.chats.map((candidate) => candidate.id))) {
          expect(after.chats.find((candidate) => candidate.id === id), `chat ${id}`).to.equal(
            before.chats.find((candidate) => candidate.id === id),
          );
        }
        session.dispose();
      }),
      { numRuns: 1500, seed: 20261130 },
    );
    console.log(`[fuzz] session: ${runs} random events, no crash, no other chat touched`);
  });

  it('answers every refused event with a clear, typed error and changes nothing else', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(damagedEvent, fc.anything()), (event) => {
        fc.pre(!parseConnectorEvent(event).ok);
        refused += 1;
        const { session, send } = sessionWithChats();
        const before = session.state;
        send(event);
        const after = session.state;
        expect(after.chats).to.equal(before.chats);
        expect(after.offers).to.equal(before.offers);
        expect(after.agent).to.equal(before.agent);
        const error = after.errors.at(-1);
        expect(error?.kind).to.equal('invalid-event');
        expect(error?.kind === 'invalid-event' && error.field).to.be.a('string').and.not.equal('');
        session.dispose();
      }),
      { numRuns: 1500, seed: 20261130 },
    );
    console.log(`[fuzz] session: ${refused} malformed events refused with an invalid-event error`);
    expect(refused).to.be.greaterThan(1000);
  });
});
