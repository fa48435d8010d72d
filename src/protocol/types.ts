/**
 * The domain vocabulary shared by the connector port, the session and the elements.
 * Everything here is plain, serialisable data: it crosses the network in the
 * WebSocket connector and is validated on the way in (see `events.ts`).
 */

/** The states an agent can be in. `Refused` is set by the platform only (R1, R2). */
export type AgentState = 'Available' | 'Unavailable' | 'Refused';

/** The states an agent may choose; `Refused` is not one of them. */
export type SelectableAgentState = Exclude<AgentState, 'Refused'>;

export const AGENT_STATES: readonly AgentState[] = ['Available', 'Unavailable', 'Refused'];

/** Who an agent is to the platform. */
export interface AgentIdentity {
  id: string;
  name: string;
}

/** The customer on the other end of a chat. Every field is contact input: hostile. */
export interface Contact {
  name: string;
  email?: string;
  phone?: string;
}

export type MessageAuthor = 'contact' | 'agent' | 'system';

export interface ChatMessage {
  id: string;
  from: MessageAuthor;
  text: string;
  /** Epoch milliseconds. */
  at: number;
  /** The author's display name when the platform knows it (the agent's name for `agent`). */
  authorName?: string;
  /**
   * For the agent's own messages: the id the agent's workspace gave the message before
   * sending it, so the workspace reconciles the platform's copy with its own.
   */
  clientId?: string;
}

/** A hand-over of a chat from one agent to another destination (R12). */
export interface TransferRecord {
  /** The name of the agent who transferred the chat. */
  fromAgentName: string;
  /** The destination as the address book names it. */
  toName: string;
  /** What the transferring agent wrote for whoever picks the chat up. */
  note?: string;
  at: number;
}

/** A chat as the platform hands it to an agent: with every earlier message (R13). */
export interface ChatSnapshot {
  id: string;
  contact: Contact;
  skill: string;
  messages: ChatMessage[];
  /** Earlier hand-overs, oldest first, with their notes. */
  transfers?: TransferRecord[];
  /** When the agent accepted it (epoch ms); in `chat-assigned`, so a resumed workspace keeps its timers. */
  acceptedAt?: number;
  /** The case linked to the chat (R15, shown when `advancedChat` is on). */
  case?: CaseInfo;
}

/** A note an agent added to a case. */
export interface CaseNote {
  text: string;
  at: number;
  authorName?: string;
}

/** An earlier interaction on a case (an email, a call, a chat), as the CRM lists it. */
export interface CaseInteraction {
  at: number;
  channel: string;
  summary: string;
}

/** The case (ticket) linked to a chat (R15). Every field but the notes comes from the contact's CRM. */
export interface CaseInfo {
  id: string;
  subject: string;
  /** Free text: `open`, `pending`, `solved`, or whatever the CRM uses. */
  status: string;
  priority?: string;
  /** Earlier interactions, oldest first. */
  interactions?: CaseInteraction[];
  /** Notes agents added, oldest first. */
  notes?: CaseNote[];
}

/** Where a co-browse of a chat stands: asked and waiting for the contact, or shared. */
export type CobrowseStatus = 'requested' | 'active';

/** Where a chat can be transferred: an agent, a team or a skill of the address book, by id. */
export interface TransferTarget {
  kind: 'agent' | 'team' | 'skill';
  id: string;
}

/** Whether a colleague can take a chat now, as the address book shows it. */
export type Presence = AgentState | 'Offline';

/** A follow-up contact the agent schedules from the launch area (R5). */
export interface EngagementRequest {
  /** The chat it follows up, if any. */
  chatId?: string;
  contact: Contact;
  /** One of `engagementChannels`. */
  channel: string;
  /** When to contact them (epoch ms); absent means now. */
  scheduledAt?: number;
  note: string;
}

/** A disposition the administrator configured (R7, R11). */
export interface DispositionOption {
  code: string;
  label: string;
}

/** Why an agent is Unavailable (Lunch, Break, Training...), as the administrator configured it. */
export interface UnavailableReason {
  code: string;
  label: string;
}

/** What the agent records in after-contact work. */
export interface DispositionRecord {
  code: string;
  tags: string[];
  notes: string;
}

export interface DirectoryAgent {
  id: string;
  name: string;
  team?: string;
  /** Skill names the agent serves. An empty list serves every skill. */
  skills: string[];
}

export interface DirectoryTeam {
  id: string;
  name: string;
}

export interface DirectorySkill {
  id: string;
  name: string;
}

/** The address book: who and where a chat can be transferred to (R12). */
export interface Directory {
  agents: DirectoryAgent[];
  teams: DirectoryTeam[];
  skills: DirectorySkill[];
}

/** A pre-written answer; `{{agent.name}}`-style variables are filled in before insertion (R14). */
export interface QuickReply {
  id: string;
  title: string;
  text: string;
  category?: string;
}

/** A link of the launch area; `{{contact.name}}`-style variables are URL-encoded (R5). */
export interface CustomLink {
  label: string;
  url: string;
}

/**
 * An agent assist app of the slide-in panel (R16): a custom element (`tag`), which the panel
 * creates and gives the chat and a read-only assist API, or a page (`url`, http or https),
 * shown in a sandboxed frame with the chat in its query string. `tag` wins when both are set.
 */
export interface AssistApp {
  id: string;
  /** The name of its tab in the panel. */
  title: string;
  /** A custom element's tag name, such as `my-order-history`, registered by the host page. */
  tag?: string;
  /** A page's address; the panel adds `chatId`, `contact` and `skill` to its query. */
  url?: string;
}

/** Everything the administrator configures, delivered by the connector (R17). */
export interface WorkspaceConfiguration {
  /** Chats an agent may hold at once, 1 to 12 (R3). */
  maxConcurrentChats: number;
  /** How long an offer waits for Accept before it goes back to the queue (R2). */
  offerTimeoutMs: number;
  maxMessageLength: number;
  dispositions: DispositionOption[];
  dispositionRequired: boolean;
  /**
   * The disposition (a code of `dispositions`) the platform records when after-contact
   * work runs out of time; absent records none.
   */
  defaultDisposition?: string;
  /**
   * How long after-contact work may last (ms) before the platform closes the chat with
   * `defaultDisposition` (unless `dispositionRequired`); 0 means no limit.
   */
  acwTimeoutMs: number;
  /** No new offer reaches an agent while one of their chats is in after-contact work. */
  wrapUpBeforeNextOffer: boolean;
  /** The reasons an agent can give with Unavailable; empty offers plain Unavailable only. */
  unavailableReasons: UnavailableReason[];
  /** How long a contact may wait for a reply (ms) before the blue timer warns; 0: never. */
  waitWarningMs: number;
  /** How long a contact may wait for a reply (ms) before the blue timer alerts; 0: never. */
  waitAlertMs: number;
  tags: string[];
  quickReplies: QuickReply[];
  directory: Directory;
  customLinks: CustomLink[];
  /** Channels a new engagement can use (R5). */
  engagementChannels: string[];
  advancedChat: boolean;
  /** The statuses an agent can give a chat's case (advanced chat); `open`, `pending` and `solved` have words in the UI. */
  caseStatuses: string[];
  assistApps: AssistApp[];
}

export const MIN_CONCURRENT_CHATS = 1;
export const MAX_CONCURRENT_CHATS = 12;
export const DEFAULT_OFFER_TIMEOUT_MS = 45_000;

/** The configuration a platform without settings delivers. */
export const DEFAULT_CONFIGURATION: WorkspaceConfiguration = Object.freeze({
  maxConcurrentChats: 3,
  offerTimeoutMs: DEFAULT_OFFER_TIMEOUT_MS,
  maxMessageLength: 2000,
  dispositions: [],
  dispositionRequired: false,
  acwTimeoutMs: 0,
  wrapUpBeforeNextOffer: false,
  unavailableReasons: [],
  waitWarningMs: 0,
  waitAlertMs: 0,
  tags: [],
  quickReplies: [],
  directory: { agents: [], teams: [], skills: [] },
  customLinks: [],
  engagementChannels: ['chat', 'email', 'phone'],
  advancedChat: false,
  caseStatuses: ['open', 'pending', 'solved'],
  assistApps: [],
});
