import type { ConnectionStatus } from '../session/state.js';
import type { AgentState, CaseInfo, Contact, DispositionRecord, TransferTarget } from '../protocol/types.js';
import type { QuickReplyInsertDetail } from './quick-reply-events.js';

export type * from './quick-reply-events.js';

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

/** `agent-state-changed`: the platform confirmed a new agent state, or a new reason for Unavailable. */
export interface AgentStateChangedDetail {
  state: AgentState;
  previous: AgentState;
  /** The configured reason (a code of `unavailableReasons`) given with Unavailable. */
  reason?: string;
  /** The reason the agent had before, if any. */
  previousReason?: string;
}

/** `disposition-saved`: the platform recorded the after-contact work and closed the chat (R11). */
export interface DispositionSavedDetail {
  chatId: string;
  /** What was recorded, as `center.chat(chatId).disposition` holds it. */
  disposition: DispositionRecord;
}

/**
 * `wrap-up-expired`: after-contact work ran out of time (`acwTimeoutMs`) and the platform
 * closed the chat itself, recording the configured default disposition, if any. The agent
 * saved nothing, so `disposition-saved` does not fire: a host that records outcomes
 * listens to both.
 */
export interface WrapUpExpiredDetail {
  chatId: string;
  contact: Contact;
  /** What the platform recorded: the `defaultDisposition` with no tags or notes; absent when none is configured. */
  disposition?: DispositionRecord;
}

/** `engagement-created`: the platform took a follow-up contact, now or later (R5). */
export interface EngagementCreatedDetail {
  /** The chat it follows up, if it was created from one. */
  chatId?: string;
  contact: Contact;
  /** One of the configured `engagementChannels`. */
  channel: string;
  /** When to contact them (epoch ms); absent means now. */
  scheduledAt?: number;
  note: string;
}

/** `transfer-requested` (cancelable): the agent chose a destination; `preventDefault()` keeps the chat. */
export interface TransferRequestedDetail {
  chatId: string;
  target: TransferTarget;
  /** The destination as the address book names it. */
  targetName: string;
  /** Trimmed; absent when blank. */
  note?: string;
}

/** `chat-transferred`: the chat left this workspace for the destination (R12). */
export interface ChatTransferredDetail {
  chatId: string;
  contact: Contact;
  target: TransferTarget;
  targetName: string;
  note?: string;
}

/** `chat-activated`: the chat shown in the workspace changed, so a CRM can follow it. */
export interface ChatActivatedDetail {
  chatId: string;
  contact: Contact;
  skill: string;
}

/** `transfer-dialog-requested`: the agent pressed Transfer on a chat. */
export interface TransferDialogRequestedDetail {
  chatId: string;
}

/** `new-engagement-requested`: the agent pressed New engagement in the launch area. */
export interface NewEngagementRequestedDetail {
  chatId: string;
}

/** `assist-app-opened`: the agent opened an app of the agent assist panel (R16). */
export interface AssistAppOpenedDetail {
  /** The app's `id` in `assistApps`. */
  appId: string;
  title: string;
  /** The chat the panel shows. */
  chatId: string;
}

/** `case-updated`: the platform recorded the agent's change to the chat's case (R15). */
export interface CaseUpdatedDetail {
  chatId: string;
  /** The case as `center.chat(chatId).case` now reads it. */
  case: CaseInfo;
}

/** `cobrowse-started`: the contact accepted co-browsing; their page shows in the "Co-browse" region. */
export interface CobrowseStartedDetail {
  chatId: string;
  contact: Contact;
}

/** `cobrowse-ended`: the co-browse stopped, by the agent ("End co-browse") or the contact. */
export interface CobrowseEndedDetail {
  chatId: string;
  contact: Contact;
  by: 'agent' | 'contact';
}

/** `connection-changed`: the connection to the contact center changed; the workspace shows it too. */
export interface ConnectionChangedDetail {
  status: ConnectionStatus;
  previous: ConnectionStatus;
  /** Why, when the connection is away (what the workspace shows). */
  reason?: string;
}

/** Every event the workspace sends to the host page, by name, with its `detail`. */
export interface WorkspaceEventDetails {
  'chat-offered': ChatOfferedDetail;
  'chat-accepted': ChatAcceptedDetail;
  'chat-ended': ChatEndedDetail;
  'chat-activated': ChatActivatedDetail;
  'agent-state-changed': AgentStateChangedDetail;
  'disposition-saved': DispositionSavedDetail;
  'wrap-up-expired': WrapUpExpiredDetail;
  'engagement-created': EngagementCreatedDetail;
  'transfer-requested': TransferRequestedDetail;
  'chat-transferred': ChatTransferredDetail;
  'transfer-dialog-requested': TransferDialogRequestedDetail;
  'new-engagement-requested': NewEngagementRequestedDetail;
  'assist-app-opened': AssistAppOpenedDetail;
  'case-updated': CaseUpdatedDetail;
  'cobrowse-started': CobrowseStartedDetail;
  'cobrowse-ended': CobrowseEndedDetail;
  'connection-changed': ConnectionChangedDetail;
  'quick-reply-insert': QuickReplyInsertDetail;
}

export type WorkspaceEventName = keyof WorkspaceEventDetails;

/**
 * An event of the workspace: it bubbles and is composed, so a host page hears it on the
 * element or on the document, outside every shadow root. A request (`...-requested`,
 * `quick-reply-insert`) is also cancelable: `preventDefault()` takes it over.
 */
export class WorkspaceEvent<K extends WorkspaceEventName> extends CustomEvent<WorkspaceEventDetails[K]> {
  constructor(type: K, detail: WorkspaceEventDetails[K], options: { cancelable?: boolean } = {}) {
    super(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  }
}

/** `chat-offered`: a chat waits for the agent's Accept. */
export class ChatOfferedEvent extends WorkspaceEvent<'chat-offered'> {
  constructor(detail: ChatOfferedDetail) {
    super('chat-offered', detail);
  }
}

/** `chat-accepted`: the agent took a chat; enough for a CRM to open the customer's record. */
export class ChatAcceptedEvent extends WorkspaceEvent<'chat-accepted'> {
  constructor(detail: ChatAcceptedDetail) {
    super('chat-accepted', detail);
  }
}

/** `chat-ended`: the chat is over and after-contact work begins. */
export class ChatEndedEvent extends WorkspaceEvent<'chat-ended'> {
  constructor(detail: ChatEndedDetail) {
    super('chat-ended', detail);
  }
}

/** `chat-activated`: the chat shown in the workspace changed. */
export class ChatActivatedEvent extends WorkspaceEvent<'chat-activated'> {
  constructor(detail: ChatActivatedDetail) {
    super('chat-activated', detail);
  }
}

/** `agent-state-changed`: the platform confirmed a new agent state, or a new reason. */
export class AgentStateChangedEvent extends WorkspaceEvent<'agent-state-changed'> {
  constructor(detail: AgentStateChangedDetail) {
    super('agent-state-changed', detail);
  }
}

/** `disposition-saved`: the after-contact work was recorded and the chat closed. */
export class DispositionSavedEvent extends WorkspaceEvent<'disposition-saved'> {
  constructor(detail: DispositionSavedDetail) {
    super('disposition-saved', detail);
  }
}

/** `wrap-up-expired`: after-contact work ran out and the platform closed the chat. */
export class WrapUpExpiredEvent extends WorkspaceEvent<'wrap-up-expired'> {
  constructor(detail: WrapUpExpiredDetail) {
    super('wrap-up-expired', detail);
  }
}

/** `engagement-created`: the platform took a follow-up contact. */
export class EngagementCreatedEvent extends WorkspaceEvent<'engagement-created'> {
  constructor(detail: EngagementCreatedDetail) {
    super('engagement-created', detail);
  }
}

/** `transfer-requested` (a request, cancelable): the agent chose a destination; cancel to keep the chat. */
export class TransferRequestedEvent extends WorkspaceEvent<'transfer-requested'> {
  constructor(detail: TransferRequestedDetail) {
    super('transfer-requested', detail, { cancelable: true });
  }
}

/** `chat-transferred`: the chat left this workspace for the destination. */
export class ChatTransferredEvent extends WorkspaceEvent<'chat-transferred'> {
  constructor(detail: ChatTransferredDetail) {
    super('chat-transferred', detail);
  }
}

/** `transfer-dialog-requested` (a request, cancelable): the agent pressed Transfer; cancel to show your own. */
export class TransferDialogRequestedEvent extends WorkspaceEvent<'transfer-dialog-requested'> {
  constructor(detail: TransferDialogRequestedDetail) {
    super('transfer-dialog-requested', detail, { cancelable: true });
  }
}

/** `new-engagement-requested` (a request, cancelable): the agent pressed New engagement; cancel to show your own. */
export class NewEngagementRequestedEvent extends WorkspaceEvent<'new-engagement-requested'> {
  constructor(detail: NewEngagementRequestedDetail) {
    super('new-engagement-requested', detail, { cancelable: true });
  }
}

/** `assist-app-opened`: an agent assist app was shown for a chat. */
export class AssistAppOpenedEvent extends WorkspaceEvent<'assist-app-opened'> {
  constructor(detail: AssistAppOpenedDetail) {
    super('assist-app-opened', detail);
  }
}

/** `case-updated`: the platform recorded the agent's change to the chat's case. */
export class CaseUpdatedEvent extends WorkspaceEvent<'case-updated'> {
  constructor(detail: CaseUpdatedDetail) {
    super('case-updated', detail);
  }
}

/** `cobrowse-started`: the contact accepted co-browsing. */
export class CobrowseStartedEvent extends WorkspaceEvent<'cobrowse-started'> {
  constructor(detail: CobrowseStartedDetail) {
    super('cobrowse-started', detail);
  }
}

/** `cobrowse-ended`: the co-browse stopped. */
export class CobrowseEndedEvent extends WorkspaceEvent<'cobrowse-ended'> {
  constructor(detail: CobrowseEndedDetail) {
    super('cobrowse-ended', detail);
  }
}

/** `connection-changed`: the connection to the contact center changed. */
export class ConnectionChangedEvent extends WorkspaceEvent<'connection-changed'> {
  constructor(detail: ConnectionChangedDetail) {
    super('connection-changed', detail);
  }
}

/** `quick-reply-insert` (a request, cancelable): Insert was pressed; cancel when you insert the text yourself. */
export class QuickReplyInsertEvent extends WorkspaceEvent<'quick-reply-insert'> {
  constructor(detail: QuickReplyInsertDetail) {
    super('quick-reply-insert', detail, { cancelable: true });
  }
}

/** The class of each event, by name. */
const EVENT_CLASSES: { [K in WorkspaceEventName]: new (detail: WorkspaceEventDetails[K]) => WorkspaceEvent<K> } = {
  'chat-offered': ChatOfferedEvent,
  'chat-accepted': ChatAcceptedEvent,
  'chat-ended': ChatEndedEvent,
  'chat-activated': ChatActivatedEvent,
  'agent-state-changed': AgentStateChangedEvent,
  'disposition-saved': DispositionSavedEvent,
  'wrap-up-expired': WrapUpExpiredEvent,
  'engagement-created': EngagementCreatedEvent,
  'transfer-requested': TransferRequestedEvent,
  'chat-transferred': ChatTransferredEvent,
  'transfer-dialog-requested': TransferDialogRequestedEvent,
  'new-engagement-requested': NewEngagementRequestedEvent,
  'assist-app-opened': AssistAppOpenedEvent,
  'case-updated': CaseUpdatedEvent,
  'cobrowse-started': CobrowseStartedEvent,
  'cobrowse-ended': CobrowseEndedEvent,
  'connection-changed': ConnectionChangedEvent,
  'quick-reply-insert': QuickReplyInsertEvent,
};

/** The workspace's events as an event map, for `addEventListener` typing. */
export type WorkspaceEventMap = {
  'chat-offered': ChatOfferedEvent;
  'chat-accepted': ChatAcceptedEvent;
  'chat-ended': ChatEndedEvent;
  'chat-activated': ChatActivatedEvent;
  'agent-state-changed': AgentStateChangedEvent;
  'disposition-saved': DispositionSavedEvent;
  'wrap-up-expired': WrapUpExpiredEvent;
  'engagement-created': EngagementCreatedEvent;
  'transfer-requested': TransferRequestedEvent;
  'chat-transferred': ChatTransferredEvent;
  'transfer-dialog-requested': TransferDialogRequestedEvent;
  'new-engagement-requested': NewEngagementRequestedEvent;
  'assist-app-opened': AssistAppOpenedEvent;
  'case-updated': CaseUpdatedEvent;
  'cobrowse-started': CobrowseStartedEvent;
  'cobrowse-ended': CobrowseEndedEvent;
  'connection-changed': ConnectionChangedEvent;
  'quick-reply-insert': QuickReplyInsertEvent;
};

declare global {
  // The events bubble and are composed: a host hears them on the element or the document.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends WorkspaceEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends WorkspaceEventMap {}
}

/**
 * Dispatches a workspace event of its class (bubbling, composed and, for a request,
 * cancelable). Returns `false` when a listener took a request over with `preventDefault()`.
 */
export function emit<K extends WorkspaceEventName>(target: EventTarget, name: K, detail: WorkspaceEventDetails[K]): boolean {
  const EventClass = EVENT_CLASSES[name] as new (detail: WorkspaceEventDetails[K]) => WorkspaceEvent<K>;
  return target.dispatchEvent(new EventClass(detail));
}

/**
 * A form-like element's own `change`: the native one of its inner control does not leave
 * the shadow root, so the element says it itself, bubbling like a native one (and composed,
 * so a workspace around it in a shadow root hears it too).
 */
export function dispatchChange(element: HTMLElement): void {
  element.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
