import { expect } from '@open-wc/testing';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import type { ChatMessage, ChatSnapshot } from '../../src/protocol/types.js';
import { reduce, type SessionAction } from '../../src/session/reducer.js';
import { initialState, type WorkspaceState } from '../../src/session/state.js';

const T0 = Date.UTC(2026, 10, 30, 14, 0, 0);
const agent = { id: 'agent-1', name: 'Alex Martin' };

function contact(id: string, text: string, at: number): ChatMessage {
  return { id, from: 'contact', text, at, authorName: 'Marie Tremblay' };
}

function assigned(messages: ChatMessage[]): ConnectorEvent {
  const chat: ChatSnapshot = { id: 'chat-1', contact: { name: 'Marie Tremblay' }, skill: 'Billing', messages };
  return { type: 'chat-assigned', chat };
}

function apply(state: WorkspaceState, ...actions: SessionAction[]): WorkspaceState {
  return actions.reduce(reduce, state);
}

const received = (event: ConnectorEvent, at = T0): SessionAction => ({ type: 'connector-event', event, at });

describe('resuming a chat the session already holds', () => {
  const platform = [contact('m1', 'Bonjour!', T0), contact('m2', 'My bill is wrong.', T0 + 1_000)];

  /** A chat with 6 messages: 2 from the platform, 1 confirmed by echo, 1 failed and 2 on their way. */
  function busyChat(): WorkspaceState {
    return apply(
      initialState(agent),
      received(assigned(platform)),
      received({
        type: 'message',
        chatId: 'chat-1',
        message: { id: 'm3', from: 'agent', text: 'Let me look.', at: T0 + 2_000, clientId: 'local-1' },
      }),
      { type: 'message-sending', chatId: 'chat-1', localId: 'local-2', text: 'Found it.', authorName: 'Alex Martin', at: T0 + 3_000 },
      { type: 'message-failed', chatId: 'chat-1', localId: 'local-2' },
      { type: 'message-sending', chatId: 'chat-1', localId: 'local-3', text: 'One moment.', authorName: 'Alex Martin', at: T0 + 4_000 },
      { type: 'message-sending', chatId: 'chat-1', localId: 'local-4', text: 'Fixed.', authorName: 'Alex Martin', at: T0 + 5_000 },
    );
  }

  it('keeps failed and unsent agent messages when chat-assigned is sent again (6 stay 6)', () => {
    const before = busyChat();
    expect(before.chats[0].messages).to.have.length(6);

    // The platform resends the chat with what it had recorded before m3.
    const after = reduce(before, received(assigned(platform)));
    const shown = after.chats[0].messages.map((message) => [message.text, message.delivery ?? 'delivered']);
    expect(shown).to.deep.equal([
      ['Bonjour!', 'delivered'],
      ['My bill is wrong.', 'delivered'],
      ['Let me look.', 'delivered'],
      ['Found it.', 'failed'],
      ['One moment.', 'sending'],
      ['Fixed.', 'sending'],
    ]);
  });

  it('shows a message id once, and an agent message once whether its echo or its answer came first', () => {
    const platformWithEcho = [
      ...platform,
      { id: 'm3', from: 'agent' as const, text: 'Let me look.', at: T0 + 2_000, clientId: 'local-1' },
      { id: 'm5', from: 'agent' as const, text: 'One moment.', at: T0 + 4_000, clientId: 'local-3' },
    ];
    const after = reduce(busyChat(), received(assigned(platformWithEcho)));
    expect(after.chats[0].messages.map((message) => message.text)).to.deep.equal([
      'Bonjour!',
      'My bill is wrong.',
      'Let me look.',
      'One moment.',
      'Found it.',
      'Fixed.',
    ]);
    // The answer of local-3 arriving afterwards does not add it again.
    const answered = reduce(after, {
      type: 'message-delivered',
      chatId: 'chat-1',
      localId: 'local-3',
      message: platformWithEcho[3],
    });
    expect(answered.chats[0].messages.filter((message) => message.text === 'One moment.')).to.have.length(1);
  });

  it('replaces the local copy with the echo that carries its client id, where the platform recorded it', () => {
    const state = apply(
      initialState(agent),
      received(assigned(platform)),
      { type: 'message-sending', chatId: 'chat-1', localId: 'local-9', text: 'Hello', authorName: 'Alex Martin', at: T0 + 2_000 },
      received({ type: 'message', chatId: 'chat-1', message: contact('m3', 'Hi?', T0 + 2_500) }),
      received({
        type: 'message',
        chatId: 'chat-1',
        message: { id: 'm4', from: 'agent', text: 'Hello', at: T0 + 2_100, clientId: 'local-9' },
      }),
    );
    expect(state.chats[0].messages.map((message) => [message.id, message.delivery])).to.deep.equal([
      ['m1', undefined],
      ['m2', undefined],
      ['m3', undefined],
      ['m4', undefined],
    ]);
  });

  it('keeps messages that arrive between Accept and the assignment', () => {
    const state = apply(
      initialState(agent),
      received({ type: 'chat-offered', chat: assignedChat(platform.slice(0, 1)), timeoutMs: 45_000 }),
      { type: 'offer-status', chatId: 'chat-1', status: 'accepting' },
      received({ type: 'message', chatId: 'chat-1', message: contact('m2', 'My bill is wrong.', T0 + 1_000) }),
      received(assigned(platform.slice(0, 1))),
    );
    expect(state.errors).to.deep.equal([]);
    expect(state.chats[0].messages.map((message) => message.id)).to.deep.equal(['m1', 'm2']);
  });

  it('keeps an Accept on its way when the offer is replayed, and adds no offer replayed after its end', () => {
    const offered = apply(
      initialState(agent),
      received({ type: 'chat-offered', chat: assignedChat(platform), timeoutMs: 45_000 }),
      { type: 'offer-status', chatId: 'chat-1', status: 'accepting' },
      received({ type: 'chat-offered', chat: assignedChat(platform), timeoutMs: 30_000 }, T0 + 15_000),
    );
    expect(offered.offers.map((offer) => [offer.status, offer.receivedAt, offer.expiresAt])).to.deep.equal([
      ['accepting', T0, T0 + 45_000],
    ]);
    const answeredBefore = reduce(initialState(agent), received({ type: 'chat-offered', chat: assignedChat(platform), timeoutMs: 0 }));
    expect(answeredBefore.offers).to.deep.equal([]);
  });

  it('starts the purple timer when the platform says the chat ended, not when the news arrived', () => {
    const state = apply(
      initialState(agent),
      received(assigned(platform)),
      received({ type: 'chat-ended', chatId: 'chat-1', by: 'contact', at: T0 + 2_000 }, T0 + 90_000),
    );
    expect(state.chats[0]?.endedAt).to.equal(T0 + 2_000);
  });

  it('drops the chats and offers a snapshot no longer lists, and keeps the rest', () => {
    const state = apply(
      initialState(agent),
      received(assigned(platform)),
      received({ type: 'chat-assigned', chat: { ...assignedChat(platform), id: 'chat-2' } }),
      received({ type: 'chat-offered', chat: { ...assignedChat(platform), id: 'chat-3' }, timeoutMs: 45_000 }),
      { type: 'chat-activated', chatId: 'chat-2' },
      received({ type: 'snapshot', chatIds: ['chat-1'], offerIds: [] }),
    );
    expect(state.chats.map((chat) => chat.id)).to.deep.equal(['chat-1']);
    expect(state.offers).to.deep.equal([]);
    expect(state.activeChatId).to.equal('chat-1');
  });

  it('tells reconnecting from offline, with the reason, and a late event does not undo offline', () => {
    const reconnecting = apply(initialState(agent), received(assigned(platform)), {
      type: 'connection-changed',
      status: 'reconnecting',
      reason: 'The server stopped answering.',
    });
    expect(reconnecting).to.include({ connection: 'reconnecting', connectionReason: 'The server stopped answering.' });
    const back = reduce(reconnecting, { type: 'connection-changed', status: 'connected' });
    expect(back.connection).to.equal('connected');
    expect(back.connectionReason).to.equal(undefined);
    const offline = reduce(back, { type: 'connection-lost', message: 'Replaced by another tab.', at: T0 });
    expect(reduce(offline, { type: 'connection-changed', status: 'connected' }).connection).to.equal('offline');
  });
});

function assignedChat(messages: ChatMessage[]): ChatSnapshot {
  return { id: 'chat-1', contact: { name: 'Marie Tremblay' }, skill: 'Billing', messages };
}
