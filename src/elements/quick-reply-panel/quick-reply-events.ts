/**
 * The events between `<chat-composer>`, `<quick-reply-panel>` and whoever hosts them.
 * All bubble and are composed, so a workspace or a host page hears them from outside
 * every shadow root.
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

/** The quick-reply events by name. */
export interface QuickReplyEventDetails {
  'quick-reply-insert': QuickReplyInsertDetail;
  'quick-reply-search': QuickReplySearchDetail;
  'quick-reply-navigate': QuickReplyNavigateDetail;
}

export type QuickReplyEventName = keyof QuickReplyEventDetails;

export type QuickReplyEvent<K extends QuickReplyEventName> = CustomEvent<QuickReplyEventDetails[K]>;

export type QuickReplyEventMap = { [K in QuickReplyEventName]: QuickReplyEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends QuickReplyEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends QuickReplyEventMap {}
}

/**
 * Dispatches a quick-reply event, bubbling and composed. Returns `false` when a listener
 * called `preventDefault()` on a cancelable one.
 */
export function emitQuickReplyEvent<K extends QuickReplyEventName>(
  target: EventTarget,
  name: K,
  detail: QuickReplyEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
