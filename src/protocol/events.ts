import * as v from 'valibot';
import {
  MAX_CONCURRENT_CHATS,
  MIN_CONCURRENT_CHATS,
  type AgentState,
  type CaseInfo,
  type ChatMessage,
  type ChatSnapshot,
  type DispositionRecord,
  type Presence,
  type WorkspaceConfiguration,
} from './types.js';

/** Why an offer left the agent before it was accepted. */
export type OfferWithdrawalReason = 'rejected' | 'expired' | 'cancelled';

/**
 * What a contact-center platform tells the workspace. The session validates every
 * event at run time against the schemas below: a connector's peer is a network.
 */
export type ConnectorEvent =
  | { type: 'configuration'; configuration: WorkspaceConfiguration }
  /** The agent's state, with the configured reason (a code of `unavailableReasons`) given with Unavailable. */
  | { type: 'agent-state'; state: AgentState; reason?: string }
  /** A chat waits for this agent's Accept; `timeoutMs` counts from receipt. */
  | { type: 'chat-offered'; chat: ChatSnapshot; timeoutMs: number }
  | { type: 'offer-withdrawn'; chatId: string; reason: OfferWithdrawalReason }
  /** The chat is now this agent's, with its whole history (R13). */
  | { type: 'chat-assigned'; chat: ChatSnapshot }
  | { type: 'message'; chatId: string; message: ChatMessage }
  /**
   * The chat is over (by the agent or because the contact left); after-contact work
   * begins. `at` is when, on the platform's clock (absent: when it arrived);
   * `acwExpiresAt`, on the same clock, is when after-contact work runs out (absent: no limit).
   */
  | { type: 'chat-ended'; chatId: string; by: 'agent' | 'contact'; at?: number; acwExpiresAt?: number }
  /** The agent extended after-contact work: its new deadline (platform clock). */
  | { type: 'wrap-up-extended'; chatId: string; acwExpiresAt: number }
  /** After-contact work ran out but the chat stays: a disposition is required first. */
  | { type: 'wrap-up-overdue'; chatId: string }
  /**
   * The chat left this agent's workspace for good (saved, transferred, ...). `reason`
   * `wrap-up-expired`: the platform closed it when after-contact work ran out, recording
   * `disposition` (the configured default), if any.
   */
  | { type: 'chat-closed'; chatId: string; reason?: 'wrap-up-expired'; disposition?: DispositionRecord }
  /** The contact started or stopped typing. */
  | { type: 'contact-typing'; chatId: string; typing: boolean }
  /** Who in the address book can take a chat now. A full list each time. */
  | { type: 'presence'; agents: { id: string; presence: Presence; reason?: string }[] }
  /**
   * The platform's whole picture follows (after a reconnect whose gap it could not
   * replay): chats and offers not listed here are no longer this agent's.
   */
  | { type: 'snapshot'; chatIds: string[]; offerIds: string[] }
  /** The chat's case as it stands after an agent changed it (R15). */
  | { type: 'case-updated'; chatId: string; case: CaseInfo }
  /**
   * Where the chat's co-browse stands: `requested` (waiting for the contact), `active`
   * (the contact shares), `declined` or `ended` (by whom).
   */
  | { type: 'cobrowse'; chatId: string; status: 'requested' | 'active' | 'declined' | 'ended'; by?: 'agent' | 'contact' }
  /**
   * A batch of the contact's page recording (rrweb events, inputs masked on the contact's
   * side), for the agent's live replay. Not stored: a reconnect waits for the next full snapshot.
   */
  | { type: 'cobrowse-events'; chatId: string; events: unknown[] };

export type ConnectorEventType = ConnectorEvent['type'];

const text = v.string();
const id = v.pipe(v.string(), v.nonEmpty('must be a non-empty string'));
const epochMs = v.pipe(v.number(), v.finite(), v.minValue(0));

const contactSchema = v.object({
  name: v.string(),
  email: v.optional(v.string()),
  phone: v.optional(v.string()),
});

const messageSchema = v.object({
  id,
  from: v.picklist(['contact', 'agent', 'system']),
  text,
  at: epochMs,
  authorName: v.optional(v.string()),
  clientId: v.optional(v.string()),
});

const caseSchema = v.object({
  id: v.string(),
  subject: v.string(),
  status: v.string(),
  priority: v.optional(v.string()),
  interactions: v.optional(v.array(v.object({ at: epochMs, channel: v.string(), summary: v.string() }))),
  notes: v.optional(v.array(v.object({ text: v.string(), at: epochMs, authorName: v.optional(v.string()) }))),
});

/** The most rrweb events one `cobrowse-events` batch may carry. */
export const MAX_COBROWSE_BATCH = 500;

const chatSchema = v.object({
  id,
  contact: contactSchema,
  skill: v.string(),
  messages: v.array(messageSchema),
  transfers: v.optional(
    v.array(v.object({ fromAgentName: v.string(), toName: v.string(), note: v.optional(v.string()), at: epochMs })),
  ),
  acceptedAt: v.optional(epochMs),
  case: v.optional(caseSchema),
});

const configurationSchema = v.object({
  maxConcurrentChats: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(MIN_CONCURRENT_CHATS),
    v.maxValue(MAX_CONCURRENT_CHATS),
  ),
  offerTimeoutMs: v.pipe(v.number(), v.integer(), v.minValue(1)),
  maxMessageLength: v.pipe(v.number(), v.integer(), v.minValue(1)),
  dispositions: v.array(v.object({ code: id, label: v.string() })),
  dispositionRequired: v.boolean(),
  defaultDisposition: v.optional(id),
  // Optional on the wire, so a platform that predates them still configures a workspace.
  acwTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  wrapUpBeforeNextOffer: v.optional(v.boolean(), false),
  unavailableReasons: v.optional(v.array(v.object({ code: id, label: v.string() })), []),
  waitWarningMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  waitAlertMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  tags: v.array(v.string()),
  quickReplies: v.array(
    v.object({ id, title: v.string(), text: v.string(), category: v.optional(v.string()) }),
  ),
  directory: v.object({
    agents: v.array(
      v.object({ id, name: v.string(), team: v.optional(v.string()), skills: v.array(v.string()) }),
    ),
    teams: v.array(v.object({ id, name: v.string() })),
    skills: v.array(v.object({ id, name: v.string() })),
  }),
  customLinks: v.array(v.object({ label: v.string(), url: v.string() })),
  engagementChannels: v.array(v.string()),
  advancedChat: v.boolean(),
  caseStatuses: v.optional(v.array(v.pipe(v.string(), v.nonEmpty('must be a non-empty string'))), ['open', 'pending', 'solved']),
  assistApps: v.array(v.object({ id, title: v.string(), tag: v.optional(v.string()), url: v.optional(v.string()) })),
});

const eventSchema = v.variant('type', [
  v.object({ type: v.literal('configuration'), configuration: configurationSchema }),
  v.object({
    type: v.literal('agent-state'),
    state: v.picklist(['Available', 'Unavailable', 'Refused']),
    reason: v.optional(id),
  }),
  v.object({
    type: v.literal('chat-offered'),
    chat: chatSchema,
    timeoutMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
  }),
  v.object({
    type: v.literal('offer-withdrawn'),
    chatId: id,
    reason: v.picklist(['rejected', 'expired', 'cancelled']),
  }),
  v.object({ type: v.literal('chat-assigned'), chat: chatSchema }),
  v.object({ type: v.literal('message'), chatId: id, message: messageSchema }),
  v.object({
    type: v.literal('chat-ended'),
    chatId: id,
    by: v.picklist(['agent', 'contact']),
    at: v.optional(epochMs),
    acwExpiresAt: v.optional(epochMs),
  }),
  v.object({ type: v.literal('wrap-up-extended'), chatId: id, acwExpiresAt: epochMs }),
  v.object({ type: v.literal('wrap-up-overdue'), chatId: id }),
  v.object({
    type: v.literal('chat-closed'),
    chatId: id,
    reason: v.optional(v.literal('wrap-up-expired')),
    disposition: v.optional(v.object({ code: v.string(), tags: v.array(v.string()), notes: v.string() })),
  }),
  v.object({ type: v.literal('contact-typing'), chatId: id, typing: v.boolean() }),
  v.object({
    type: v.literal('presence'),
    agents: v.array(
      v.object({ id, presence: v.picklist(['Available', 'Unavailable', 'Refused', 'Offline']), reason: v.optional(id) }),
    ),
  }),
  v.object({ type: v.literal('snapshot'), chatIds: v.array(id), offerIds: v.array(id) }),
  v.object({ type: v.literal('case-updated'), chatId: id, case: caseSchema }),
  v.object({
    type: v.literal('cobrowse'),
    chatId: id,
    status: v.picklist(['requested', 'active', 'declined', 'ended']),
    by: v.optional(v.picklist(['agent', 'contact'])),
  }),
  v.object({
    type: v.literal('cobrowse-events'),
    chatId: id,
    events: v.pipe(v.array(v.looseObject({ type: v.number() })), v.maxLength(MAX_COBROWSE_BATCH)),
  }),
]) satisfies v.GenericSchema<unknown, ConnectorEvent>;

export type ParsedConnectorEvent =
  | { ok: true; event: ConnectorEvent }
  | { ok: false; field: string; message: string };

/**
 * Checks an inbound event against the connector contract. On failure it names the
 * first offending field as a dot path (`chat.contact.name`) so a log line says what to fix.
 */
export function parseConnectorEvent(input: unknown): ParsedConnectorEvent {
  const result = v.safeParse(eventSchema, input);
  if (result.success) return { ok: true, event: result.output };
  const [issue] = result.issues;
  return {
    ok: false,
    field: v.getDotPath(issue) ?? (isRecord(input) && 'type' in input ? '(event)' : 'type'),
    message: issue.message,
  };
}

/** Checks a configuration on its own, for platforms that build one (the simulator). */
export function validateConfiguration(
  input: unknown,
): { ok: true; configuration: WorkspaceConfiguration } | { ok: false; field: string; message: string } {
  const result = v.safeParse(configurationSchema, input);
  if (result.success) return { ok: true, configuration: result.output };
  const [issue] = result.issues;
  return { ok: false, field: v.getDotPath(issue) ?? '(configuration)', message: issue.message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The chat id an event is about, when it is about one chat. Used to keep errors local. */
export function chatIdOf(input: unknown): string | undefined {
  if (!isRecord(input)) return undefined;
  if (typeof input.chatId === 'string') return input.chatId;
  const chat = input.chat;
  return isRecord(chat) && typeof chat.id === 'string' ? chat.id : undefined;
}
