import { expect } from '@open-wc/testing';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import {
  DEFAULT_CONFIGURATION,
  type ChatMessage,
  type ChatSnapshot,
  type WorkspaceConfiguration,
} from '../../src/protocol/types.js';
import { reduce, type SessionAction } from '../../src/session/reducer.js';
import {
  firstContactMessage,
  secondsLeft,
  selectActiveChat,
  selectAtCapacity,
  selectLoad,
} from '../../src/session/selectors.js';
import { MAX_KEPT_ERRORS, initialState, type WorkspaceState } from '../../src/session/state.js';

const T0 = Date.UTC(2025, 0, 6, 14, 0, 0);
const agent = { id: 'agent-1', name: 'Alex Martin' };

function message(id: string, text: string, from: ChatMessage['from'] = 'contact', at = T0): ChatMessage {
  return { id, from, text, at, authorName: from === 'contact' ? 'Marie Tremblay' : 'Alex Martin' };
}

function snapshot(id: string, name = 'Marie Tremblay', messages = [message(`${id}-m1`, 'Bonjour!')]): ChatSnapshot {
  return { id, contact: { name }, skill: 'Billing', messages };
}

function received(event: ConnectorEvent, at = T0): SessionAction {
  return { type: 'connector-event', event, at };
}

function apply(state: WorkspaceState, ...actions: SessionAction[]): WorkspaceState {
  return actions.reduce(reduce, state);
}

/** Fails the test if the reducer writes to the state it was given. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

/** A workspace holding chats a, b and c (b active) and an offer for d. */
function workspaceWithChats(): WorkspaceState {
  return apply(
    initialState(agent),
    received({ type: 'chat-assigned', chat: snapshot('a', 'Marie Tremblay') }),
    received({ type: 'chat-assigned', chat: snapshot('b', 'Jean Roy') }),
    received({ type: 'chat-assigned', chat: snapshot('c', 'Lucie Gagnon') }),
    { type: 'chat-activated', chatId: 'b' },
    received({ type: 'chat-offered', chat: snapshot('d', 'Paul Côté'), timeoutMs: 45_000 }),
  );
}

describe('reduce', () => {
  it('starts connecting, Unavailable, with the default configuration and nothing open', () => {
    const state = initialState(agent);
    expect(state).to.deep.include({
      connection: 'connecting',
      agent: { id: 'agent-1', name: 'Alex Martin', state: 'Unavailable' },
      configured: false,
      configuration: DEFAULT_CONFIGURATION,
      offers: [],
      chats: [],
      errors: [],
    });
    expect(state.activeChatId).to.equal(undefined);
  });

  it('never changes the state it is given', () => {
    const before = deepFreeze(workspaceWithChats());
    const copy = structuredClone(before);
    apply(
      before,
      received({ type: 'message', chatId: 'b', message: message('b-m2', 'Allô?') }),
      received({ type: 'chat-ended', chatId: 'b', by: 'contact' }),
      received({ type: 'chat-closed', chatId: 'b' }),
      received({ type: 'offer-withdrawn', chatId: 'd', reason: 'expired' }),
      { type: 'error', error: { kind: 'disconnected', message: 'gone', at: T0 } },
    );
    expect(before).to.deep.equal(copy);
  });

  describe('connector events', () => {
    it('takes the configuration the connector delivers and marks the session connected', () => {
      const configuration: WorkspaceConfiguration = {
        ...DEFAULT_CONFIGURATION,
        maxConcurrentChats: 5,
        dispositions: [{ code: 'resolved', label: 'Resolved' }],
      };
      const state = reduce(initialState(agent), received({ type: 'configuration', configuration }));
      expect(state.configured).to.equal(true);
      expect(state.connection).to.equal('connected');
      expect(state.configuration).to.deep.equal(configuration);
    });

    it('takes the agent state and clears a request the platform confirmed', () => {
      const requested = reduce(initialState(agent), { type: 'agent-state-requested', state: 'Available' });
      expect(requested.requestedAgentState).to.equal('Available');
      expect(requested.agent.state, 'a request alone does not change the state').to.equal('Unavailable');

      const confirmed = reduce(requested, received({ type: 'agent-state', state: 'Available' }));
      expect(confirmed.agent.state).to.equal('Available');
      expect(confirmed.requestedAgentState).to.equal(undefined);

      const refused = reduce(confirmed, received({ type: 'agent-state', state: 'Refused' }));
      expect(refused.agent.state).to.equal('Refused');
    });

    it('adds an offer that expires after its timeout, counted from receipt', () => {
      const state = reduce(
        initialState(agent),
        received({ type: 'chat-offered', chat: snapshot('d'), timeoutMs: 30_000 }, T0 + 500),
      );
      expect(state.offers).to.deep.equal([
        {
          chatId: 'd',
          contact: { name: 'Marie Tremblay' },
          skill: 'Billing',
          messages: snapshot('d').messages,
          receivedAt: T0 + 500,
          expiresAt: T0 + 30_500,
          status: 'pending',
          transfers: [],
        },
      ]);
    });

    it('replaces a repeated offer of the same chat instead of showing it twice', () => {
      const state = apply(
        initialState(agent),
        received({ type: 'chat-offered', chat: snapshot('d'), timeoutMs: 45_000 }, T0),
        received({ type: 'chat-offered', chat: snapshot('d'), timeoutMs: 30_000 }, T0 + 15_000),
      );
      expect(state.offers).to.have.length(1);
      expect(state.offers[0].expiresAt).to.equal(T0 + 45_000);
    });

    it('removes only the withdrawn offer', () => {
      const state = apply(
        initialState(agent),
        received({ type: 'chat-offered', chat: snapshot('d'), timeoutMs: 45_000 }),
        received({ type: 'chat-offered', chat: snapshot('e', 'Jean Roy'), timeoutMs: 45_000 }),
        received({ type: 'offer-withdrawn', chatId: 'd', reason: 'rejected' }),
      );
      expect(state.offers.map((offer) => offer.chatId)).to.deep.equal(['e']);
    });

    it('marks an offer accepting or rejecting while the answer is on its way', () => {
      const state = apply(
        initialState(agent),
        received({ type: 'chat-offered', chat: snapshot('d'), timeoutMs: 45_000 }),
        received({ type: 'chat-offered', chat: snapshot('e', 'Jean Roy'), timeoutMs: 45_000 }),
        { type: 'offer-status', chatId: 'e', status: 'accepting' },
      );
      expect(state.offers.map((offer) => offer.status)).to.deep.equal(['pending', 'accepting']);
    });

    describe('chat-assigned', () => {
      it('turns the offer into the active chat when no chat is open', () => {
        const state = apply(
          initialState(agent),
          received({ type: 'chat-offered', chat: snapshot('d'), timeoutMs: 45_000 }),
          received({ type: 'chat-assigned', chat: snapshot('d') }, T0 + 3_000),
        );
        expect(state.offers).to.deep.equal([]);
        expect(state.chats).to.deep.equal([
          {
            id: 'd',
            contact: { name: 'Marie Tremblay' },
            skill: 'Billing',
            messages: snapshot('d').messages,
            unread: 0,
            contactTyping: false,
            transfers: [],
            status: 'active',
            acceptedAt: T0 + 3_000,
            endedAt: undefined,
            endedBy: undefined,
          },
        ]);
        expect(state.activeChatId).to.equal('d');
        // Nothing typed yet: the agent's work in the chat is kept apart, and empty.
        expect(state.work).to.deep.equal({});
      });

      it('shows a chat the agent is accepting, even when another chat is open', () => {
        const state = apply(
          workspaceWithChats(),
          { type: 'offer-status', chatId: 'd', status: 'accepting' },
          received({ type: 'chat-assigned', chat: snapshot('d', 'Paul Côté') }),
        );
        expect(state.activeChatId).to.equal('d');
        expect(state.offers).to.deep.equal([]);
        expect(state.chats.map((chat) => chat.id)).to.deep.equal(['a', 'b', 'c', 'd']);
      });

      it('keeps the agent on the open chat when a chat arrives that the agent is not accepting', () => {
        const state = reduce(workspaceWithChats(), received({ type: 'chat-assigned', chat: snapshot('e') }));
        expect(state.activeChatId).to.equal('b');
        expect(state.chats.map((chat) => chat.id)).to.deep.equal(['a', 'b', 'c', 'e']);
      });

      it('updates a chat it already holds instead of adding it twice, keeping its timers', () => {
        const before = apply(
          workspaceWithChats(),
          received({ type: 'chat-ended', chatId: 'a', by: 'agent' }, T0 + 9_000),
        );
        const history = [message('a-m1', 'Bonjour!'), message('a-m2', 'Merci', 'agent')];
        const state = reduce(
          before,
          received({ type: 'chat-assigned', chat: snapshot('a', 'Marie Tremblay', history) }, T0 + 60_000),
        );
        expect(state.chats).to.have.length(3);
        expect(state.chats[0]).to.deep.include({
          status: 'ended',
          acceptedAt: T0,
          endedAt: T0 + 9_000,
          endedBy: 'agent',
          messages: history,
        });
      });
    });

    describe('message', () => {
      it('appends a message to its chat only', () => {
        const before = workspaceWithChats();
        const state = reduce(before, received({ type: 'message', chatId: 'c', message: message('c-m2', 'Allô?') }));
        expect(state.chats[2].messages.map((known) => known.text)).to.deep.equal(['Bonjour!', 'Allô?']);
        expect(state.chats.slice(0, 2)).to.deep.equal(before.chats.slice(0, 2));
      });

      it('keeps a repeated message id once', () => {
        const repeated = message('c-m2', 'Allô?');
        const state = apply(
          workspaceWithChats(),
          received({ type: 'message', chatId: 'c', message: repeated }),
          received({ type: 'message', chatId: 'c', message: message('c-m3', 'Encore moi') }),
          received({ type: 'message', chatId: 'c', message: repeated }),
        );
        expect(state.chats[2].messages.map((known) => known.id)).to.deep.equal(['c-m1', 'c-m2', 'c-m3']);
      });
    });

    it('ends a chat once: a repeated chat-ended keeps the first end time', () => {
      const state = apply(
        workspaceWithChats(),
        received({ type: 'chat-ended', chatId: 'b', by: 'contact' }, T0 + 10_000),
        received({ type: 'chat-ended', chatId: 'b', by: 'agent' }, T0 + 20_000),
      );
      expect(state.chats[1]).to.deep.include({ status: 'ended', endedAt: T0 + 10_000, endedBy: 'contact' });
      expect(state.chats[0].status).to.equal('active');
      expect(state.activeChatId, 'an ended chat stays on screen for after-contact work').to.equal('b');
    });

    describe('chat-closed', () => {
      it('moves the agent to the next tab when the active chat closes', () => {
        const state = reduce(workspaceWithChats(), received({ type: 'chat-closed', chatId: 'b' }));
        expect(state.chats.map((chat) => chat.id)).to.deep.equal(['a', 'c']);
        expect(state.activeChatId).to.equal('c');
      });

      it('moves the agent to the previous tab when the last tab was active', () => {
        const state = apply(
          workspaceWithChats(),
          { type: 'chat-activated', chatId: 'c' },
          received({ type: 'chat-closed', chatId: 'c' }),
        );
        expect(state.activeChatId).to.equal('b');
      });

      it('keeps the active chat when another one closes', () => {
        const state = reduce(workspaceWithChats(), received({ type: 'chat-closed', chatId: 'a' }));
        expect(state.activeChatId).to.equal('b');
      });

      it('leaves no active chat when the last one closes', () => {
        const state = apply(
          initialState(agent),
          received({ type: 'chat-assigned', chat: snapshot('a') }),
          received({ type: 'chat-closed', chatId: 'a' }),
        );
        expect(state.chats).to.deep.equal([]);
        expect(state.activeChatId).to.equal(undefined);
      });
    });

    describe('events about chats the workspace does not hold', () => {
      const strays: [string, ConnectorEvent][] = [
        ['message', { type: 'message', chatId: 'zz', message: message('zz-m1', 'Allô?') }],
        ['chat-ended', { type: 'chat-ended', chatId: 'zz', by: 'contact' }],
        ['message for an offered chat', { type: 'message', chatId: 'd', message: message('d-m9', 'Allô?') }],
      ];
      for (const [what, event] of strays) {
        it(`reports a ${what} as an invalid-event error and leaves every chat and offer as it was`, () => {
          const before = workspaceWithChats();
          const state = reduce(before, received(event, T0 + 1_000));
          const chatId = 'chatId' in event ? event.chatId : undefined;

          expect(state.errors).to.have.length(1);
          expect(state.errors[0]).to.deep.include({ kind: 'invalid-event', field: 'chatId', chatId, at: T0 + 1_000 });
          expect(state.errors[0].message).to.contain(String(chatId));
          expect(state.chats).to.deep.equal(before.chats);
          expect(state.offers).to.deep.equal(before.offers);
          expect(state.activeChatId).to.equal(before.activeChatId);
        });
      }
    });
  });

  describe('local actions', () => {
    it('switches the active chat, and ignores a chat it does not hold', () => {
      const switched = reduce(workspaceWithChats(), { type: 'chat-activated', chatId: 'a' });
      expect(switched.activeChatId).to.equal('a');
      const ignored = reduce(switched, { type: 'chat-activated', chatId: 'd' });
      expect(ignored).to.equal(switched);
    });

    it('marks the connection lost and says why', () => {
      const state = reduce(workspaceWithChats(), {
        type: 'connection-lost',
        message: 'The contact center closed the connection.',
        at: T0,
      });
      expect(state.connection).to.equal('offline');
      expect(state.errors.at(-1)).to.deep.include({
        kind: 'disconnected',
        message: 'The contact center closed the connection.',
      });
    });

    it(`keeps the ${MAX_KEPT_ERRORS} most recent errors, most recent last, with distinct ids`, () => {
      let state = initialState(agent);
      for (let index = 1; index <= MAX_KEPT_ERRORS + 5; index++) {
        state = reduce(state, {
          type: 'error',
          error: { kind: 'command-failed', command: 'sendMessage', message: `failure ${index}`, at: T0 + index },
        });
      }
      expect(state.errors).to.have.length(MAX_KEPT_ERRORS);
      expect(state.errors[0].message).to.equal('failure 6');
      expect(state.errors.at(-1)?.message).to.equal(`failure ${MAX_KEPT_ERRORS + 5}`);
      expect(new Set(state.errors.map((error) => error.id)).size).to.equal(MAX_KEPT_ERRORS);
    });

    it('forgets a dismissed error and keeps the others', () => {
      const withErrors = apply(
        initialState(agent),
        { type: 'error', error: { kind: 'disconnected', message: 'first', at: T0 } },
        { type: 'error', error: { kind: 'disconnected', message: 'second', at: T0 } },
      );
      const state = reduce(withErrors, { type: 'error-dismissed', id: withErrors.errors[0].id });
      expect(state.errors.map((error) => error.message)).to.deep.equal(['second']);
    });
  });
});

describe('selectors', () => {
  it('selects the active chat', () => {
    const state = workspaceWithChats();
    expect(selectActiveChat(state)?.contact.name).to.equal('Jean Roy');
    expect(selectActiveChat(initialState(agent))).to.equal(undefined);
  });

  it('counts chats and offers against capacity (R3)', () => {
    const configured = reduce(
      initialState(agent),
      received({ type: 'configuration', configuration: { ...DEFAULT_CONFIGURATION, maxConcurrentChats: 2 } }),
    );
    const oneChat = reduce(configured, received({ type: 'chat-assigned', chat: snapshot('a') }));
    expect(selectLoad(oneChat)).to.equal(1);
    expect(selectAtCapacity(oneChat)).to.equal(false);

    const plusOffer = reduce(oneChat, received({ type: 'chat-offered', chat: snapshot('b'), timeoutMs: 45_000 }));
    expect(selectLoad(plusOffer)).to.equal(2);
    expect(selectAtCapacity(plusOffer)).to.equal(true);
  });

  it("shows the contact's first message in the offer, skipping system lines", () => {
    const state = reduce(
      initialState(agent),
      received({
        type: 'chat-offered',
        chat: snapshot('d', 'Marie Tremblay', [
          message('d-m1', 'Chat transferred by Alex Martin', 'system'),
          message('d-m2', 'Bonjour!'),
          message('d-m3', 'Ma facture', 'contact'),
        ]),
        timeoutMs: 45_000,
      }),
    );
    expect(firstContactMessage(state.offers[0])).to.equal('Bonjour!');
    const silent = reduce(
      initialState(agent),
      received({ type: 'chat-offered', chat: snapshot('e', 'Jean Roy', []), timeoutMs: 45_000 }),
    );
    expect(firstContactMessage(silent.offers[0])).to.equal('');
  });

  describe('secondsLeft', () => {
    const offer = reduce(
      initialState(agent),
      received({ type: 'chat-offered', chat: snapshot('d'), timeoutMs: 45_000 }, T0),
    ).offers[0];

    const cases: [number, number][] = [
      [0, 45],
      [1, 45],
      [999, 45],
      [1_000, 44],
      [44_000, 1],
      [44_999, 1],
      [45_000, 0],
      [90_000, 0],
    ];
    for (const [elapsed, expected] of cases) {
      it(`shows ${expected} s after ${elapsed} ms of a 45 s offer`, () => {
        expect(secondsLeft(offer, T0 + elapsed)).to.equal(expected);
      });
    }
  });
});
