import type { SchedulerLike } from 'rxjs';
import type { AgentIdentity } from '../../protocol/types.js';
import type { BackoffOptions } from './backoff.js';
import type { LivenessOptions } from './liveness.js';

/** The part of the WebSocket API the connector uses: the browser's, or the `ws` package's in Node. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WebSocketConnectorOptions extends LivenessOptions {
  /** The server's agent endpoint, as `ws://127.0.0.1:8001/agents`. */
  url: string;
  /** The agent this connection is for; the server checks the id against the token. */
  agent: AgentIdentity;
  token: string;
  /** The clock of heartbeats and reconnects; tests pass a virtual one. */
  scheduler?: SchedulerLike;
  /** Opens a socket; the browser's `WebSocket` by default (Node: `(url) => new WebSocket(url)` from `ws`). */
  openSocket?: WebSocketFactory;
  backoff?: BackoffOptions;
  /** How long events may wait for a missing one before the connector resumes to fetch it (ms). */
  gapTimeoutMs?: number;
}
