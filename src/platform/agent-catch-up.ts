import type { ConnectorEvent } from '../protocol/events.js';
import type { WorkspaceConfiguration } from '../protocol/types.js';
import { clone } from './clone.js';
import { chatSnapshot } from './snapshots.js';
import type { ChatRecord, PlatformStore, StreamEntry } from './store.js';

/**
 * The stored events after `seq`, or `undefined` when they are too old to replay. A
 * replayed offer tells the time it has left now, not the time it had when it was made:
 * a reconnect does not buy more time (an offer since answered or withdrawn gets 0, and its
 * end follows in the replay).
 */
export function replayAfter(store: PlatformStore, agentId: string, seq: number, now: number): StreamEntry[] | undefined {
  return store.eventsAfter(agentId, seq)?.map((entry) => {
    if (entry.event.type !== 'chat-offered') return entry;
    const chat = store.chat(entry.event.chat.id);
    const current = chat?.state === 'offered' && chat.agentId === agentId;
    const timeoutMs = current ? Math.max(0, (chat.offerExpiresAt ?? now) - now) : 0;
    return { ...entry, event: { ...entry.event, timeoutMs } };
  });
}

/**
 * The agent's whole picture: configuration, state, presence, then every chat the agent
 * holds or is offered; `seq` is where the stream stands. The caller reads it in one
 * transaction, so no event falls between the picture and `seq`.
 */
export function agentSnapshot(
  store: PlatformStore,
  configuration: WorkspaceConfiguration,
  presence: ConnectorEvent,
  agentId: string,
  now: number,
): { seq: number; events: ConnectorEvent[] } {
  const agent = store.agent(agentId);
  const seq = store.lastSeq(agentId);
  if (!agent) return { seq, events: [] };
  const events: ConnectorEvent[] = [
    { type: 'configuration', configuration: clone(configuration) },
    { type: 'agent-state', state: agent.state, ...(agent.reason === undefined ? {} : { reason: agent.reason }) },
    presence,
  ];
  for (const chat of store.chatsOfAgent(agentId)) events.push(...chatEvents(store, chat, now));
  return { seq, events };
}

/** One held or offered chat as a reconnecting workspace must see it. */
function chatEvents(store: PlatformStore, chat: ChatRecord, now: number): ConnectorEvent[] {
  const messages = store.messages(chat.id);
  if (chat.state === 'offered') {
    // The offer keeps its original deadline: a reconnect does not buy more time.
    const timeoutMs = Math.max(0, (chat.offerExpiresAt ?? now) - now);
    return [{ type: 'chat-offered', chat: chatSnapshot(chat, messages), timeoutMs }];
  }
  const events: ConnectorEvent[] = [{ type: 'chat-assigned', chat: chatSnapshot(chat, messages) }];
  // A co-browse asked for or running goes on: the viewer picks up at the page's next full snapshot.
  if (chat.cobrowse) events.push({ type: 'cobrowse', chatId: chat.id, status: chat.cobrowse });
  if (chat.state === 'ended') {
    const at = chat.endedAt === undefined ? {} : { at: chat.endedAt };
    const deadline = chat.acwExpiresAt === undefined ? {} : { acwExpiresAt: chat.acwExpiresAt };
    events.push({ type: 'chat-ended', chatId: chat.id, by: chat.endedBy ?? 'contact', ...at, ...deadline });
    if (chat.acwOverdue) events.push({ type: 'wrap-up-overdue', chatId: chat.id });
  }
  return events;
}
