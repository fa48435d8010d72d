import type { DispositionRecord } from '../protocol/types.js';
import { NO_WORK, type Chat, type WorkspaceState } from './state.js';
import { localTail } from './transcript-merge.js';

/** What the agent had typed in a chat and not yet handed to the platform: kept across a page reload. */
export interface RememberedChat {
  draft: string;
  wrapUp: DispositionRecord;
  /** The agent's messages not yet confirmed, in order, with their client ids. */
  pending: { localId: string; text: string; at: number }[];
}

/**
 * The part of `Storage` the session uses; `sessionStorage` by default. With `key` and
 * `length` too, what was kept for chats that are gone by the next visit is cleared.
 */
export type ChatStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & Partial<Pick<Storage, 'key' | 'length'>>;

/**
 * Keeps each chat's draft, after-contact notes and unsent messages in the tab's session
 * storage, per agent and chat, so a reload over a resumable connector loses no typed text.
 */
export class ChatMemory {
  private readonly written = new Map<string, string>();
  /** The chat and work objects last written, by chat id: unchanged ones are skipped. */
  private readonly seen = new Map<string, { chat: Chat; work: unknown }>();

  constructor(
    private readonly storage: ChatStorage,
    private readonly agentId: string,
  ) {}

  /** What was kept for a chat, or `undefined`. A damaged entry is dropped. */
  recall(chatId: string): RememberedChat | undefined {
    try {
      const raw = this.storage.getItem(this.key(chatId));
      if (raw === null) return undefined;
      const value = JSON.parse(raw) as Partial<RememberedChat>;
      if (typeof value?.draft !== 'string' || !Array.isArray(value.pending) || typeof value.wrapUp !== 'object') return undefined;
      this.written.set(chatId, raw);
      return {
        draft: value.draft,
        wrapUp: {
          code: String(value.wrapUp?.code ?? ''),
          tags: Array.isArray(value.wrapUp?.tags) ? value.wrapUp.tags.map(String) : [],
          notes: String(value.wrapUp?.notes ?? ''),
        },
        pending: value.pending.filter(
          (entry): entry is RememberedChat['pending'][number] =>
            typeof entry?.localId === 'string' && typeof entry.text === 'string' && typeof entry.at === 'number',
        ),
      };
    } catch {
      return undefined;
    }
  }

  /** Writes what changed in the chats and the agent's work in them since the last call. */
  keep(state: Pick<WorkspaceState, 'chats' | 'work'>): void {
    for (const chat of state.chats) {
      const work = state.work[chat.id] ?? NO_WORK;
      const seen = this.seen.get(chat.id);
      if (seen?.chat === chat && seen.work === work) continue;
      this.seen.set(chat.id, { chat, work });
      const remembered: RememberedChat = {
        draft: work.draft,
        wrapUp: work.wrapUp,
        pending: localTail(chat.messages).map((message) => ({ localId: message.id, text: message.text, at: message.at })),
      };
      const empty = remembered.draft === '' && remembered.pending.length === 0 && isBlank(remembered.wrapUp);
      const raw = empty ? null : JSON.stringify(remembered);
      if ((this.written.get(chat.id) ?? null) === raw) continue;
      this.write(chat.id, raw);
    }
  }

  /** The platform's whole picture came: what was kept for this agent's other chats goes. */
  forgetAllBut(chatIds: readonly string[]): void {
    const { key, length } = this.storage;
    if (typeof key !== 'function' || typeof length !== 'number') return;
    const prefix = this.key('');
    const keep = new Set(chatIds.map((chatId) => this.key(chatId)));
    const stale: string[] = [];
    for (let index = 0; index < length; index++) {
      const name = key.call(this.storage, index);
      if (name?.startsWith(prefix) && !keep.has(name)) stale.push(name);
    }
    for (const name of stale) this.write(name.slice(prefix.length), null);
  }

  /** The chat left the workspace for good: nothing of it is kept. */
  forget(chatId: string): void {
    this.write(chatId, null);
  }

  private write(chatId: string, raw: string | null): void {
    try {
      if (raw === null) {
        this.storage.removeItem(this.key(chatId));
        this.written.delete(chatId);
        this.seen.delete(chatId);
      } else {
        this.storage.setItem(this.key(chatId), raw);
        this.written.set(chatId, raw);
      }
    } catch {
      // A full or blocked storage costs the reload its drafts, not the session.
    }
  }

  private key(chatId: string): string {
    return `chat-workspace:${this.agentId}:${chatId}`;
  }
}

function isBlank(wrapUp: DispositionRecord): boolean {
  return wrapUp.code === '' && wrapUp.tags.length === 0 && wrapUp.notes === '';
}
