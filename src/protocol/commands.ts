import * as v from 'valibot';
import type {
  ChatMessage,
  DispositionRecord,
  EngagementRequest,
  SelectableAgentState,
  TransferTarget,
} from './types.js';

/**
 * What an agent's workspace asks of the platform. The WebSocket connector sends these
 * in `command` frames; the platform core runs them, once per command id.
 */
export type AgentCommand =
  /** `reason`: a code of the configured `unavailableReasons`, with Unavailable only. */
  | { name: 'set-agent-state'; state: SelectableAgentState; reason?: string }
  | { name: 'accept-offer'; chatId: string }
  | { name: 'reject-offer'; chatId: string }
  | { name: 'send-message'; chatId: string; text: string }
  | { name: 'typing'; chatId: string }
  | { name: 'end-chat'; chatId: string }
  | { name: 'transfer-chat'; chatId: string; target: TransferTarget; note?: string }
  | { name: 'create-engagement'; request: EngagementRequest }
  | { name: 'close-chat'; chatId: string; disposition?: DispositionRecord }
  /** Pushes the after-contact work deadline of an ended chat back by `acwTimeoutMs`. */
  | { name: 'extend-wrap-up'; chatId: string }
  /** The agent leaves on purpose: offers go back to their queues, the state becomes Unavailable. */
  | { name: 'leave' }
  /** Changes the status of the chat's case and/or adds a note to it (R15). */
  | { name: 'update-case'; chatId: string; status?: string; note?: string }
  /** Asks the contact to share their page (co-browse, R15). */
  | { name: 'request-cobrowse'; chatId: string }
  /** Stops the co-browse (or withdraws the request). */
  | { name: 'end-cobrowse'; chatId: string };

export type AgentCommandName = AgentCommand['name'];

/** What a command answers: the value the platform recorded (a message for `send-message`), or why it refused. */
export type CommandOutcome = { ok: true; value?: ChatMessage } | { ok: false; error: string };

const id = v.pipe(v.string(), v.nonEmpty('must be a non-empty string'));

const engagementSchema = v.object({
  chatId: v.optional(v.string()),
  contact: v.object({ name: v.string(), email: v.optional(v.string()), phone: v.optional(v.string()) }),
  channel: v.string(),
  scheduledAt: v.optional(v.pipe(v.number(), v.finite())),
  note: v.string(),
});

export const agentCommandSchema = v.variant('name', [
  v.object({ name: v.literal('set-agent-state'), state: v.picklist(['Available', 'Unavailable']), reason: v.optional(id) }),
  v.object({ name: v.literal('accept-offer'), chatId: id }),
  v.object({ name: v.literal('reject-offer'), chatId: id }),
  v.object({ name: v.literal('send-message'), chatId: id, text: v.string() }),
  v.object({ name: v.literal('typing'), chatId: id }),
  v.object({ name: v.literal('end-chat'), chatId: id }),
  v.object({
    name: v.literal('transfer-chat'),
    chatId: id,
    target: v.object({ kind: v.picklist(['agent', 'team', 'skill']), id }),
    note: v.optional(v.string()),
  }),
  v.object({ name: v.literal('create-engagement'), request: engagementSchema }),
  v.object({
    name: v.literal('close-chat'),
    chatId: id,
    disposition: v.optional(v.object({ code: v.string(), tags: v.array(v.string()), notes: v.string() })),
  }),
  v.object({ name: v.literal('extend-wrap-up'), chatId: id }),
  v.object({ name: v.literal('leave') }),
  v.object({
    name: v.literal('update-case'),
    chatId: id,
    status: v.optional(v.pipe(v.string(), v.nonEmpty('must be a non-empty string'), v.maxLength(100))),
    note: v.optional(v.pipe(v.string(), v.maxLength(5000))),
  }),
  v.object({ name: v.literal('request-cobrowse'), chatId: id }),
  v.object({ name: v.literal('end-cobrowse'), chatId: id }),
]) satisfies v.GenericSchema<unknown, AgentCommand>;
