import { Observable, Subject } from 'rxjs';
import { parseConnectorEvent } from '../protocol/events.js';
import type { WorkspaceState } from './state.js';

/** rrweb's `EventType.Meta`: a recording (re)starts with it, then a full snapshot. */
const META_EVENT = 4;

/** How many events of one co-browse the feed keeps for a viewer that opens late. */
export const MAX_KEPT_COBROWSE_EVENTS = 5000;

/**
 * The contact's page recording per chat, for the co-browse viewer. It keeps the events
 * since the latest full snapshot, so a viewer that opens late (the agent switched tabs)
 * starts from a whole page, and forgets them when the co-browse ends.
 */
export class CobrowseFeed {
  private readonly kept = new Map<string, unknown[]>();
  private readonly live = new Subject<{ chatId: string; events: unknown[] }>();

  /**
   * One connector event, after the session took it in: a recording batch the inbox
   * accepted, for a chat whose page is shared now, goes to the viewer; an ended co-browse
   * (or a chat gone) is forgotten.
   */
  take(event: unknown, state: WorkspaceState): void {
    const batch = event as { type?: unknown; chatId?: unknown; events?: unknown };
    if (batch?.type === 'cobrowse-events' && typeof batch.chatId === 'string' && Array.isArray(batch.events)) {
      const chatId = batch.chatId;
      if (parseConnectorEvent(event).ok && state.chats.some((chat) => chat.id === chatId && chat.cobrowse === 'active')) {
        this.receive(chatId, batch.events as unknown[]);
      }
    } else if (batch?.type === 'cobrowse' || batch?.type === 'chat-closed' || batch?.type === 'snapshot') {
      this.follow(state);
    }
  }

  /** A batch the session accepted for a chat whose page is shared. */
  receive(chatId: string, events: readonly unknown[]): void {
    let kept = this.kept.get(chatId) ?? [];
    for (const event of events) {
      if ((event as { type?: unknown }).type === META_EVENT) kept = [];
      kept.push(event);
    }
    // Too long a recording without a checkpoint: the viewer of a late tab starts from the latest snapshot it can.
    if (kept.length > MAX_KEPT_COBROWSE_EVENTS) kept = kept.slice(-MAX_KEPT_COBROWSE_EVENTS);
    this.kept.set(chatId, kept);
    this.live.next({ chatId, events: [...events] });
  }

  /** Forgets the recordings of chats that no longer share their page. */
  follow(state: WorkspaceState): void {
    for (const chatId of this.kept.keys()) {
      if (!state.chats.some((chat) => chat.id === chatId && chat.cobrowse === 'active')) this.kept.delete(chatId);
    }
  }

  /** What was kept of the chat's recording, then every new batch as it arrives. */
  events$(chatId: string): Observable<unknown[]> {
    return new Observable<unknown[]>((subscriber) => {
      const kept = this.kept.get(chatId);
      if (kept?.length) subscriber.next([...kept]);
      return this.live.subscribe((batch) => {
        if (batch.chatId === chatId) subscriber.next(batch.events);
      });
    });
  }

  complete(): void {
    this.live.complete();
  }
}
