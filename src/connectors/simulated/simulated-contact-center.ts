import { asyncScheduler, type SchedulerLike, type Subscription } from 'rxjs';
import type { ConnectorEvent } from '../events.js';
import type {
  AgentIdentity,
  AgentState,
  ChatMessage,
  Contact,
  DispositionRecord,
  WorkspaceConfiguration,
} from '../types.js';
import { pickAgent } from './routing.js';
import { SimulatedConnector, type SimulatedPlatform } from './simulated-connector.js';
import { buildConfiguration, type SimulatedContactCenterOptions } from './options.js';

export type { SimulatedContactCenterOptions } from './options.js';

/** The life of a chat on the platform. */
export type SimulatedChatState = 'queued' | 'offered' | 'active' | 'ended' | 'closed';

/** A chat as `center.chat(id)` reports it: a copy, safe to keep. */
export interface SimulatedChat {
  id: string;
  state: SimulatedChatState;
  /** The agent it is offered to or handled by. */
  agentId?: string;
  skill: string;
  contact: Contact;
  messages: ChatMessage[];
  disposition?: DispositionRecord;
}

/** What a contact sends to open a chat. */
export interface StartChatRequest {
  contact: Contact;
  skill: string;
  /** The contact's first message. */
  text: string;
}

interface ChatRecord extends SimulatedChat {
  offerExpiry?: Subscription;
  offeredAt?: number;
  agentTypingAt?: number;
  /** Replayed to a reconnecting agent, whose workspace tells the two cases apart. */
  endedBy?: 'agent' | 'contact';
}

interface AgentRecord extends AgentIdentity {
  state: AgentState;
  connection?: SimulatedConnector;
  idleSince: number;
  chatIds: Set<string>;
}

/**
 * An in-browser contact-center platform: queues per skill, routing to agents,
 * offers that expire, transcripts and dispositions. It powers the demo and the
 * tests, and host developers can use it in their own tests with fake timers.
 *
 * ```ts
 * const center = new SimulatedContactCenter({ maxConcurrentChats: 3 });
 * const session = new ChatSession(center.connect({ id: 'agent-1', name: 'Alex Martin' }));
 * const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
 * ```
 *
 * Agents join Unavailable. A chat is offered to a connected, Available agent below
 * capacity who serves its skill (least loaded first, then idle longest). Reject, or no
 * Accept within `offerTimeoutMs`, puts the chat back at the head of its queue and sets
 * that agent to Refused. Chats hold a slot from offer until "Save and close".
 */
export class SimulatedContactCenter {
  /** The configuration every connected agent receives. */
  readonly configuration: WorkspaceConfiguration;
  private readonly scheduler: SchedulerLike;
  private readonly chats = new Map<string, ChatRecord>();
  private readonly queues = new Map<string, string[]>();
  private readonly agents = new Map<string, AgentRecord>();
  private chatCount = 0;
  private messageCount = 0;

  /** @throws RangeError or TypeError naming the option when the configuration is invalid. */
  constructor(options: SimulatedContactCenterOptions = {}) {
    this.configuration = buildConfiguration(options);
    this.scheduler = options.scheduler ?? asyncScheduler;
  }

  /** Joins an agent (Unavailable at first) and returns that agent's connection. */
  connect(agent: AgentIdentity): SimulatedConnector {
    if (typeof agent?.id !== 'string' || agent.id === '' || typeof agent.name !== 'string') {
      throw new TypeError('SimulatedContactCenter.connect: agent needs a non-empty string id and a string name.');
    }
    let record = this.agents.get(agent.id);
    if (!record) {
      record = { ...agent, state: 'Unavailable', idleSince: this.now(), chatIds: new Set() };
      this.agents.set(agent.id, record);
    }
    record.name = agent.name;
    record.connection?.close();
    record.connection = new SimulatedConnector({ id: agent.id, name: agent.name }, this.platform);
    return record.connection;
  }

  /** A contact opens a chat; it waits in its skill's queue until an agent accepts it. */
  startChat(request: StartChatRequest): string {
    if (typeof request?.contact?.name !== 'string') {
      throw new TypeError('SimulatedContactCenter.startChat: contact.name must be a string.');
    }
    if (typeof request.skill !== 'string' || typeof request.text !== 'string') {
      throw new TypeError('SimulatedContactCenter.startChat: skill and text must be strings.');
    }
    const id = `chat-${++this.chatCount}`;
    this.chats.set(id, {
      id,
      state: 'queued',
      skill: request.skill,
      contact: { ...request.contact },
      messages: [this.message(id, 'contact', request.text, request.contact.name)],
    });
    this.queueOf(request.skill).push(id);
    this.dispatch();
    return id;
  }

  /** The contact types a message. */
  contactSays(chatId: string, text: string): void {
    const chat = this.chatOrThrow(chatId);
    if (chat.state === 'ended' || chat.state === 'closed') {
      throw new Error(`SimulatedContactCenter.contactSays: chat ${chatId} is ${chat.state}.`);
    }
    const message = this.message(chatId, 'contact', String(text), chat.contact.name);
    chat.messages.push(message);
    if (chat.agentId && chat.state === 'active') this.send(chat.agentId, { type: 'message', chatId, message });
  }

  /** The contact starts (or stops) typing; the agent sees an indicator. */
  contactTyping(chatId: string, typing = true): void {
    const chat = this.chatOrThrow(chatId);
    if (chat.agentId && chat.state === 'active') this.send(chat.agentId, { type: 'contact-typing', chatId, typing });
  }

  /** When the agent last signalled typing in a chat (epoch ms), or `undefined`. */
  agentTypingAt(chatId: string): number | undefined {
    return this.chats.get(chatId)?.agentTypingAt;
  }

  /** The contact closes the chat: an active chat ends (ACW begins); a waiting one is dropped. */
  contactLeaves(chatId: string): void {
    const chat = this.chatOrThrow(chatId);
    if (chat.state === 'queued') {
      this.removeFromQueue(chat);
      chat.state = 'closed';
    } else if (chat.state === 'offered') {
      this.withdrawOffer(chat, 'cancelled');
      chat.state = 'closed';
      this.dispatch();
    } else if (chat.state === 'active' && chat.agentId) {
      chat.state = 'ended';
      chat.endedBy = 'contact';
      this.send(chat.agentId, { type: 'chat-ended', chatId, by: 'contact' });
    }
  }

  /** A copy of the chat, or `undefined` for an unknown id. */
  chat(chatId: string): SimulatedChat | undefined {
    const chat = this.chats.get(chatId);
    if (!chat) return undefined;
    const { offerExpiry: _expiry, offeredAt: _offeredAt, endedBy: _endedBy, agentTypingAt: _typing, ...visible } = chat;
    return structuredClone(visible);
  }

  /** The agent's state, or `undefined` for an agent that never connected. */
  agentState(agentId: string): AgentState | undefined {
    return this.agents.get(agentId)?.state;
  }

  /** The ids of the chats waiting in a skill's queue, next first. */
  queued(skill: string): string[] {
    return [...(this.queues.get(skill) ?? [])];
  }

  /**
   * Delivers an event to an agent's connection exactly as given, well-formed or not,
   * as a faulty platform would. For testing how a workspace copes with bad input.
   */
  deliverRawEvent(agentId: string, event: unknown): void {
    this.agents.get(agentId)?.connection?.deliver(event as ConnectorEvent);
  }

  private readonly platform: SimulatedPlatform = {
    snapshotFor: (agentId) => this.snapshotFor(agentId),
    setAgentState: (agentId, state) => {
      if (state !== 'Available' && state !== 'Unavailable') {
        throw new Error(`An agent can only choose Available or Unavailable, not ${String(state)}.`);
      }
      const agent = this.agentOrThrow(agentId);
      this.setState(agent, state);
      this.dispatch();
    },
    acceptOffer: (agentId, chatId) => {
      const chat = this.offeredTo(agentId, chatId);
      chat.offerExpiry?.unsubscribe();
      chat.state = 'active';
      this.send(agentId, { type: 'chat-assigned', chat: this.snapshot(chat) });
    },
    rejectOffer: (agentId, chatId) => {
      this.refuse(this.offeredTo(agentId, chatId), 'rejected');
    },
    sendMessage: (agentId, chatId, text) => {
      const chat = this.heldBy(agentId, chatId);
      if (chat.state !== 'active') throw new Error('This chat has ended; the message was not sent.');
      const message = this.message(chatId, 'agent', text, this.agentOrThrow(agentId).name);
      chat.messages.push(message);
      this.send(agentId, { type: 'message', chatId, message });
      return message;
    },
    agentTyping: (agentId, chatId) => {
      const chat = this.heldBy(agentId, chatId);
      if (chat.state === 'active') chat.agentTypingAt = this.now();
    },
    endChat: (agentId, chatId) => {
      const chat = this.heldBy(agentId, chatId);
      if (chat.state !== 'active') return;
      chat.state = 'ended';
      chat.endedBy = 'agent';
      this.send(agentId, { type: 'chat-ended', chatId, by: 'agent' });
    },
    closeChat: (agentId, chatId, disposition) => {
      const chat = this.heldBy(agentId, chatId);
      if (chat.state === 'active') throw new Error('End the chat before closing it.');
      if (disposition) chat.disposition = structuredClone(disposition);
      chat.state = 'closed';
      this.release(this.agentOrThrow(agentId), chat);
      this.send(agentId, { type: 'chat-closed', chatId });
      this.dispatch();
    },
    disconnect: (agentId) => {
      const agent = this.agentOrThrow(agentId);
      agent.connection = undefined;
      agent.state = 'Unavailable';
      for (const chatId of agent.chatIds) {
        const chat = this.chats.get(chatId);
        if (chat?.state === 'offered') this.requeue(chat);
      }
      this.dispatch();
    },
  };

  /** Offers waiting chats to free agents until no more can be placed. */
  private dispatch(): void {
    for (const [skill, queue] of this.queues) {
      while (queue.length > 0) {
        const candidates = [...this.agents.values()].map((agent) => ({
          id: agent.id,
          state: agent.state,
          connected: agent.connection !== undefined,
          load: agent.chatIds.size,
          idleSince: agent.idleSince,
        }));
        const pick = pickAgent(candidates, skill, this.configuration.maxConcurrentChats, this.configuration.directory);
        const agent = pick && this.agents.get(pick.id);
        const chat = this.chats.get(queue[0]);
        if (!agent || !chat) break;
        queue.shift();
        this.offer(chat, agent);
      }
    }
  }

  private offer(chat: ChatRecord, agent: AgentRecord): void {
    const timeoutMs = this.configuration.offerTimeoutMs;
    chat.state = 'offered';
    chat.agentId = agent.id;
    chat.offeredAt = this.now();
    agent.chatIds.add(chat.id);
    agent.idleSince = this.now();
    chat.offerExpiry = this.scheduler.schedule(() => this.refuse(chat, 'expired'), timeoutMs);
    this.send(agent.id, { type: 'chat-offered', chat: this.snapshot(chat), timeoutMs });
  }

  /** Reject or expiry: back to the head of the queue, and the agent becomes Refused (R2). */
  private refuse(chat: ChatRecord, reason: 'rejected' | 'expired'): void {
    const agent = chat.agentId ? this.agents.get(chat.agentId) : undefined;
    this.requeue(chat, reason);
    if (agent) this.setState(agent, 'Refused');
    this.dispatch();
  }

  private requeue(chat: ChatRecord, reason: 'rejected' | 'expired' | 'cancelled' = 'cancelled'): void {
    this.withdrawOffer(chat, reason);
    chat.state = 'queued';
    this.queueOf(chat.skill).unshift(chat.id);
  }

  private withdrawOffer(chat: ChatRecord, reason: 'rejected' | 'expired' | 'cancelled'): void {
    chat.offerExpiry?.unsubscribe();
    chat.offerExpiry = undefined;
    const agent = chat.agentId ? this.agents.get(chat.agentId) : undefined;
    if (agent) {
      this.release(agent, chat);
      this.send(agent.id, { type: 'offer-withdrawn', chatId: chat.id, reason });
    }
    chat.agentId = undefined;
  }

  private release(agent: AgentRecord, chat: ChatRecord): void {
    agent.chatIds.delete(chat.id);
    agent.idleSince = this.now();
  }

  private setState(agent: AgentRecord, state: AgentState): void {
    if (agent.state === state) return;
    agent.state = state;
    if (state === 'Available') agent.idleSince = this.now();
    this.send(agent.id, { type: 'agent-state', state });
  }

  private snapshotFor(agentId: string): ConnectorEvent[] {
    const agent = this.agents.get(agentId);
    if (!agent) return [];
    const events: ConnectorEvent[] = [
      { type: 'configuration', configuration: structuredClone(this.configuration) },
      { type: 'agent-state', state: agent.state },
    ];
    for (const chatId of agent.chatIds) {
      const chat = this.chats.get(chatId);
      if (!chat) continue;
      if (chat.state === 'offered') {
        const elapsed = this.now() - (chat.offeredAt ?? this.now());
        const timeoutMs = Math.max(0, this.configuration.offerTimeoutMs - elapsed);
        events.push({ type: 'chat-offered', chat: this.snapshot(chat), timeoutMs });
      } else {
        events.push({ type: 'chat-assigned', chat: this.snapshot(chat) });
        if (chat.state === 'ended') events.push({ type: 'chat-ended', chatId, by: chat.endedBy ?? 'contact' });
      }
    }
    return events;
  }

  private snapshot(chat: ChatRecord) {
    return structuredClone({ id: chat.id, contact: chat.contact, skill: chat.skill, messages: chat.messages });
  }

  private message(chatId: string, from: ChatMessage['from'], text: string, authorName: string): ChatMessage {
    return { id: `${chatId}-m${++this.messageCount}`, from, text, at: this.now(), authorName };
  }

  private send(agentId: string, event: ConnectorEvent): void {
    this.agents.get(agentId)?.connection?.deliver(event);
  }

  private queueOf(skill: string): string[] {
    let queue = this.queues.get(skill);
    if (!queue) this.queues.set(skill, (queue = []));
    return queue;
  }

  private removeFromQueue(chat: ChatRecord): void {
    const queue = this.queueOf(chat.skill);
    const index = queue.indexOf(chat.id);
    if (index >= 0) queue.splice(index, 1);
  }

  private chatOrThrow(chatId: string): ChatRecord {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`SimulatedContactCenter: no chat ${chatId}.`);
    return chat;
  }

  private agentOrThrow(agentId: string): AgentRecord {
    const agent = this.agents.get(agentId);
    if (!agent) throw new Error(`SimulatedContactCenter: agent ${agentId} is not connected.`);
    return agent;
  }

  private offeredTo(agentId: string, chatId: string): ChatRecord {
    const chat = this.chatOrThrow(chatId);
    if (chat.state !== 'offered' || chat.agentId !== agentId) {
      throw new Error('This chat is no longer offered to you.');
    }
    return chat;
  }

  private heldBy(agentId: string, chatId: string): ChatRecord {
    const chat = this.chatOrThrow(chatId);
    if (chat.agentId !== agentId || (chat.state !== 'active' && chat.state !== 'ended')) {
      throw new Error('This chat is not in your workspace.');
    }
    return chat;
  }

  private now(): number {
    return this.scheduler.now();
  }
}
