import * as v from 'valibot';
import { agentCommandSchema, type AgentCommand, type CommandOutcome } from './commands.js';
import type { ConnectorEvent } from './events.js';

/**
 * The wire protocol between `WebSocketConnector` and the reference server: JSON text
 * frames, each with the protocol version `v`. docs/protocol.md tells the whole story.
 */
export const PROTOCOL_VERSION = 1;

export type { CommandOutcome } from './commands.js';

/** Frames a workspace sends. */
export type ClientFrame =
  /**
   * The first frame: who the agent is, and where to resume: the stream it followed (the
   * `stream` of an earlier welcome) and the last sequence number it applied there.
   */
  | { v: number; type: 'hello'; agentId: string; token: string; resumeFrom?: number; stream?: string }
  /** `id` is the workspace's own: a command sent twice with one id is applied once. */
  | { v: number; type: 'command'; id: string; command: AgentCommand }
  | { v: number; type: 'ping' };

/** Frames the server sends. */
export type ServerFrame =
  /**
   * The hello was accepted. `stream` names the agent's stream (a new one when the server's
   * data is new: a workspace then starts over from a snapshot); `seq` is its latest number.
   */
  | { v: number; type: 'welcome'; agent: { id: string; name: string }; stream: string; seq: number }
  /** One event of the agent's stream; `seq` grows by one for each stored event. Ephemeral ones repeat the latest. */
  | { v: number; type: 'event'; seq: number; event: ConnectorEvent; ephemeral?: boolean }
  /** The platform's whole picture, when the gap since `resumeFrom` cannot be replayed. */
  | { v: number; type: 'snapshot'; seq: number; events: ConnectorEvent[] }
  | ({ v: number; type: 'result'; id: string } & CommandOutcome)
  /** A frame the server refused; `fatal` ones close the connection (bad token, wrong version). */
  | { v: number; type: 'error'; message: string; id?: string; fatal?: boolean }
  | { v: number; type: 'pong' };

const id = v.pipe(v.string(), v.nonEmpty('must be a non-empty string'), v.maxLength(200, 'is too long'));
const version = v.number();

const clientFrameSchema = v.variant('type', [
  v.object({
    v: version,
    type: v.literal('hello'),
    agentId: id,
    token: v.string(),
    resumeFrom: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    stream: v.optional(v.pipe(v.string(), v.maxLength(200, 'is too long'))),
  }),
  v.object({ v: version, type: v.literal('command'), id, command: agentCommandSchema }),
  v.object({ v: version, type: v.literal('ping') }),
]) satisfies v.GenericSchema<unknown, ClientFrame>;

export type ParsedFrame<T> = { ok: true; frame: T } | { ok: false; error: string; id?: string };

/** Checks a frame from a workspace; the error names the field, for the error frame the server answers with. */
export function parseClientFrame(input: unknown): ParsedFrame<ClientFrame> {
  const result = v.safeParse(clientFrameSchema, input);
  if (result.success) {
    if (result.output.v !== PROTOCOL_VERSION) {
      return { ok: false, error: `Protocol version ${String(result.output.v)} is not supported; this server speaks ${PROTOCOL_VERSION}.` };
    }
    return { ok: true, frame: result.output };
  }
  const [issue] = result.issues;
  const frameId = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string'
    ? (input as { id: string }).id
    : undefined;
  return { ok: false, error: `Malformed frame: field ${v.getDotPath(issue) ?? 'type'}: ${issue.message}.`, id: frameId };
}

/** A server frame's outline; the events inside are validated by the session like any connector's. */
const serverFrameSchema = v.variant('type', [
  v.object({
    v: version,
    type: v.literal('welcome'),
    agent: v.object({ id: v.string(), name: v.string() }),
    stream: v.string(),
    seq: v.number(),
  }),
  v.object({ v: version, type: v.literal('event'), seq: v.number(), event: v.unknown(), ephemeral: v.optional(v.boolean()) }),
  v.object({ v: version, type: v.literal('snapshot'), seq: v.number(), events: v.array(v.unknown()) }),
  v.object({ v: version, type: v.literal('result'), id: v.string(), ok: v.boolean(), value: v.optional(v.unknown()), error: v.optional(v.string()) }),
  v.object({ v: version, type: v.literal('error'), message: v.string(), id: v.optional(v.string()), fatal: v.optional(v.boolean()) }),
  v.object({ v: version, type: v.literal('pong') }),
]);

/** Checks the outline of a frame from the server. */
export function parseServerFrame(input: unknown): ParsedFrame<ServerFrame> {
  const result = v.safeParse(serverFrameSchema, input);
  if (result.success) return { ok: true, frame: result.output as ServerFrame };
  const [issue] = result.issues;
  return { ok: false, error: `Malformed frame from the server: field ${v.getDotPath(issue) ?? 'type'}: ${issue.message}.` };
}
