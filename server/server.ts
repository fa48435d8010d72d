import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { agentGateway } from './agent-gateway.js';
import { contactApi } from './contact-api.js';
import { ContactStreams } from './contact-streams.js';
import { HttpError, sendError } from './http-json.js';
import type { ServerConfiguration } from './server-configuration.js';
import { pgHost } from './pg/pg-host.js';
import { sqliteHost, type PlatformHostOptions } from './platform-host.js';
import type { ServerSettings } from './settings.js';
import { staticFiles } from './static-files.js';

export interface RunningServer {
  /** `http://HOST:PORT/`, with the port actually bound. */
  url: string;
  port: number;
  /** Closes sockets, streams and the database; offer deadlines stay stored for the next start. */
  close(): Promise<void>;
}

/** Logs to stderr: stdout carries only the one line that says where the server is. */
export function log(message: string, error?: unknown): void {
  const detail = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  console.error(`${new Date().toISOString()} ${message}${detail}`);
}

/**
 * The reference contact-center server: the platform core over SQLite (or PostgreSQL, shared
 * by several processes, with DATABASE_URL), agents over
 * WebSocket, contacts over HTTP, and the customer chat page at `/`.
 */
export async function startServer(settings: ServerSettings, server: ServerConfiguration): Promise<RunningServer> {
  // The streams need the core and the core reports to the streams: the callbacks close the loop.
  let streams: ContactStreams | undefined;
  const hostOptions: PlatformHostOptions = {
    settings,
    configuration: server.configuration,
    log,
    // Called after a commit, inside the agent's command: a failure here must not look like the command's.
    onContactUpdate: (chatId, update) => {
      try {
        streams?.onContactUpdate(chatId, update);
      } catch (error) {
        log(`Could not update the contact's stream of ${chatId}`, error);
      }
    },
    refreshChat: (chatId) => streams?.refresh(chatId),
  };
  const platform = settings.databaseUrl ? await pgHost({ ...hostOptions, databaseUrl: settings.databaseUrl }) : sqliteHost(hostOptions);
  const { core, runner, registry } = platform;
  const contactStreams = (streams = new ContactStreams(core));

  const api = contactApi({ core, runner, streams: contactStreams, accounts: server.accounts });
  const pages = staticFiles(settings.publicDir, {
    '/rrweb.js': join(settings.publicDir, '..', '..', 'node_modules', 'rrweb', 'dist', 'rrweb.umd.min.cjs'),
  });
  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      void api(request, response, url);
      return;
    }
    try {
      pages(request, response, url);
    } catch (error) {
      if (!(error instanceof HttpError)) log('Page request failed', error);
      sendError(response, error instanceof HttpError ? error : new HttpError(500, 'The server could not handle this request.'));
    }
  });
  const gateway = agentGateway(http, {
    core,
    runner,
    ...(registry ? { registry } : {}),
    accounts: server.accounts,
    helloTimeoutMs: settings.helloTimeoutMs,
    log,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(settings.port, settings.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    contactStreams.close();
    await platform.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      (closing ??= (async () => {
        contactStreams.close();
        await gateway.close();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await platform.close();
      })()),
  };
}
