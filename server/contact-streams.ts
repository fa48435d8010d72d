import type { ServerResponse } from 'node:http';
import type { ContactUpdate } from '../src/platform/context.js';
import type { ContactCenterCore } from '../src/platform/core.js';
import type { ChatMessage } from '../src/protocol/types.js';

/** Where the contact's chat stands, as the customer page shows it. */
export interface ContactStatus {
  state: 'waiting' | 'active' | 'ended';
  /** Who is answering, while an agent holds the chat. */
  agentName?: string;
  endedBy?: 'agent' | 'contact';
  /** The agent asked to co-browse (`requested`), or the page is shared (`active`). */
  cobrowse?: 'requested' | 'active';
}

interface Subscriber {
  response: ServerResponse;
  /** How many messages of the transcript this subscriber has: the SSE event id. */
  delivered: number;
  /** The last status sent, to send a status only when it changed. */
  status: string;
}

const KEEP_ALIVE_MS = 15_000;

/**
 * The customer page's live view of a chat, as Server-Sent Events. Messages are read from
 * the store and numbered by their place in the transcript, so a reconnecting page that
 * sends `Last-Event-ID` (EventSource does by itself) gets exactly what it missed.
 * Events: `message` {position, message}, `status` (ContactStatus), `typing` {agentName}.
 */
export class ContactStreams {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(private readonly core: ContactCenterCore) {
    // A comment now and then keeps idle proxies from closing the stream.
    this.keepAlive = setInterval(() => this.forEach((subscriber) => subscriber.response.write(': keep-alive\n\n')), KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  /** Starts a stream of a known chat for a page that has the first `delivered` messages. */
  open(chatId: string, response: ServerResponse, delivered: number, headers: Readonly<Record<string, string>>): void {
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // Reconnect soon after a drop; EventSource then sends Last-Event-ID.
    response.write('retry: 2000\n\n');
    const subscriber: Subscriber = { response, delivered, status: '' };
    let chatSubscribers = this.subscribers.get(chatId);
    if (!chatSubscribers) this.subscribers.set(chatId, (chatSubscribers = new Set()));
    chatSubscribers.add(subscriber);
    response.on('close', () => {
      chatSubscribers.delete(subscriber);
      if (chatSubscribers.size === 0) this.subscribers.delete(chatId);
    });
    this.catchUp(chatId, subscriber);
  }

  /** The core's `onContactUpdate`: typing is passed on; everything else is read back from the store. */
  readonly onContactUpdate = (chatId: string, update: ContactUpdate): void => {
    if (update.type === 'agent-typing') {
      const agentName = this.agentName(chatId);
      for (const subscriber of this.subscribers.get(chatId) ?? []) send(subscriber, 'typing', { agentName });
      return;
    }
    this.refresh(chatId);
  };

  /** Sends each page of the chat what it has not seen yet (after the contact's own actions too). */
  refresh(chatId: string): void {
    for (const subscriber of this.subscribers.get(chatId) ?? []) this.catchUp(chatId, subscriber);
  }

  /** Ends every stream (the server is stopping). */
  close(): void {
    clearInterval(this.keepAlive);
    this.forEach((subscriber) => subscriber.response.end());
    this.subscribers.clear();
  }

  private catchUp(chatId: string, subscriber: Subscriber): void {
    const chat = this.core.chat(chatId);
    if (!chat) return;
    chat.messages.slice(subscriber.delivered).forEach((message, index) => {
      const position = subscriber.delivered + index + 1;
      send(subscriber, 'message', { position, message: contactView(message) }, position);
    });
    subscriber.delivered = Math.max(subscriber.delivered, chat.messages.length);
    const status = this.status(chatId);
    const key = JSON.stringify(status);
    if (key !== subscriber.status) {
      subscriber.status = key;
      send(subscriber, 'status', status);
    }
  }

  /** The status of a chat the core knows. */
  status(chatId: string): ContactStatus {
    const record = this.core.chatRecord(chatId);
    if (!record || record.state === 'queued' || record.state === 'offered') return { state: 'waiting' };
    if (record.state === 'active') {
      const agentName = this.agentName(chatId);
      return {
        state: 'active',
        ...(agentName ? { agentName } : {}),
        ...(record.cobrowse ? { cobrowse: record.cobrowse } : {}),
      };
    }
    return { state: 'ended', endedBy: record.endedBy ?? 'contact' };
  }

  private agentName(chatId: string): string | undefined {
    const agentId = this.core.chatRecord(chatId)?.agentId;
    return agentId ? this.core.agentName(agentId) : undefined;
  }

  private forEach(visit: (subscriber: Subscriber) => void): void {
    for (const chatSubscribers of this.subscribers.values()) chatSubscribers.forEach(visit);
  }
}

/** What the contact sees of a message: the agent's workspace bookkeeping (`clientId`) stays out. */
function contactView(message: ChatMessage): Omit<ChatMessage, 'clientId'> {
  const { clientId: _clientId, ...visible } = message;
  return visible;
}

function send(subscriber: Subscriber, event: string, data: unknown, id?: number): void {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  subscriber.response.write(`${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
