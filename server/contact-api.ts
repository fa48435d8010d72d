import type { IncomingMessage, ServerResponse } from 'node:http';
import { CommandRefused, type ContactCenterCore } from '../src/platform/core.js';
import type { VisibleChat } from '../src/platform/snapshots.js';
import { contactRequestSchemas, parseBody } from './contact-requests.js';
import type { ContactStreams } from './contact-streams.js';
import { HttpError, readJsonBody, sendError, sendJson } from './http-json.js';
import { MAX_COBROWSE_BATCH } from '../src/protocol/events.js';
import type { PlatformRunner } from './platform-host.js';
import type { AgentAccount } from './server-configuration.js';

export interface ContactApiOptions {
  core: ContactCenterCore;
  /** Runs the core's changes and reads (a database unit over PostgreSQL). */
  runner: PlatformRunner;
  streams: ContactStreams;
  accounts: ReadonlyMap<string, AgentAccount>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, params: string[], url: URL) => Promise<void> | void;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<'GET' | 'POST', Handler>>;
}

/** The browser tests and embedded customer widgets call from other origins; nothing here uses cookies. */
const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'allow, location',
};

const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...CORS_HEADERS,
  'access-control-allow-headers': 'content-type, last-event-id',
  'access-control-max-age': '600',
};

/**
 * The contact's side over HTTP (SPEC "Reference server"): start a chat, type, leave,
 * read it back, follow it live. Every body is checked before the core runs, so a refused
 * request changes nothing.
 */
export function contactApi({ core, runner, streams, accounts }: ContactApiOptions) {
  const schemas = contactRequestSchemas(core.configuration.maxMessageLength);

  const chatOr404 = (chatId: string): VisibleChat => {
    const chat = core.chat(chatId);
    if (!chat) throw new HttpError(404, `No chat ${chatId}.`);
    return chat;
  };
  // The record alone (no transcript to copy): every contact message asks this.
  const openChatOr409 = (chatId: string): void => {
    const state = core.chatRecord(chatId)?.state;
    if (state === undefined) throw new HttpError(404, `No chat ${chatId}.`);
    if (state === 'ended' || state === 'closed') throw new HttpError(409, `Chat ${chatId} has ended.`);
  };
  const cobrowseRate = new CobrowseRateLimit();
  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    sendJson(response, status, body, { ...CORS_HEADERS, ...headers });

  const routes: Route[] = [
    {
      pattern: /^\/api\/chat-options$/,
      methods: {
        GET: (_request, response) => {
          const skills = core.configuration.directory.skills.map((skill) => skill.name);
          json(response, 200, { skills, maxMessageLength: core.configuration.maxMessageLength });
        },
      },
    },
    {
      pattern: /^\/api\/chats$/,
      methods: {
        POST: async (request, response) => {
          const body = parseBody(schemas.startChat, await readJsonBody(request));
          const id = await runner.change(() => core.contacts.startChat(body));
          json(response, 201, { id }, { location: `/api/chats/${encodeURIComponent(id)}` });
        },
      },
    },
    {
      pattern: /^\/api\/chats\/([^/]+)$/,
      methods: { GET: async (_request, response, [chatId]) => json(response, 200, await runner.read(() => chatOr404(chatId))) },
    },
    {
      pattern: /^\/api\/chats\/([^/]+)\/messages$/,
      methods: {
        POST: async (request, response, [chatId]) => {
          const body = parseBody(schemas.message, await readJsonBody(request));
          const message = await runner.change(() => {
            openChatOr409(chatId);
            return core.contacts.says(chatId, body.text, body.clientId);
          });
          await runner.read(() => streams.refresh(chatId));
          json(response, 201, { message });
        },
      },
    },
    {
      pattern: /^\/api\/chats\/([^/]+)\/leave$/,
      methods: {
        POST: async (request, response, [chatId]) => {
          await readJsonBody(request);
          await runner.change(() => {
            openChatOr409(chatId);
            core.contacts.leaves(chatId);
          });
          const chat = await runner.read(() => (streams.refresh(chatId), chatOr404(chatId)));
          json(response, 200, { state: chat.state });
        },
      },
    },
    {
      pattern: /^\/api\/chats\/([^/]+)\/typing$/,
      methods: {
        POST: async (request, response, [chatId]) => {
          const body = parseBody(schemas.typing, await readJsonBody(request));
          await runner.read(() => {
            openChatOr409(chatId);
            core.contacts.typing(chatId, body.typing);
          });
          response.writeHead(204, CORS_HEADERS).end();
        },
      },
    },
    {
      // The contact answers the agent's co-browse request, or stops sharing.
      pattern: /^\/api\/chats\/([^/]+)\/cobrowse$/,
      methods: {
        POST: async (request, response, [chatId]) => {
          const body = (await readJsonBody(request)) as { action?: unknown } | undefined;
          const action = body?.action;
          if (action !== 'accept' && action !== 'decline' && action !== 'end') {
            throw new HttpError(400, 'The body must be { "action": "accept" | "decline" | "end" }.');
          }
          await runner.change(() => {
            openChatOr409(chatId);
            if (action === 'end') core.contacts.endsCobrowse(chatId);
            else core.contacts.answerCobrowse(chatId, action === 'accept');
          });
          await runner.read(() => streams.refresh(chatId));
          response.writeHead(204, CORS_HEADERS).end();
        },
      },
    },
    {
      // The shared page's recording (rrweb events, inputs masked in the contact's browser), for the agent.
      pattern: /^\/api\/chats\/([^/]+)\/cobrowse\/events$/,
      methods: {
        POST: async (request, response, [chatId]) => {
          const body = (await readJsonBody(request)) as { events?: unknown } | undefined;
          const events = body?.events;
          if (!Array.isArray(events) || events.length > MAX_COBROWSE_BATCH || !events.every(isRecordedEvent)) {
            throw new HttpError(400, `The body must be { "events": [...] } with at most ${MAX_COBROWSE_BATCH} rrweb events.`);
          }
          if (!cobrowseRate.allow(chatId, Date.now())) throw new HttpError(429, 'Too many co-browse batches: at most 10 a second.');
          await runner.read(() => {
            openChatOr409(chatId);
            core.contacts.cobrowseEvents(chatId, events);
          });
          response.writeHead(204, CORS_HEADERS).end();
        },
      },
    },
    {
      pattern: /^\/api\/chats\/([^/]+)\/events$/,
      methods: {
        GET: async (request, response, [chatId], url) => {
          await runner.read(() => {
            chatOr404(chatId);
            streams.open(chatId, response, resumePoint(request, url), CORS_HEADERS);
          });
        },
      },
    },
    {
      pattern: /^\/api\/agents\/([^/]+)$/,
      methods: {
        GET: async (_request, response, [agentId]) => {
          const account = accounts.get(agentId);
          if (!account) throw new HttpError(404, `No agent ${agentId}.`);
          // An agent who never connected is Unavailable: that is how every agent joins.
          const state = await runner.read(() => core.agentState(agentId));
          json(response, 200, { id: account.id, name: account.name, state: state ?? 'Unavailable' });
        },
      },
    },
  ];

  return async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    try {
      const route = routes.find((candidate) => candidate.pattern.test(url.pathname));
      if (!route) throw new HttpError(404, `No API at ${url.pathname}.`);
      const allowed = [...Object.keys(route.methods), 'OPTIONS'];
      if (request.method === 'OPTIONS') {
        const methods = allowed.join(', ');
        response.writeHead(204, { ...PREFLIGHT_HEADERS, 'access-control-allow-methods': methods, allow: methods }).end();
        return;
      }
      const handler = route.methods[request.method as 'GET' | 'POST'];
      if (!handler) {
        throw new HttpError(405, `${request.method ?? 'This method'} is not allowed on ${url.pathname}; use ${allowed.join(' or ')}.`, {
          allow: allowed.join(', '),
        });
      }
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map(decodePathSegment);
      await handler(request, response, params, url);
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendError(response, asHttpError(error), CORS_HEADERS);
    }
  };
}

/** Where a customer page's stream resumes: EventSource's Last-Event-ID, or `?after=` for a page that reloaded. */
function resumePoint(request: IncomingMessage, url: URL): number {
  const raw = request.headers['last-event-id'] ?? url.searchParams.get('after') ?? '0';
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `The path segment ${segment} is not valid percent-encoding.`);
  }
}

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // The core's own refusal of a contact action (a state that changed under the request).
  if (error instanceof CommandRefused) return new HttpError(409, error.message);
  console.error('Contact API: unexpected error', error);
  return new HttpError(500, 'The server could not handle this request.');
}

/** An rrweb event as the agent's replayer takes it: an object with a numeric `type`. */
function isRecordedEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && typeof (event as { type?: unknown }).type === 'number';
}

/** At most `limit` co-browse batches per chat each second (the page batches its recording). */
export class CobrowseRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit = 10) {}

  allow(chatId: string, now: number): boolean {
    const window = this.windows.get(chatId);
    if (!window || now - window.start >= 1000) {
      // Old windows go as new ones come: the map holds the chats that shared within a second.
      for (const [id, old] of this.windows) if (now - old.start >= 1000) this.windows.delete(id);
      this.windows.set(chatId, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }
}
