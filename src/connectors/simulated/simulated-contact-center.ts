import { asyncScheduler, type SchedulerLike, type Subscription } from 'rxjs';
import type { ConnectorEvent } from '../events.js';
import type {
  AgentIdentity,
  AgentState,
  ChatMessage,
  Contact,
  DispositionRecord,
  EngagementRequest,
  Presence,
  TransferRecord,
  WorkspaceConfiguration,
} from '../types.js';
import { RouteQueues } from './route-queues.js';
import { pickAgent, resolveTarget, type Route } from './routing.js';
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
  /** Hand-overs between agents, oldest first; absent until the first transfer. */
  transfers?: TransferRecord[];
}

/** A follow-up contact an agent scheduled, as `center.engagements()` reports it. */
export interface SimulatedEngagement extends EngagementRequest {
  agentId: string;
  createdAt: number;
}

/** What a contact sends to open a chat. */
export interface StartChatRequest {
  contact: Contact;
  skill: string;
  /** The contact's first message. */
  text: string;
}

interface ChatRecord extends SimulatedChat {
  /** The queue it waits in: its skill's, or a transfer's destination. */
  route: Route;
  /** The agent who transferred it away, never offered it back by a team or skill queue. */
  transferredFrom?: string;
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
  private readonly queues = new RouteQueues();
  private readonly engagementLog: SimulatedEngagement[] = [];
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
    this.broadcastPresence();
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
    const route: Route = { kind: 'skill', skill: request.skill };
    this.chats.set(id, {
      id,
      state: 'queued',
      route,
      skill: request.skill,
      contact: { ...request.contact },
      messages: [this.message(id, 'contact', request.text, request.contact.name)],
    });
    this.queues.append(route, id);
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
      this.queues.remove(chat.route, chat.id);
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
    const { offerExpiry: _expiry, offeredAt: _offeredAt, endedBy: _endedBy, agentTypingAt: _typing, route: _route, transferredFrom: _from, ...visible } =
      chat;
    return structuredClone(visible);
  }

  /** The agent's state, or `undefined` for an agent that never connected. */
  agentState(agentId: string): AgentState | undefined {
    return this.agents.get(agentId)?.state;
  }

  /** The ids of the chats waiting in a skill's queue, next first. */
  queued(skill: string): string[] {
    return this.queues.ids({ kind: 'skill', skill });
  }

  /** The follow-up contacts agents scheduled, oldest first. */
  engagements(): SimulatedEngagement[] {
    return structuredClone(this.engagementLog);
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
    transferChat: (agentId, chatId, target, note) => {
      const chat = this.heldBy(agentId, chatId);
      if (chat.state !== 'active') throw new Error('Only a chat in progress can be transferred.');
      const destination = resolveTarget(this.configuration.directory, target);
      if ('error' in destination) throw new Error(destination.error);
      if (destination.route.kind === 'agent' && destination.route.agentId === agentId) {
        throw new Error('A chat cannot be transferred to the agent who has it.');
      }
      const agent = this.agentOrThrow(agentId);
      const trimmed = note?.trim();
      chat.transfers = [
        ...(chat.transfers ?? []),
        { fromAgentName: agent.name, toName: destination.name, ...(trimmed ? { note: trimmed } : {}), at: this.now() },
      ];
      this.release(agent, chat);
      this.send(agentId, { type: 'chat-closed', chatId });
      chat.state = 'queued';
      chat.agentId = undefined;
      chat.route = destination.route;
      chat.transferredFrom = agentId;
      // A transferred contact has waited already: ahead of new arrivals.
      this.queues.prepend(destination.route, chat.id);
      this.dispatch();
    },
    createEngagement: (agentId, request) => {
      if (typeof request?.contact?.name !== 'string' || request.contact.name.trim() === '') {
        throw new Error('A new engagement needs the contact’s name.');
      }
      if (!this.configuration.engagementChannels.includes(request.channel)) {
        throw new Error(`The channel ${String(request.channel)} is not configured.`);
      }
      if (request.scheduledAt !== undefined && !(request.scheduledAt > this.now())) {
        throw new Error('A scheduled engagement needs a time in the future.');
      }
      this.engagementLog.push({ ...structuredClone(request), agentId, createdAt: this.now() });
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
      this.broadcastPresence();
      for (const chatId of agent.chatIds) {
        const chat = this.chats.get(chatId);
        if (chat?.state === 'offered') this.requeue(chat);
      }
      this.dispatch();
    },
  };

  /** Offers waiting chats to free agents until no more can be placed. */
  private dispatch(): void {
    for (const { route, ids: queue } of this.queues.lines()) {
      while (queue.length > 0) {
        const chat = this.chats.get(queue[0] ?? '');
        const candidates = [...this.agents.values()].filter((agent) => agent.id !== chat?.transferredFrom).map((agent) => ({
          id: agent.id,
          state: agent.state,
          connected: agent.connection !== undefined,
          load: agent.chatIds.size,
          idleSince: agent.idleSince,
        }));
        const pick = pickAgent(candidates, route, this.configuration.maxConcurrentChats, this.configuration.directory);
        const agent = pick && this.agents.get(pick.id);
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
    this.queues.prepend(chat.route, chat.id);
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
    this.broadcastPresence();
  }

  private snapshotFor(agentId: string): ConnectorEvent[] {
    const agent = this.agents.get(agentId);
    if (!agent) return [];
    const events: ConnectorEvent[] = [
      { type: 'configuration', configuration: structuredClone(this.configuration) },
      { type: 'agent-state', state: agent.state },
      this.presenceEvent(),
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
    const { id, contact, skill, messages, transfers } = chat;
    return structuredClone({ id, contact, skill, messages, ...(transfers ? { transfers } : {}) });
  }

  /** Every agent of the address book, with whether they could take a chat now. */
  private presenceEvent(): ConnectorEvent {
    const agents = this.configuration.directory.agents.map((entry) => {
      const record = this.agents.get(entry.id);
      const presence: Presence = record?.connection ? record.state : 'Offline';
      return { id: entry.id, presence };
    });
    return { type: 'presence', agents };
  }

  private broadcastPresence(): void {
    const event = this.presenceEvent();
    for (const agent of this.agents.values()) agent.connection?.deliver(structuredClone(event));
  }

  private message(chatId: string, from: ChatMessage['from'], text: string, authorName: string): ChatMessage {
    return { id: `${chatId}-m${++this.messageCount}`, from, text, at: this.now(), authorName };
  }

  private send(agentId: string, event: ConnectorEvent): void {
    this.agents.get(agentId)?.connection?.deliver(event);
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
