import { expect } from '@open-wc/testing';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import { DEFAULT_CONFIGURATION, type ChatSnapshot } from '../../src/protocol/types.js';
import { messageOf } from '../../src/session/command-runner.js';
import { eventTypeOf, ignoredEventWarning } from '../../src/session/connector-inbox.js';
import { reduce } from '../../src/session/reducer.js';
import { announcementOf, targetName } from '../../src/session/session-events.js';
import { initialState, type WorkspaceState } from '../../src/session/state.js';

const T0 = Date.UTC(2025, 0, 6, 14, 0, 0);
const agent = { id: 'agent-1', name: 'Alex Martin' };

function snapshot(id: string): ChatSnapshot {
  return {
    id,
    contact: { name: 'Marie Tremblay' },
    skill: 'Billing',
    messages: [{ id: `${id}-m1`, from: 'contact', text: 'Bonjour!', at: T0, authorName: 'Marie Tremblay' }],
  };
}

/** The state before an event, the state after it, and what the session would announce. */
function announce(before: WorkspaceState, event: ConnectorEvent) {
  const after = reduce(before, { type: 'connector-event', event, at: T0 });
  return { after, announcement: announcementOf(event, before, after) };
}

function withChat(id: string): WorkspaceState {
  return reduce(initialState(agent), { type: 'connector-event', event: { type: 'chat-assigned', chat: snapshot(id) }, at: T0 });
}

describe('announcementOf', () => {
  it('announces an offer with the offer the state now holds', () => {
    const { after, announcement } = announce(initialState(agent), { type: 'chat-offered', chat: snapshot('c1'), timeoutMs: 45_000 });
    expect(announcement).to.deep.equal({ type: 'chat-offered', offer: after.offers[0] });
  });

  it('announces an offer once, not again when it is replayed or repeated', () => {
    const first = announce(initialState(agent), { type: 'chat-offered', chat: snapshot('c1'), timeoutMs: 45_000 });
    expect(first.announcement?.type).to.equal('chat-offered');
    expect(announce(first.after, { type: 'chat-offered', chat: snapshot('c1'), timeoutMs: 30_000 }).announcement).to.equal(undefined);
  });

  it('announces a newly assigned chat as accepted, but not one replayed on reconnect', () => {
    const first = announce(initialState(agent), { type: 'chat-assigned', chat: snapshot('c1') });
    expect(first.announcement).to.deep.equal({ type: 'chat-accepted', chat: first.after.chats[0] });
    expect(announce(first.after, { type: 'chat-assigned', chat: snapshot('c1') }).announcement).to.equal(undefined);
  });

  it('announces the end of an active chat once', () => {
    const ended = announce(withChat('c1'), { type: 'chat-ended', chatId: 'c1', by: 'contact' });
    expect(ended.announcement).to.deep.equal({ type: 'chat-ended', chat: ended.after.chats[0] });
    expect(announce(ended.after, { type: 'chat-ended', chatId: 'c1', by: 'contact' }).announcement).to.equal(undefined);
  });

  it('announces an agent-state change with the previous state, and not an echo', () => {
    const changed = announce(initialState(agent), { type: 'agent-state', state: 'Available' });
    expect(changed.announcement).to.deep.equal({ type: 'agent-state-changed', state: 'Available', previous: 'Unavailable' });
    expect(announce(changed.after, { type: 'agent-state', state: 'Available' }).announcement).to.equal(undefined);
  });

  it('announces a change of the case, not its replay', () => {
    const caseInfo = { id: 'CASE-1', subject: 'Invoice', status: 'open' };
    const changed = announce(withChat('c1'), { type: 'case-updated', chatId: 'c1', case: caseInfo });
    expect(changed.announcement).to.deep.equal({ type: 'case-updated', chat: changed.after.chats[0], case: caseInfo });
    expect(announce(changed.after, { type: 'case-updated', chatId: 'c1', case: { ...caseInfo } }).announcement).to.equal(undefined);
    const solved = announce(changed.after, { type: 'case-updated', chatId: 'c1', case: { ...caseInfo, status: 'solved' } });
    expect(solved.announcement?.type).to.equal('case-updated');
  });

  it('announces nothing for the other events', () => {
    const { announcement } = announce(withChat('c1'), { type: 'contact-typing', chatId: 'c1', typing: true });
    expect(announcement).to.equal(undefined);
  });
});

describe('targetName', () => {
  const state: WorkspaceState = {
    ...initialState(agent),
    configuration: {
      ...DEFAULT_CONFIGURATION,
      directory: {
        agents: [{ id: 'agent-2', name: 'Sam Roy', skills: [] }],
        teams: [{ id: 'team-1', name: 'Retention' }],
        skills: [{ id: 'skill-1', name: 'Billing' }],
      },
    },
  };

  it('names a destination from the address book, skills by id or by name', () => {
    expect(targetName(state, { kind: 'agent', id: 'agent-2' })).to.equal('Sam Roy');
    expect(targetName(state, { kind: 'team', id: 'team-1' })).to.equal('Retention');
    expect(targetName(state, { kind: 'skill', id: 'skill-1' })).to.equal('Billing');
    expect(targetName(state, { kind: 'skill', id: 'Billing' })).to.equal('Billing');
  });

  it('falls back to the id for a destination the address book does not list', () => {
    expect(targetName(state, { kind: 'team', id: 'team-9' })).to.equal('team-9');
  });
});

describe('inbound and command helpers', () => {
  it('messageOf reads an Error and stringifies anything else', () => {
    expect(messageOf(new Error('Refused.'))).to.equal('Refused.');
    expect(messageOf('offline')).to.equal('offline');
    expect(messageOf(undefined)).to.equal('undefined');
  });

  it('eventTypeOf names the type of a malformed event when it is a string', () => {
    expect(eventTypeOf({ type: 'chat-offered' })).to.equal('chat-offered');
    expect(eventTypeOf({ type: 7 })).to.equal('unknown');
    expect(eventTypeOf(null)).to.equal('unknown');
  });

  it('ignoredEventWarning names the event and field, ending with one full stop', () => {
    expect(ignoredEventWarning('message', 'message.text', 'must be a string.')).to.equal(
      '[chat-workspace] Ignored a malformed "message" event from the connector: field "message.text": must be a string.',
    );
  });
});
