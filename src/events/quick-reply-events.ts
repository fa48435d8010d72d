/**
 * What `<quick-reply-panel>` says to its host (`quick-reply-insert`, in the workspace's
 * event map), and the keys a composer's "/" search passes to it (`QuickReplySearch`).
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

/** The composer keys that steer a "/" search while the cursor stays in the message box. */
export type QuickReplyNavigationKey = 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Escape';

export const QUICK_REPLY_NAVIGATION_KEYS: ReadonlySet<string> = new Set<QuickReplyNavigationKey>([
  'ArrowUp',
  'ArrowDown',
  'Enter',
  'Escape',
]);
