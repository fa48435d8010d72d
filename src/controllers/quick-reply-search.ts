import { createContext } from '@lit/context';
import type { QuickReplyNavigationKey } from '../events/quick-reply-events.js';

/** A quick-reply panel, as the "/" search sees it. */
export interface QuickReplySearchFollower {
  /** The chat whose composer it follows; every chat's when empty. */
  readonly chatId: string;
  /** The composer's draft now searches `query` (the text after "/"), or no longer searches (`null`). */
  search(query: string | null, chatId: string): void;
  /** A steering key pressed in the composer during a search; `true` when the panel used it. */
  navigate(key: QuickReplyNavigationKey, chatId: string): boolean;
}

/**
 * The "/" quick-reply search between a chat's composer and the quick-reply panel, by
 * direct calls: the composer says what its draft searches and offers Up, Down, Enter and
 * Escape; the panels that follow that chat act on them. `<chat-workspace>` owns one and
 * provides it to the elements inside (`quickReplySearchContext`); a composer and a panel
 * placed by a host page share the one of their document or shadow root (`QuickReplySearch.of`),
 * so a pair side by side needs no wiring.
 */
export class QuickReplySearch {
  private static readonly byScope = new WeakMap<Node, QuickReplySearch>();
  private readonly followers = new Set<QuickReplySearchFollower>();

  /** The search shared by the elements of one tree scope (a document or a shadow root). */
  static of(scope: Node): QuickReplySearch {
    let search = QuickReplySearch.byScope.get(scope);
    if (!search) {
      search = new QuickReplySearch();
      QuickReplySearch.byScope.set(scope, search);
    }
    return search;
  }

  /** Starts following the searches; the returned function stops. */
  follow(follower: QuickReplySearchFollower): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** From the composer of `chatId`: its draft searches `query` now, or nothing (`null`). */
  searched(chatId: string, query: string | null): void {
    for (const follower of this.followersOf(chatId)) follower.search(query, chatId);
  }

  /** From the composer of `chatId`: a steering key; `true` when a panel used it (the composer then does not). */
  steer(chatId: string, key: QuickReplyNavigationKey): boolean {
    return this.followersOf(chatId).some((follower) => follower.navigate(key, chatId));
  }

  private followersOf(chatId: string): QuickReplySearchFollower[] {
    return [...this.followers].filter((follower) => follower.chatId === '' || follower.chatId === chatId);
  }
}

/** Where `<chat-workspace>` provides its `QuickReplySearch` to the composer and the panel inside. */
export const quickReplySearchContext = createContext<QuickReplySearch | undefined>(Symbol('quick-reply-search'));

/** Writes text into a chat's message box, at the caret, without sending: what quick replies and assist apps call. */
export type ComposeText = (text: string, chatId: string) => Promise<boolean>;

/** Where `<chat-workspace>` provides its `composeMessage` to the panels that write into the composer. */
export const composeTextContext = createContext<ComposeText | undefined>(Symbol('compose-text'));
