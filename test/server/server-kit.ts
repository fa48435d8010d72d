import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AgentCommand } from '../../src/protocol/commands.js';
import type { ServerFrame } from '../../src/protocol/frames.js';

/** A reference server the test-runner plugin started (scripts/wtr-server-plugin.mjs). */
export interface TestServer {
  id: string;
  port: number;
  url: string;
  wsUrl: string;
  db: string;
}

export const TOKENS = { 'agent-1': 'token-agent-1', 'agent-2': 'token-agent-2' } as const;

/** A small contact center: two agents on Billing, short messages, and CONFIG's tokens. */
export function testConfig(overrides: Record<string, unknown> = {}) {
  return {
    maxConcurrentChats: 3,
    maxMessageLength: 100,
    directory: {
      agents: [
        { id: 'agent-1', name: 'Alex Martin', skills: ['Billing'], token: TOKENS['agent-1'] },
        { id: 'agent-2', name: 'Sam Rivera', skills: ['Billing'], token: TOKENS['agent-2'] },
      ],
      teams: [],
      skills: [{ id: 'billing', name: 'Billing' }],
    },
    ...overrides,
  };
}

export interface StartOptions {
  config?: Record<string, unknown>;
  db?: string;
  env?: Record<string, string | number>;
}

export const startServer = (options: StartOptions = { config: testConfig() }) =>
  executeServerCommand<TestServer, StartOptions>('server-start', options);
export const killServer = (server: TestServer) => executeServerCommand('server-kill', { id: server.id });
export const stopServer = (server: TestServer) => executeServerCommand('server-stop', { id: server.id });
export const restartServer = (server: TestServer) => executeServerCommand<TestServer, { id: string }>('server-restart', { id: server.id });

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** Calls the contact API; a `string` body goes as it is (for malformed JSON), anything else as JSON. */
export async function api<T = Record<string, unknown>>(
  server: TestServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(new URL(path, server.url), {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface ChatView {
  id: string;
  state: string;
  agentId?: string;
  skill: string;
  messages: { id: string; from: string; text: string; at: number }[];
}

export async function getChat(server: TestServer, chatId: string): Promise<ChatView> {
  const answer = await api<ChatView>(server, 'GET', `/api/chats/${chatId}`);
  if (answer.status !== 200) throw new Error(`GET chat ${chatId}: ${answer.status}`);
  return answer.body;
}

export async function startChat(server: TestServer, text = 'Bonjour!', name = 'Marie Tremblay'): Promise<string> {
  const answer = await api<{ id: string }>(server, 'POST', '/api/chats', { contact: { name }, skill: 'Billing', text });
  if (answer.status !== 201) throw new Error(`POST chat: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/** Polls until `predicate` holds: time on the server's clock is waited for, never slept. */
export function eventually(predicate: () => unknown | Promise<unknown>, message: string, timeout = 8000): Promise<void> {
  return waitUntil(predicate, message, { interval: 50, timeout });
}

/**
 * A raw agent WebSocket that records every frame, for tests of the wire protocol itself.
 * (The workspace's own client is `WebSocketConnector`.)
 */
export class RawAgentSocket {
  readonly frames: ServerFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => resolve(), { once: true });
      this.socket.addEventListener('error', () => reject(new Error(`Could not open ${url}`)), { once: true });
    });
    this.socket.addEventListener('message', (message) => this.frames.push(JSON.parse(String(message.data)) as ServerFrame));
    this.closed = new Promise((resolve) => {
      this.socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason }), { once: true });
    });
  }

  /**
   * Opens, says hello as `agentId`, and waits for the welcome. With `resumeFrom`, it
   * resumes the stream named `stream` (the server's own, by default: ask it first).
   */
  static async connect(server: TestServer, agentId: keyof typeof TOKENS, resumeFrom?: number, stream?: string): Promise<RawAgentSocket> {
    const resume = resumeFrom === undefined ? {} : { resumeFrom, stream: stream ?? (await RawAgentSocket.streamOf(server, agentId)) };
    const socket = new RawAgentSocket(server.wsUrl);
    await socket.send({ v: 1, type: 'hello', agentId, token: TOKENS[agentId], ...resume });
    await socket.next((frame) => frame.type === 'welcome');
    return socket;
  }

  /** The id of the agent's stream on this server, from a welcome (the connection is closed again). */
  static async streamOf(server: TestServer, agentId: keyof typeof TOKENS): Promise<string> {
    const probe = await RawAgentSocket.connect(server, agentId);
    const stream = probe.stream;
    probe.close();
    await probe.closed;
    return stream;
  }

  /** The stream named by this connection's welcome. */
  get stream(): string {
    const welcome = this.frames.find((frame) => frame.type === 'welcome');
    return welcome?.type === 'welcome' ? welcome.stream : '';
  }

  async send(frame: unknown): Promise<void> {
    await this.opened;
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first recorded frame that matches, waiting for it if needed. */
  async next<T extends ServerFrame>(match: (frame: ServerFrame) => boolean, message = 'a matching frame'): Promise<T> {
    await eventually(() => this.frames.some(match), `no ${message} in ${JSON.stringify(this.frames).slice(0, 500)}`);
    return this.frames.find(match) as T;
  }

  /** Sends a command and waits for its result. */
  async command(command: AgentCommand, id: string = crypto.randomUUID()) {
    await this.send({ v: 1, type: 'command', id, command });
    return this.next<Extract<ServerFrame, { type: 'result' }>>((frame) => frame.type === 'result' && frame.id === id, `result ${id}`);
  }

  /** The events received, stored ones only, in order. */
  storedEvents() {
    return this.frames.flatMap((frame) => (frame.type === 'event' && !frame.ephemeral ? [frame] : []));
  }

  close(): void {
    this.socket.close();
  }
}

/** An agent who is Available and has accepted a new chat: the usual start of a scenario. */
export async function agentWithChat(server: TestServer, agentId: keyof typeof TOKENS = 'agent-1', text = 'Bonjour!') {
  const agent = await RawAgentSocket.connect(server, agentId);
  await agent.command({ name: 'set-agent-state', state: 'Available' });
  const chatId = await startChat(server, text);
  await agent.next((frame) => frame.type === 'event' && frame.event.type === 'chat-offered' && frame.event.chat.id === chatId, 'offer');
  const accepted = await agent.command({ name: 'accept-offer', chatId });
  if (!accepted.ok) throw new Error(`accept-offer: ${accepted.error}`);
  return { agent, chatId };
}

/** The place of a chat in creation order: its id is `chat-<number>-<random>`, numbered by the store. */
export function chatNumber(chatId: string): number {
  const match = /^chat-(\d+)-[\w-]{8,}$/.exec(chatId);
  if (!match) throw new Error(`${chatId} is not a server chat id`);
  return Number(match[1]);
}
