import type { AssistApp, ChatMessage, Contact, QuickReply } from '../../protocol/types.js';

/** The chat an assist app is about: what the agent sees, as a read-only copy. */
export interface AssistChat {
  readonly id: string;
  readonly contact: Readonly<Contact>;
  readonly skill: string;
  readonly status: 'active' | 'ended';
  readonly messages: readonly Readonly<ChatMessage>[];
}

/**
 * What an assist app may do: a narrow, read-only view of the workspace, never the
 * session. An app gets a new object when the chat shown changes.
 */
export interface AssistApi {
  /** Writes text into the chat's message box at the caret, without sending it. Resolves `false` once the chat has ended or left. */
  insertText(text: string): Promise<boolean>;
  /** The values of the `{{...}}` variables for the chat (`contact.name`, `agent.name`, ...). */
  readonly variables: Readonly<Record<string, string | undefined>>;
  /** The quick replies the administrator configured. */
  readonly quickReplies: readonly QuickReply[];
}

/**
 * The shape of a custom-element assist app: the panel creates the element from its `tag`
 * and sets these two properties, again whenever the chat changes.
 */
export interface AssistAppElement extends HTMLElement {
  chat?: AssistChat;
  assist?: AssistApi;
}

/** A valid custom-element name (lower case, with a hyphen), so the panel never creates a built-in element. */
export function isCustomElementName(tag: string): boolean {
  return /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(tag);
}

/**
 * The address of a URL app with the chat in its query string (`chatId`, `contact`,
 * `skill`); `undefined` unless it is http or https.
 */
export function assistAppUrl(app: AssistApp, chat: Pick<AssistChat, 'id' | 'contact' | 'skill'>): string | undefined {
  if (!app.url) return undefined;
  let url: URL;
  try {
    url = new URL(app.url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.searchParams.set('chatId', chat.id);
  url.searchParams.set('contact', chat.contact.name);
  url.searchParams.set('skill', chat.skill);
  return url.href;
}
