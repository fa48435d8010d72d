import type { AgentState, Contact } from '../connectors/types.js';

/** `chat-offered`: a chat waits for the agent's Accept. */
export interface ChatOfferedDetail {
  chatId: string;
  contact: Contact;
  skill: string;
  /** The contact's first message. */
  text: string;
  /** When the offer expires (epoch ms, session clock). */
  expiresAt: number;
}

/** `chat-accepted`: enough for a CRM to open the customer's record ("screen pop"). */
export interface ChatAcceptedDetail {
  chatId: string;
  contact: Contact;
  skill: string;
}

/** `chat-ended`: the chat is over and after-contact work begins. */
export interface ChatEndedDetail {
  chatId: string;
  contact: Contact;
  endedBy: 'agent' | 'contact';
}

/** `agent-state-changed`: the platform confirmed a new agent state. */
export interface AgentStateChangedDetail {
  state: AgentState;
  previous: AgentState;
}

/** Every event the workspace sends to the host page, by name. */
export interface WorkspaceEventDetails {
  'chat-offered': ChatOfferedDetail;
  'chat-accepted': ChatAcceptedDetail;
  'chat-ended': ChatEndedDetail;
  'agent-state-changed': AgentStateChangedDetail;
}

export type WorkspaceEventName = keyof WorkspaceEventDetails;

export type WorkspaceEvent<K extends WorkspaceEventName> = CustomEvent<WorkspaceEventDetails[K]>;

/** The workspace's events as an event map, for `addEventListener` typing. */
export type WorkspaceEventMap = { [K in WorkspaceEventName]: WorkspaceEvent<K> };

declare global {
  // The events bubble and are composed: a host hears them on the element or the document.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends WorkspaceEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends WorkspaceEventMap {}
}

/**
 * Dispatches a workspace event: bubbling and composed, so a host page hears it from
 * outside every shadow root. Returns `false` when a listener vetoed a cancelable one.
 */
export function emit<K extends WorkspaceEventName>(
  target: EventTarget,
  name: K,
  detail: WorkspaceEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
