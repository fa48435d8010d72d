import type { Chat } from '../src/session/state.js';
import type { Ledger } from './ledger.js';

/**
 * What a page reload must carry over, noted before it and checked after: each chat's draft
 * comes back in the new page, and the messages still on their way when the old page died
 * are sent again from storage (the final check finds them on the server).
 */
export class ReloadWitness {
  readonly figures = { draftsChecked: 0, draftsLost: 0, messagesCarried: 0 };
  /** The first drafts that did not come back, for the report. */
  readonly lostDrafts: string[] = [];
  /** What the agent has typed and not sent, per chat. */
  private readonly drafts = new Map<string, string>();
  /** Chats whose draft the new page has yet to show. */
  private readonly toCheck = new Map<string, string>();

  constructor(
    private readonly agentId: string,
    private readonly ledger: Ledger,
  ) {}

  typed(chatId: string, draft: string): void {
    this.drafts.set(chatId, draft);
  }

  /** Sending clears the composer; the chat's end forgets its draft too. */
  cleared(chatId: string): void {
    this.drafts.delete(chatId);
  }

  /** The page died: its unsent messages and drafts are the new page's to show. */
  pageDied(): void {
    for (const record of this.ledger.agentMessages) {
      if (record.agentId === this.agentId && record.outcome === 'pending' && !record.orphaned) {
        record.orphaned = true;
        this.figures.messagesCarried += 1;
      }
    }
    for (const [chatId, draft] of this.drafts) this.toCheck.set(chatId, draft);
  }

  /** A chat as the new page shows it: the first time, its draft must be the one typed before the reload. */
  look(chat: Chat, draft: string): void {
    const expected = this.toCheck.get(chat.id);
    if (expected === undefined) return;
    this.toCheck.delete(chat.id);
    this.figures.draftsChecked += 1;
    if (draft !== expected) {
      this.figures.draftsLost += 1;
      if (this.lostDrafts.length < 5) this.lostDrafts.push(`${this.agentId} ${chat.id}: "${expected}" came back as "${draft}"`);
    }
  }
}
