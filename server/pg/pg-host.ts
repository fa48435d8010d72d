import { asyncScheduler } from 'rxjs';
import type { AgentLink } from '../../src/platform/context.js';
import { ContactCenterCore } from '../../src/platform/core.js';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import type { ConnectionRegistry, PlatformHost, PlatformHostOptions, RegisteredConnection } from '../platform-host.js';
import { DeadlineKeeper } from './deadline-keeper.js';
import type { ChangeNews } from './mirror-tables.js';
import { PgStore } from './pg-store.js';
import type { RelayMessage } from './pg-relay.js';

/** Closes a socket whose agent another process took over: the workspace stops, as with any replacement. */
const REPLACED = 'Another connection of this agent took over.';

/**
 * One of any number of server processes on one PostgreSQL database. The core runs on this
 * process's mirror; stored events reach this process's sockets from the database (news of
 * a catch-up or of an own commit), ephemeral ones through the relay; connections are recorded
 * in the database so every process routes and shows presence alike; deadlines fire in the
 * one process that owns them.
 */
export async function pgHost(options: PlatformHostOptions & { databaseUrl: string }): Promise<PlatformHost> {
  const { settings, configuration, log } = options;
  const pg = await PgStore.open({ url: options.databaseUrl, log, ...(settings.streamLimit ? { streamLimit: settings.streamLimit } : {}) });
  const core = new ContactCenterCore({
    configuration,
    store: pg.store,
    scheduler: asyncScheduler,
    deadlineTimers: false,
    // Typing is said at once; everything else the contact streams read back when the news comes.
    onContactUpdate: (chatId, update) => {
      if (update.type === 'agent-typing') pg.relay.publish({ kind: 'contact-typing', chatId });
    },
    reportError: (error) => log('The platform core failed after a commit', error),
  });
  const links = new LocalLinks(pg, core);
  pg.onNews((news) => links.hear(news, options.refreshChat));
  pg.relay.onMessage((message) => links.relayed(message, options.onContactUpdate));
  await pg.read(() => links.syncAll());
  const deadlines = new DeadlineKeeper(pg, core, links, log);
  deadlines.start();
  return {
    core,
    runner: { change: (work) => pg.change(work), read: (work) => pg.read(work) },
    registry: links,
    close: async () => {
      deadlines.stop();
      await pg.close();
    },
  };
}

/** An agent connected to another process: stored events reach it there; ephemeral ones go by relay. */
class RemoteLink implements AgentLink {
  constructor(
    private readonly agentId: string,
    private readonly pg: PgStore,
  ) {}

  deliver(seq: number, event: ConnectorEvent, ephemeral: boolean): void {
    if (ephemeral) this.pg.relay.publish({ kind: 'agent', agentId: this.agentId, seq, event });
  }

  /** That process closes its own socket when it sees the connection recorded elsewhere. */
  close(): void {}
}

/** A socket of this process, as the core sees it: stored events come from the news instead. */
class FeedLink implements AgentLink {
  constructor(readonly connection: RegisteredConnection) {}

  deliver(seq: number, event: ConnectorEvent, ephemeral: boolean): void {
    if (ephemeral) this.connection.deliver(seq, event, true);
  }

  close(reason: string): void {
    this.connection.close(reason);
  }
}

/** This process's agent sockets, kept in step with `agent_connections`. */
export class LocalLinks implements ConnectionRegistry {
  private readonly local = new Map<string, FeedLink>();

  constructor(
    private readonly pg: PgStore,
    private readonly core: ContactCenterCore,
  ) {}

  attach(agentId: string, connection: RegisteredConnection): AgentLink {
    const link = new FeedLink(connection);
    this.pg.store.setConnection(agentId, { processId: this.pg.processId, connectionId: connection.connectionId });
    this.local.set(agentId, link);
    return link;
  }

  /** Answers a link the core does not hold when the socket was replaced already: its detach then changes nothing. */
  detach(agentId: string, connection: RegisteredConnection): AgentLink {
    const link = this.local.get(agentId);
    if (link?.connection !== connection) return new FeedLink(connection);
    this.local.delete(agentId);
    if (this.pg.store.connection(agentId)?.connectionId === connection.connectionId) this.pg.store.setConnection(agentId, undefined);
    return link;
  }

  /** Every agent recorded as connected elsewhere becomes a remote link of the core (at start). */
  syncAll(): void {
    for (const agentId of this.pg.store.tables.connections.keys()) this.sync(agentId);
  }

  /** The agents connected on other processes, by process, for the sweep of dead ones. */
  elsewhere(): Map<string, number> {
    const agents = new Map<string, number>();
    for (const [agentId, row] of this.pg.store.tables.connections) {
      if (row.processId !== undefined && row.processId !== this.pg.processId) agents.set(agentId, row.processId);
    }
    return agents;
  }

  hear(news: ChangeNews, refreshChat: (chatId: string) => void): void {
    for (const { agentId, seq, event } of news.events) this.local.get(agentId)?.connection.deliver(seq, event, false);
    for (const chatId of news.chatIds) refreshChat(chatId);
    for (const agentId of news.connections) this.sync(agentId);
  }

  relayed(message: RelayMessage, onContactUpdate: PlatformHostOptions['onContactUpdate']): void {
    if (message.kind === 'contact-typing') onContactUpdate(message.chatId, { type: 'agent-typing' });
    else this.local.get(message.agentId)?.connection.deliver(message.seq, message.event as ConnectorEvent, true);
  }

  /** Follows the recorded connection: a socket of ours that lost its record closes, a remote one becomes a link. */
  private sync(agentId: string): void {
    const row = this.pg.store.connection(agentId);
    const mine = this.local.get(agentId);
    if (row?.processId === this.pg.processId && mine?.connection.connectionId === row.connectionId) return;
    if (mine) {
      this.local.delete(agentId);
      // Recorded elsewhere: replaced for good. Recorded nowhere (this process was taken for dead): reconnect.
      if (row) mine.connection.close(REPLACED);
      else mine.connection.reconnect();
    }
    this.core.linkElsewhere(agentId, row && row.processId !== this.pg.processId ? new RemoteLink(agentId, this.pg) : undefined);
  }
}
