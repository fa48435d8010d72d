import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { asyncScheduler } from 'rxjs';
import type { AgentLink, ContactUpdate } from '../src/platform/context.js';
import { ContactCenterCore } from '../src/platform/core.js';
import type { WorkspaceConfiguration } from '../src/protocol/types.js';
import type { ServerSettings } from './settings.js';
import { SqliteStore } from './sqlite-store.js';

/**
 * How the server runs the synchronous core: over SQLite, at once; over PostgreSQL, in a
 * database unit (lock, catch up, run, write, commit). Either way a promise settles once the
 * change is durable, and `read` sees every change committed before it was asked.
 */
export interface PlatformRunner {
  change<T>(work: () => T): Promise<T>;
  read<T>(work: () => T): Promise<T>;
}

/** An agent's socket as the registry knows it. */
export interface RegisteredConnection extends AgentLink {
  readonly connectionId: string;
  /** Closes the socket so that the workspace connects again (its record was lost, not taken over). */
  reconnect(): void;
}

/**
 * Where agents' connections are recorded for every process of one database. Called inside
 * the attach's (and detach's) change; answers the link the core is to deliver to.
 */
export interface ConnectionRegistry {
  attach(agentId: string, connection: RegisteredConnection): AgentLink;
  detach(agentId: string, connection: RegisteredConnection): AgentLink;
}

/** The core with its store, as the server runs it. */
export interface PlatformHost {
  core: ContactCenterCore;
  runner: PlatformRunner;
  registry?: ConnectionRegistry;
  /** Stops timers and closes the store (offer deadlines stay stored for the next start). */
  close(): Promise<void>;
}

export interface PlatformHostOptions {
  settings: ServerSettings;
  configuration: WorkspaceConfiguration;
  /** What the contact's side of a chat should see (called after the change committed). */
  onContactUpdate: (chatId: string, update: ContactUpdate) => void;
  /** The chat changed (a catch-up or a commit of this process): its contact streams read it again. */
  refreshChat: (chatId: string) => void;
  log: (message: string, error?: unknown) => void;
}

/** One process on one SQLite file: the core keeps its own deadline timers, and changes run at once. */
export function sqliteHost({ settings, configuration, onContactUpdate }: PlatformHostOptions): PlatformHost {
  mkdirSync(dirname(settings.dbPath), { recursive: true });
  const store = new SqliteStore({ path: settings.dbPath, ...(settings.streamLimit ? { streamLimit: settings.streamLimit } : {}) });
  const core = new ContactCenterCore({ configuration, store, scheduler: asyncScheduler, onContactUpdate });
  // Offers that were out when the last process stopped: expired ones go back to their queues now.
  core.restore();
  const now = async <T>(work: () => T) => work();
  return {
    core,
    runner: { change: now, read: now },
    close: async () => {
      core.stop();
      store.close();
    },
  };
}
