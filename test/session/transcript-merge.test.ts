import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ChatMessage } from '../../src/protocol/types.js';
import type { TranscriptMessage } from '../../src/session/state.js';
import { appendLocal, hasMessage, localTail, markDelivery, mergeTranscript, receiveMessage } from '../../src/session/transcript-merge.js';

/**
 * The transcript keeps each message once, whatever the platform repeats and however long
 * the transcript grew: receiveMessage finds a known id through an index shared along the
 * transcript's line of versions, so these properties check that index against plain scans.
 */

const T0 = Date.UTC(2026, 10, 30, 14);

type Step =
  | { kind: 'new' }
  | { kind: 'again'; pick: number }
  | { kind: 'send' }
  | { kind: 'confirm'; pick: number }
  | { kind: 'fail'; pick: number }
  | { kind: 'replay' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'new' }),
  fc.nat().map((pick): Step => ({ kind: 'again', pick })),
  fc.constant<Step>({ kind: 'send' }),
  fc.nat().map((pick): Step => ({ kind: 'confirm', pick })),
  fc.nat().map((pick): Step => ({ kind: 'fail', pick })),
  fc.constant<Step>({ kind: 'replay' }),
);

/** Plays the steps on a transcript and, beside it, on the list of what the platform recorded. */
function play(steps: readonly Step[]) {
  let messages: readonly TranscriptMessage[] = [];
  const recorded: ChatMessage[] = [];
  const versions: (readonly TranscriptMessage[])[] = [];
  let next = 0;
  for (const action of steps) {
    versions.push(messages);
    const locals = localTail(messages);
    if (action.kind === 'new') {
      const message: ChatMessage = { id: `m${next++}`, from: 'contact', text: 'hi', at: T0 + next };
      recorded.push(message);
      messages = receiveMessage(messages, message);
    } else if (action.kind === 'again' && recorded.length > 0) {
      messages = receiveMessage(messages, recorded[action.pick % recorded.length]!);
    } else if (action.kind === 'send') {
      messages = appendLocal(messages, { id: `local-${next++}`, from: 'agent', text: 'ok', at: T0 + next, delivery: 'sending' });
    } else if (action.kind === 'confirm' && locals.length > 0) {
      const local = locals[action.pick % locals.length]!;
      const message: ChatMessage = { id: `m${next++}`, from: 'agent', text: local.text, at: local.at, clientId: local.id };
      recorded.push(message);
      messages = receiveMessage(messages, message, local.id);
    } else if (action.kind === 'fail' && locals.length > 0) {
      messages = markDelivery(messages, locals[action.pick % locals.length]!.id, 'failed');
    } else if (action.kind === 'replay') {
      // A reconnect hands the whole transcript over: a new line of versions starts.
      messages = mergeTranscript(messages, [...recorded]);
    }
  }
  return { messages, recorded, versions };
}

describe('a transcript that keeps growing', () => {
  it('holds every recorded message once, in the order recorded, before the unsent ones', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const { messages, recorded } = play(steps);
        const ids = messages.map((message) => message.id);
        expect(new Set(ids).size, 'no id twice').to.equal(ids.length);
        const confirmed = messages.filter((message) => message.delivery === undefined).map((message) => message.id);
        expect(confirmed).to.deep.equal(recorded.map((message) => message.id));
        const firstLocal = messages.findIndex((message) => message.delivery !== undefined);
        if (firstLocal >= 0) expect(messages.slice(firstLocal).every((message) => message.delivery !== undefined)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('answers hasMessage as a scan would, for the latest transcript and every earlier one', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), fc.nat(), (steps, probe) => {
        const { messages, recorded, versions } = play(steps);
        for (const version of [...versions, messages]) {
          for (const id of [...recorded.map((message) => message.id), `m${probe}`, 'local-0']) {
            expect(hasMessage(version, id), id).to.equal(version.some((message) => message.id === id));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a message that comes again once, also 20,000 messages later', () => {
    let messages: readonly TranscriptMessage[] = [];
    const first: ChatMessage = { id: 'first', from: 'contact', text: 'Bonjour', at: T0 };
    messages = receiveMessage(messages, first);
    for (let index = 0; index < 20_000; index++) {
      messages = receiveMessage(messages, { id: `m${index}`, from: 'contact', text: 'hi', at: T0 + index });
    }
    const before = messages;
    messages = receiveMessage(messages, first);
    expect(messages).to.equal(before);
    expect(messages.length).to.equal(20_001);
  });
});
