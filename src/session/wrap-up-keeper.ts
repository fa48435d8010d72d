import type { SchedulerLike, Subscription } from 'rxjs';
import type { DispositionRecord } from '../protocol/types.js';
import { selectWork } from './selectors.js';
import type { SessionStore } from './session-store.js';
import type { Chat } from './state.js';

/** How long before the platform's after-contact deadline what the agent typed is saved. */
export const WRAP_UP_SAVE_AHEAD_MS = 3000;

/**
 * When after-contact work runs out of time, the platform closes the chat with its default
 * disposition: what the agent had chosen and typed would be lost. Just before the deadline,
 * a chat whose wrap-up has anything in it is saved and closed with it instead, as Save and
 * close would. (A required disposition not chosen yet is left alone: the platform keeps the
 * chat open until the agent chooses.)
 */
export class WrapUpKeeper {
  private readonly timers = new Map<string, { deadline: number; timer: Subscription }>();
  private readonly following: Subscription;

  constructor(
    private readonly store: SessionStore,
    private readonly scheduler: SchedulerLike,
    private readonly save: (chatId: string, record: DispositionRecord) => void,
  ) {
    this.following = store.select((state) => state.chats).subscribe((chats) => this.follow(chats));
  }

  stop(): void {
    this.following.unsubscribe();
    for (const { timer } of this.timers.values()) timer.unsubscribe();
    this.timers.clear();
  }

  private follow(chats: readonly Chat[]): void {
    const due = new Map(chats.flatMap((chat) => (chat.status === 'ended' && chat.acwExpiresAt !== undefined ? [[chat.id, chat.acwExpiresAt]] : [])));
    for (const [chatId, kept] of this.timers) {
      if (due.get(chatId) !== kept.deadline) {
        kept.timer.unsubscribe();
        this.timers.delete(chatId);
      }
    }
    for (const [chatId, deadline] of due) {
      if (this.timers.has(chatId)) continue;
      const delay = Math.max(0, deadline - WRAP_UP_SAVE_AHEAD_MS - this.scheduler.now());
      this.timers.set(chatId, { deadline, timer: this.scheduler.schedule(() => this.saveIfTyped(chatId), delay) });
    }
  }

  private saveIfTyped(chatId: string): void {
    const { state } = this.store;
    const chat = state.chats.find((candidate) => candidate.id === chatId);
    if (!chat || chat.status !== 'ended') return;
    const { code, tags, notes } = selectWork(state, chatId).wrapUp;
    if (code === '' && tags.length === 0 && notes.trim() === '') return;
    if (code === '' && state.configuration.dispositionRequired) return;
    const known = new Set(state.configuration.tags);
    this.save(chatId, { code, tags: tags.filter((tag) => known.has(tag)), notes });
  }
}
