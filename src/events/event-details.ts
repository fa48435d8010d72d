import type { ConnectionStatus } from '../session/state.js';
import type { AgentState, CaseInfo, Contact, DispositionRecord, TransferTarget } from '../protocol/types.js';

/** What each event of the workspace carries in its `detail` (the classes are in workspace-events.ts). */

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
