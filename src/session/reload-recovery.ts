import type { Subscription } from 'rxjs';
import { ChatMemory, type ChatStorage } from './chat-memory.js';
import type { MessageDelivery } from './message-delivery.js';
import type { SessionStore } from './session-store.js';
import type { Chat } from './state.js';

/**
 * What survives a page reload over a resumable connector: each chat's draft, after-contact
 * notes and unsent messages are kept as they change; a chat that arrives gets them back,
 * and its unsent messages go again under their first client ids (the platform records
 * each once); a chat that leaves, or that the platform no longer lists, is forgotten.
 */
export class ReloadRecovery {
  private readonly memory: ChatMemory;
  private readonly keeping: Subscription;

  constructor(
    storage: ChatStorage,
    agentId: string,
    private readonly store: SessionStore,
    private readonly delivery: MessageDelivery,
  ) {
    this.memory = new ChatMemory(storage, agentId);
    this.keeping = store.state$.subscribe((state) => this.memory.keep(state));
  }

  /** Called around each connector event with the chats before and after it. */
  followed(event: unknown, before: readonly Chat[], after: readonly Chat[]): void {
    if (isSnapshotMarker(event)) this.memory.forgetAllBut(event.chatIds);
    if (before === after) return;
    const held = new Set(before.map((chat) => chat.id));
    const kept = new Set(after.map((chat) => chat.id));
    for (const chat of before) if (!kept.has(chat.id)) this.memory.forget(chat.id);
    for (const chat of after) if (!held.has(chat.id)) this.restore(chat.id);
  }

  stop(): void {
    this.keeping.unsubscribe();
  }

  private restore(chatId: string): void {
    const remembered = this.memory.recall(chatId);
    if (!remembered) return;
    const { draft, wrapUp, pending } = remembered;
    this.store.dispatch({ type: 'chat-restored', chatId, draft, wrapUp, pending, authorName: this.store.state.agent.name });
    const chat = this.store.state.chats.find((candidate) => candidate.id === chatId);
    for (const message of chat?.messages ?? []) {
      if (message.delivery === 'sending') void this.delivery.deliver(chatId, message.id, message.text);
    }
  }
}

/** `sessionStorage`, unless there is none or the browser blocks it. */
export function defaultStorage(): ChatStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** The start of a platform's whole picture, which names the chats still this agent's. */
function isSnapshotMarker(event: unknown): event is { type: 'snapshot'; chatIds: string[] } {
  const candidate = event as { type?: unknown; chatIds?: unknown } | null;
  return candidate?.type === 'snapshot' && Array.isArray(candidate.chatIds) && candidate.chatIds.every((id) => typeof id === 'string');
}
