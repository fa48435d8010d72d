/**
 * The details of the events between `<chat-composer>`, `<quick-reply-panel>` and whoever
 * hosts them. They are part of the workspace's event map (`src/events/workspace-events.ts`):
 * all bubble and are composed.
 */

/** `quick-reply-insert`: the agent pressed Insert; `text` has every variable filled in, as plain text. */
export interface QuickReplyInsertDetail {
  /** The chat whose composer should receive the text (the panel's `chat-id`). */
  chatId: string;
  text: string;
}

/** What Insert writes into when no listener cancels `quick-reply-insert`: a `<chat-composer>`. */
export interface QuickReplyComposer {
  insertText(text: string): void;
}

/** `quick-reply-search`: the composer's draft became (or stopped being) a "/" search. */
export interface QuickReplySearchDetail {
  chatId: string;
  /** The text after "/", or `null` when the draft no longer starts with "/" (the search ends). */
  query: string | null;
}

/** The composer keys that steer a "/" search while the cursor stays in the message box. */
export type QuickReplyNavigationKey = 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Escape';

export const QUICK_REPLY_NAVIGATION_KEYS: ReadonlySet<string> = new Set<QuickReplyNavigationKey>([
  'ArrowUp',
  'ArrowDown',
  'Enter',
  'Escape',
]);

/**
 * `quick-reply-navigate`: a steering key was pressed in the composer during a "/" search.
 * Cancelable: the listener that acts on the key calls `preventDefault()`, and the composer
 * then skips its own action for it (Enter does not send).
 */
export interface QuickReplyNavigateDetail {
  chatId: string;
  key: QuickReplyNavigationKey;
}
