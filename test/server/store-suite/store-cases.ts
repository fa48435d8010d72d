/**
 * One suite for every `PlatformStore` of the server (SQLite, PostgreSQL): what the core
 * relies on, and that the data outlives the store object (a restart, another process).
 * Runs in Node (scripts/wtr-server-plugin.mjs, `store-suite`), not in the browser.
 */
import { deepEqual, equal, notEqual, ok, throws } from 'node:assert/strict';
import type { ChatRecord, PlatformStore } from '../../../src/platform/store.js';

/** One store under test, with the way it runs changes and opens a second view of its data. */
export interface StoreHarness {
  store: PlatformStore;
  /** Runs a change as the server does (a unit over PostgreSQL); resolves once it is durable. */
  change<T>(work: () => T): Promise<T>;
  /** Reads with every committed change in view. */
  read<T>(work: () => T): Promise<T>;
  /** Another store on the same data, opened fresh: a restarted process, or a second one. */
  reopen(): Promise<StoreHarness>;
  /** The schema version the database records. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

export type OpenStore = (options: { streamLimit?: number }) => Promise<StoreHarness>;

const chat = (id: string, overrides: Partial<ChatRecord> = {}): ChatRecord => ({
  id,
  state: 'queued',
  skill: 'Billing',
  contact: { name: `Contact ${id}` },
  route: { kind: 'skill', skill: 'Billing' },
  ...overrides,
});

const message = (id: string, text: string) => ({ id, from: 'contact' as const, text, at: 1 });

export const storeCases: Record<string, (open: OpenStore) => Promise<void>> = {
  'sequences count from 1 per name and go on after a reopen': async (open) => {
    const first = await open({});
    deepEqual(await first.change(() => [first.store.nextSequence('queue'), first.store.nextSequence('queue'), first.store.nextSequence('message')]), [1, 2, 1]);
    const second = await first.reopen();
    equal(await second.change(() => second.store.nextSequence('queue')), 3);
    await Promise.all([second.close(), first.close()]);
  },
  'chat ids are new each time, not guessable, and listed in creation order': async (open) => {
    const harness = await open({});
    const ids = await harness.change(() => [1, 2, 3].map(() => {
      const id = harness.store.newChatId();
      harness.store.saveChat(chat(id));
      return id;
    }));
    equal(new Set(ids).size, 3);
    ok(ids.every((id) => id.length > 12), 'ids carry a random part');
    deepEqual(await harness.read(() => harness.store.chatIds()), ids);
    await harness.close();
  },
  'reads are copies: changing one changes nothing until it is saved': async (open) => {
    const harness = await open({});
    await harness.change(() => harness.store.saveChat(chat('c1')));
    const copy = await harness.read(() => harness.store.chat('c1'));
    if (copy) copy.state = 'closed';
    equal((await harness.read(() => harness.store.chat('c1')))?.state, 'queued');
    equal(await harness.read(() => harness.store.chat('nope')), undefined);
    await harness.close();
  },
  'chats are listed by state, agent and line order': async (open) => {
    const harness = await open({});
    await harness.change(() => {
      harness.store.saveChat(chat('chat-1-a', { queueOrder: 5 }));
      harness.store.saveChat(chat('chat-2-b', { queueOrder: -1 }));
      harness.store.saveChat(chat('chat-3-c', { state: 'offered', agentId: 'a1', offerExpiresAt: 10 }));
      harness.store.saveChat(chat('chat-4-d', { state: 'ended', agentId: 'a1' }));
      harness.store.saveChat(chat('chat-5-e', { state: 'closed', agentId: 'a1' }));
    });
    const reopened = await harness.reopen();
    for (const view of [harness, reopened]) {
      deepEqual(await view.read(() => view.store.queuedChats().map((record) => record.id)), ['chat-2-b', 'chat-1-a']);
      deepEqual(await view.read(() => view.store.chatsOfAgent('a1').map((record) => record.id)), ['chat-3-c', 'chat-4-d']);
      deepEqual(await view.read(() => view.store.offeredChats().map((record) => record.offerExpiresAt)), [10]);
      deepEqual(await view.read(() => view.store.endedChats().map((record) => record.id)), ['chat-4-d']);
    }
    await Promise.all([reopened.close(), harness.close()]);
  },
  'messages keep their order; a message for no chat is refused': async (open) => {
    const harness = await open({});
    await harness.change(() => {
      harness.store.saveChat(chat('c1'));
      harness.store.appendMessage('c1', message('m1', 'one'));
      harness.store.appendMessage('c1', message('m2', 'two'));
    });
    await harness.change(() => throws(() => harness.store.appendMessage('ghost', message('m3', 'x'))));
    const reopened = await harness.reopen();
    deepEqual(await reopened.read(() => reopened.store.messages('c1').map((entry) => entry.text)), ['one', 'two']);
    await Promise.all([reopened.close(), harness.close()]);
  },
  'changes made together keep their effects, whatever order they wrote their tables in': async (open) => {
    const harness = await open({});
    await harness.change(() => harness.store.saveChat(chat('c1')));
    await Promise.all([
      harness.change(() => harness.store.appendMessage('c1', message('m1', 'to the older chat'))),
      harness.change(() => {
        harness.store.saveChat(chat('c2'));
        harness.store.appendMessage('c2', message('m2', 'first of the new chat'));
      }),
    ]);
    const reopened = await harness.reopen();
    deepEqual(await reopened.read(() => ['c1', 'c2'].map((id) => reopened.store.messages(id).length)), [1, 1]);
    await Promise.all([reopened.close(), harness.close()]);
  },
  'a transaction that throws keeps nothing; a nested one undoes only its own writes': async (open) => {
    const harness = await open({});
    await harness.change(() => {
      throws(() => harness.store.transaction(() => {
        harness.store.saveChat(chat('gone'));
        throw new Error('no');
      }));
      harness.store.transaction(() => {
        harness.store.saveChat(chat('kept'));
        throws(() => harness.store.transaction(() => {
          harness.store.saveAgent({ id: 'a1', name: 'A', state: 'Available', idleSince: 0 });
          throw new Error('inner');
        }));
      });
    });
    const reopened = await harness.reopen();
    deepEqual(await reopened.read(() => reopened.store.chatIds()), ['kept']);
    equal(await reopened.read(() => reopened.store.agent('a1')), undefined);
    await Promise.all([reopened.close(), harness.close()]);
  },
  'agent streams number events from 1, replay after a point, and say when a gap was pruned': async (open) => {
    const harness = await open({ streamLimit: 3 });
    const seqs = await harness.change(() => [1, 2, 3, 4, 5].map((n) => harness.store.appendEvent('a1', { type: 'agent-state', state: n % 2 ? 'Available' : 'Unavailable' })));
    deepEqual(seqs, [1, 2, 3, 4, 5]);
    const reopened = await harness.reopen();
    for (const view of [harness, reopened]) {
      equal(await view.read(() => view.store.lastSeq('a1')), 5);
      deepEqual(await view.read(() => view.store.eventsAfter('a1', 3)?.map((entry) => entry.seq)), [4, 5]);
      equal(await view.read(() => view.store.eventsAfter('a1', 1)), undefined, 'pruned events cannot be replayed');
      equal(await view.read(() => view.store.eventsAfter('a1', 6)), undefined, 'a point past the end is another stream');
      deepEqual(await view.read(() => view.store.eventsAfter('nobody', 0)), []);
    }
    await Promise.all([reopened.close(), harness.close()]);
  },
  'command outcomes, agents and engagements outlive the store object': async (open) => {
    const harness = await open({});
    await harness.change(() => {
      harness.store.saveCommandOutcome('a1', 'cmd-1', { ok: false, error: 'refused' }, Date.now());
      harness.store.saveAgent({ id: 'a1', name: 'Alex', state: 'Refused', idleSince: 7 });
      harness.store.addEngagement({ agentId: 'a1', createdAt: 3, channel: 'email', contact: { name: 'M' }, note: '' });
    });
    const reopened = await harness.reopen();
    deepEqual(await reopened.read(() => reopened.store.commandOutcome('a1', 'cmd-1')), { ok: false, error: 'refused' });
    equal(await reopened.read(() => reopened.store.commandOutcome('a1', 'cmd-2')), undefined);
    equal((await reopened.read(() => reopened.store.agent('a1')))?.state, 'Refused');
    equal((await reopened.read(() => reopened.store.engagements()))[0]?.channel, 'email');
    await Promise.all([reopened.close(), harness.close()]);
  },
  'the store keeps its id and schema version across reopens': async (open) => {
    const harness = await open({});
    const reopened = await harness.reopen();
    equal(reopened.store.id, harness.store.id);
    const other = await open({});
    notEqual(other.store.id, harness.store.id, 'new data, new id');
    ok((await reopened.schemaVersion()) >= 1);
    equal(await reopened.schemaVersion(), await harness.schemaVersion());
    await Promise.all([reopened.close(), harness.close(), other.close()]);
  },
  'two stores open on the same data see each other’s changes': async (open) => {
    const first = await open({});
    const second = await first.reopen();
    await first.change(() => first.store.saveChat(chat('c1')));
    equal((await second.read(() => second.store.chat('c1')))?.state, 'queued');
    await second.change(() => second.store.saveChat(chat('c1', { state: 'closed' })));
    equal((await first.read(() => first.store.chat('c1')))?.state, 'closed');
    equal(await first.change(() => first.store.nextSequence('chat')), 1);
    equal(await second.change(() => second.store.nextSequence('chat')), 2);
    await Promise.all([second.close(), first.close()]);
  },
};

/** Runs every case; answers each one's name and, when it failed, why. */
export async function runStoreSuite(open: OpenStore): Promise<{ name: string; error?: string }[]> {
  const results: { name: string; error?: string }[] = [];
  for (const [name, run] of Object.entries(storeCases)) {
    try {
      await run(open);
      results.push({ name });
    } catch (error) {
      results.push({ name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  return results;
}
