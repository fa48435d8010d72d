import type {
  ChatOfferedDetail,
  ChatAcceptedDetail,
  ChatEndedDetail,
  AgentStateChangedDetail,
  DispositionSavedDetail,
  WrapUpExpiredDetail,
  EngagementCreatedDetail,
  TransferRequestedDetail,
  ChatTransferredDetail,
  ChatActivatedDetail,
  TransferDialogRequestedDetail,
  NewEngagementRequestedDetail,
  AssistAppOpenedDetail,
  CaseUpdatedDetail,
  CobrowseStartedDetail,
  CobrowseEndedDetail,
  ConnectionChangedDetail,
} from './event-details.js';
import type { QuickReplyInsertDetail } from './quick-reply-events.js';

export type * from './quick-reply-events.js';
export type * from './event-details.js';

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
