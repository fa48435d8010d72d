import type { ConnectionCause } from '../connectors/connector.js';
import {
  DEFAULT_CONFIGURATION,
  type AgentIdentity,
  type AgentState,
  type CaseInfo,
  type ChatMessage,
  type Contact,
  type DispositionRecord,
  type Presence,
  type TransferRecord,
  type SelectableAgentState,
  type WorkspaceConfiguration,
} from '../protocol/types.js';

/** A chat waiting for this agent's Accept or Reject (R2). */
export interface Offer {
  chatId: string;
  contact: Contact;
  skill: string;
  messages: readonly ChatMessage[];
  /** Earlier hand-overs: the last one says who transferred the chat, with the note (R12). */
  transfers: readonly TransferRecord[];
  /** When the offer reached this workspace (session clock, epoch ms). */
  receivedAt: number;
  /** When the platform takes the offer back if nobody answers. */
  expiresAt: number;
  /** `accepting`/`rejecting` while the command is on its way: the buttons wait. */
  status: 'pending' | 'accepting' | 'rejecting';
}

/** A message of the transcript; the agent's own carry their delivery until the platform has them. */
export interface TranscriptMessage extends ChatMessage {
  /** `sending` until the platform confirms; `failed` keeps the text for a retry. */
  delivery?: 'sending' | 'failed';
}

/**
 * What the agent is writing in a chat and has not handed to the platform yet. Kept apart
 * from the chat's data (`WorkspaceState.work`), so a keystroke changes this alone and
 * nothing that shows the chat has to look again.
 */
export interface ChatWork {
  /** The message being typed; kept per chat across tab switches (R8). */
  draft: string;
  /** What the agent has chosen and typed in after-contact work so far (R11). */
  wrapUp: DispositionRecord;
}

/** No draft, no after-contact work yet. */
export const NO_WORK: ChatWork = Object.freeze({ draft: '', wrapUp: Object.freeze({ code: '', tags: [], notes: '' }) });

/** A chat in this agent's workspace. */
export interface Chat {
  id: string;
  contact: Contact;
  skill: string;
  messages: readonly TranscriptMessage[];
  /** Contact messages that arrived while another chat was shown. */
  unread: number;
  contactTyping: boolean;
  /** Earlier hand-overs and their notes, shown in the transcript (R13). */
  transfers: readonly TransferRecord[];
  status: 'active' | 'ended';
  /** Start of the handling time (the grey timer). */
  acceptedAt: number;
  /** Start of after-contact work (the purple timer). */
  endedAt?: number;
  endedBy?: 'agent' | 'contact';
  /** When after-contact work runs out (platform clock, epoch ms); absent: no limit. */
  acwExpiresAt?: number;
  /** After-contact work ran out while a disposition is required: the chat waits for it. */
  acwOverdue?: boolean;
  /** The case linked to the chat, as the platform last recorded it (R15). */
  case?: CaseInfo;
  /**
   * Co-browsing: `requested` (waiting for the contact), `active` (the contact's page is
   * shared), `declined` (the contact said no to the last request); absent otherwise.
   */
  cobrowse?: 'requested' | 'active' | 'declined';
}

/** The commands of `ChatSession` that reach the connector. */
export type SessionCommand =
  | 'setAgentState'
  | 'acceptOffer'
  | 'rejectOffer'
  | 'sendMessage'
  | 'sendTyping'
  | 'endChat'
  | 'transferChat'
  | 'createEngagement'
  | 'closeChat'
  | 'extendWrapUp'
  | 'updateCase'
  | 'requestCobrowse'
  | 'endCobrowse';

/** Something went wrong; kept in the state so the workspace (and the host) can show it. */
export type WorkspaceError =
  | {
      id: number;
      kind: 'invalid-event';
      /** Dot path of the offending field, as in `chat.contact.name`. */
      field: string;
      message: string;
      /** The chat the event was about, if it named one; no other chat was touched. */
      chatId?: string;
      at: number;
    }
  | {
      id: number;
      kind: 'command-failed';
      command: SessionCommand;
      message: string;
      chatId?: string;
      at: number;
    }
  | { id: number; kind: 'disconnected'; message: string; at: number };

/** Omit over a union, keeping each member apart. */
export type NewWorkspaceError = WorkspaceError extends infer E
  ? E extends WorkspaceError
    ? Omit<E, 'id'>
    : never
  : never;

/**
 * `connecting` before the first contact, `reconnecting` while a dropped connection is
 * being restored (messages wait in the outbox), `offline` when it ended for good.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Everything the workspace shows, as one immutable value. */
export interface WorkspaceState {
  connection: ConnectionStatus;
  /** Why the connection is down, in the transport's or platform's words, while `reconnecting` or `offline`. */
  connectionReason?: string;
  /** The same, as a cause the workspace words in the agent's language, when the transport knows it. */
  connectionCause?: ConnectionCause;
  /** The agent and their state; `reason` is the configured code given with Unavailable. */
  agent: AgentIdentity & { state: AgentState; reason?: string };
  /** Why the last offer left: an explicit Reject, or one missed; what the Refused hint says. */
  lastOfferOutcome?: 'rejected' | 'expired';
  /** The state the agent asked for and the platform has not confirmed yet. */
  requestedAgentState?: SelectableAgentState;
  /** The reason asked for with `requestedAgentState`, if any. */
  requestedReason?: string;
  /** `false` until the connector delivered the administrator's configuration. */
  configured: boolean;
  configuration: WorkspaceConfiguration;
  offers: readonly Offer[];
  /** Colleagues' availability for the address book, by agent id. */
  presence: Readonly<Record<string, Presence>>;
  /** The reasons colleagues gave with Unavailable, by agent id. */
  presenceReasons: Readonly<Record<string, string>>;
  /** In the order they were accepted. */
  chats: readonly Chat[];
  /** What the agent is writing in each chat, by chat id (absent: nothing yet). */
  work: Readonly<Record<string, ChatWork>>;
  activeChatId?: string;
  /** Most recent last; at most `MAX_KEPT_ERRORS`. */
  errors: readonly WorkspaceError[];
  nextErrorId: number;
}

export const MAX_KEPT_ERRORS = 20;

export function initialState(agent: AgentIdentity): WorkspaceState {
  return {
    connection: 'connecting',
    agent: { id: agent.id, name: agent.name, state: 'Unavailable' },
    configured: false,
    configuration: DEFAULT_CONFIGURATION,
    offers: [],
    presence: {},
    presenceReasons: {},
    chats: [],
    work: {},
    errors: [],
    nextErrorId: 1,
  };
}
