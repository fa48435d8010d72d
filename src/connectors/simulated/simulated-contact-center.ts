import { asyncScheduler } from 'rxjs';
import type { ConnectorEvent } from '../events.js';
import type { AgentIdentity, AgentState, WorkspaceConfiguration } from '../types.js';
import { agentCommands } from './agent-commands.js';
import { OfferRouter } from './offer-router.js';
import { buildConfiguration, type SimulatedContactCenterOptions } from './options.js';
import { PlatformRecords } from './platform-records.js';
import type { Route } from './routing.js';
import { SimulatedConnector, type SimulatedPlatform } from './simulated-connector.js';
import type { SimulatedChat, SimulatedEngagement, StartChatRequest } from './simulated-types.js';
import { visibleChat } from './snapshots.js';

export type { SimulatedContactCenterOptions } from './options.js';
export type { SimulatedChat, SimulatedChatState, SimulatedEngagement, StartChatRequest } from './simulated-types.js';

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
  // This class is the contact's side and the test's window; routing and the agents'
  // commands live in collaborators that share these records.
  private readonly records: PlatformRecords;
  private readonly router: OfferRouter;
  private readonly commands: SimulatedPlatform;

  /** @throws RangeError or TypeError naming the option when the configuration is invalid. */
  constructor(options: SimulatedContactCenterOptions = {}) {
    this.configuration = buildConfiguration(options);
    this.records = new PlatformRecords(this.configuration, options.scheduler ?? asyncScheduler);
    this.router = new OfferRouter(this.records);
    this.commands = agentCommands(this.records, this.router);
  }

  /** Joins an agent (Unavailable at first) and returns that agent's connection. */
  connect(agent: AgentIdentity): SimulatedConnector {
    if (typeof agent?.id !== 'string' || agent.id === '' || typeof agent.name !== 'string') {
      throw new TypeError('SimulatedContactCenter.connect: agent needs a non-empty string id and a string name.');
    }
    let record = this.records.agents.get(agent.id);
    if (!record) {
      record = { ...agent, state: 'Unavailable', idleSince: this.records.now(), chatIds: new Set() };
      this.records.agents.set(agent.id, record);
    }
    record.name = agent.name;
    record.connection?.close();
    record.connection = new SimulatedConnector({ id: agent.id, name: agent.name }, this.commands);
    this.records.broadcastPresence();
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
    const id = this.records.nextChatId();
    const route: Route = { kind: 'skill', skill: request.skill };
    this.records.chats.set(id, {
      id,
      state: 'queued',
      route,
      skill: request.skill,
      contact: { ...request.contact },
      messages: [this.records.message(id, 'contact', request.text, request.contact.name)],
    });
    this.records.queues.append(route, id);
    this.router.dispatch();
    return id;
  }

  /** The contact types a message. */
  contactSays(chatId: string, text: string): void {
    const chat = this.records.chatOrThrow(chatId);
    if (chat.state === 'ended' || chat.state === 'closed') {
      throw new Error(`SimulatedContactCenter.contactSays: chat ${chatId} is ${chat.state}.`);
    }
    const message = this.records.message(chatId, 'contact', String(text), chat.contact.name);
    chat.messages.push(message);
    if (chat.agentId && chat.state === 'active') this.records.send(chat.agentId, { type: 'message', chatId, message });
  }

  /** The contact starts (or stops) typing; the agent sees an indicator. */
  contactTyping(chatId: string, typing = true): void {
    const chat = this.records.chatOrThrow(chatId);
    if (chat.agentId && chat.state === 'active') this.records.send(chat.agentId, { type: 'contact-typing', chatId, typing });
  }

  /** When the agent last signalled typing in a chat (epoch ms), or `undefined`. */
  agentTypingAt(chatId: string): number | undefined {
    return this.records.chats.get(chatId)?.agentTypingAt;
  }

  /** The contact closes the chat: an active chat ends (ACW begins); a waiting one is dropped. */
  contactLeaves(chatId: string): void {
    const chat = this.records.chatOrThrow(chatId);
    if (chat.state === 'queued') {
      this.records.queues.remove(chat.route, chat.id);
      chat.state = 'closed';
    } else if (chat.state === 'offered') {
      this.router.withdrawOffer(chat, 'cancelled');
      chat.state = 'closed';
      this.router.dispatch();
    } else if (chat.state === 'active' && chat.agentId) {
      chat.state = 'ended';
      chat.endedBy = 'contact';
      this.records.send(chat.agentId, { type: 'chat-ended', chatId, by: 'contact' });
    }
  }

  /** A copy of the chat, or `undefined` for an unknown id. */
  chat(chatId: string): SimulatedChat | undefined {
    const chat = this.records.chats.get(chatId);
    return chat ? visibleChat(chat) : undefined;
  }

  /** The agent's state, or `undefined` for an agent that never connected. */
  agentState(agentId: string): AgentState | undefined {
    return this.records.agents.get(agentId)?.state;
  }

  /** The ids of the chats waiting in a skill's queue, next first. */
  queued(skill: string): string[] {
    return this.records.queues.ids({ kind: 'skill', skill });
  }

  /** The follow-up contacts agents scheduled, oldest first. */
  engagements(): SimulatedEngagement[] {
    return structuredClone(this.records.engagementLog);
  }

  /**
   * Delivers an event to an agent's connection exactly as given, well-formed or not,
   * as a faulty platform would. For testing how a workspace copes with bad input.
   */
  deliverRawEvent(agentId: string, event: unknown): void {
    this.records.agents.get(agentId)?.connection?.deliver(event as ConnectorEvent);
  }
}
