import type { Subscription } from 'rxjs';
import { WebSocketConnector } from '../src/connectors/websocket/websocket-connector.js';
import type { ChatStorage } from '../src/session/chat-memory.js';
import { ChatSession } from '../src/session/chat-session.js';
import type { ConnectorEvent } from '../src/protocol/events.js';
import type { WorkspaceState } from '../src/session/state.js';
import type { Ledger } from './ledger.js';
import { PageScheduler, PageSockets } from './page.js';

export interface PageSetup {
  agent: { id: string; name: string };
  token: string;
  /** The agent endpoint, through the agent's own proxy. */
  url: string;
  storage: ChatStorage;
  ledger: Ledger;
  /** Warnings of the session (malformed or misplaced events): counted, a few kept. */
  warn: (message: string) => void;
}

/**
 * One browser tab of an agent: a ChatSession over WebSocketConnector, on a clock and
 * sockets that die with the tab. A reload is `die()` on this page (no `dispose()`: a
 * closed tab says goodbye to nobody) and a new page on the same storage.
 */
export class AgentPage {
  readonly session: ChatSession;
  /** Commands on their way that must not be sent twice (accept, end, close, state). */
  readonly busy = new Set<string>();
  /** How often this page's connection went from connected to reconnecting. */
  reconnects = 0;
  /** Catch-ups that came as a snapshot (the first connection's included). */
  snapshots = 0;
  private readonly scheduler = new PageScheduler();
  private readonly sockets = new PageSockets();
  private readonly taps: Subscription[] = [];
  private alive = true;

  constructor(setup: PageSetup) {
    const connector = new WebSocketConnector({
      url: setup.url,
      agent: setup.agent,
      token: setup.token,
      scheduler: this.scheduler,
      openSocket: this.sockets.openSocket,
    });
    this.session = new ChatSession(connector, { storage: setup.storage, scheduler: this.scheduler, logger: { warn: setup.warn } });
    const agentId = setup.agent.id;
    let previous = 'connecting';
    // A second listener on the connector's stream sees what the session sees, as it arrives.
    this.taps.push(
      connector.events.subscribe((event) => {
        if (event.type === 'snapshot') this.snapshots += 1;
        noteContactMessages(setup.ledger, agentId, event);
      }),
      this.session.state$.subscribe(failureWatcher(setup.ledger)),
      connector.connection.subscribe((connection) => {
        if (connection.status === 'reconnecting' && previous === 'connected') this.reconnects += 1;
        previous = connection.status;
      }),
    );
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** The tab is gone: timers stop, sockets are destroyed, and nothing is said to the server. */
  die(): void {
    this.alive = false;
    this.scheduler.freeze();
    this.sockets.destroyAll();
    for (const tap of this.taps) tap.unsubscribe();
  }

  /** The end of the run: releases what a dead page still holds (its pending promises are never counted after this). */
  dispose(): void {
    this.die();
    this.session.dispose();
  }
}

/**
 * Notes why each agent message failed: the session raises the error right after it marks
 * the message failed, with the chat but not the message, so the newly failed messages of
 * that chat are the ones it is about.
 */
function failureWatcher(ledger: Ledger): (state: WorkspaceState) => void {
  let lastErrorId = 0;
  // A message failed in an earlier page may fail again here (restored, sent again): the latest reason wins.
  const attributed = new Set<string>();
  return (state) => {
    if (state.nextErrorId - 1 === lastErrorId) return;
    for (const error of state.errors) {
      if (error.id <= lastErrorId || error.kind !== 'command-failed' || error.command !== 'sendMessage') continue;
      const chat = state.chats.find((candidate) => candidate.id === error.chatId);
      for (const message of chat?.messages ?? []) {
        if (message.delivery !== 'failed' || attributed.has(message.id)) continue;
        attributed.add(message.id);
        ledger.failureReasons.set(message.text, error.message);
      }
    }
    lastErrorId = state.nextErrorId - 1;
  };
}

function noteContactMessages(ledger: Ledger, agentId: string, event: ConnectorEvent): void {
  const now = Date.now();
  if (event.type === 'message') {
    if (event.message.from === 'contact') ledger.contactSeen(agentId, event.message.text, now, true);
  } else if (event.type === 'chat-assigned' || event.type === 'chat-offered') {
    for (const message of event.chat.messages) if (message.from === 'contact') ledger.contactSeen(agentId, message.text, now, false);
  }
}
