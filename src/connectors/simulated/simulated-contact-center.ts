import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { AgentIdentity, AgentState, WorkspaceConfiguration } from '../../protocol/types.js';
import { buildConfiguration, type ConfigurationOptions } from '../../platform/configuration.js';
import { ContactCenterCore } from '../../platform/core.js';
import { MemoryStore } from '../../platform/memory-store.js';
import { SimulatedConnector } from './simulated-connector.js';
import { SimulatedShopPage } from './simulated-shop-page.js';
import type { SimulatedChat, SimulatedEngagement, StartChatRequest } from './simulated-types.js';

export type { SimulatedChat, SimulatedChatState, SimulatedEngagement, StartChatRequest } from './simulated-types.js';

/**
 * Settings of a `SimulatedContactCenter`. Every one is optional; what is left out
 * takes the value of `DEFAULT_CONFIGURATION` (45 s offers, 3 chats at once, ...).
 */
export interface SimulatedContactCenterOptions extends ConfigurationOptions {
  /** The clock for offer expiry and message times; tests may pass a virtual one. */
  scheduler?: SchedulerLike;
}

/**
 * An in-browser contact-center platform: queues per skill, routing to agents,
 * offers that expire, transcripts and dispositions. It powers the demo and the
 * tests, and host developers can use it in their own tests: give it and the session
 * the same `scheduler`, and move that clock by hand.
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
 * that agent to Refused. Chats hold a slot from offer until "Save and close". With
 * `acwTimeoutMs`, after-contact work that outlasts it closes the chat with
 * `defaultDisposition` (unless `dispositionRequired`); the scheduler's clock times it.
 *
 * It is the platform core of the reference server over an in-memory store; this class
 * adds the contact's side and the calls a test needs.
 */
export class SimulatedContactCenter {
  /** The configuration every connected agent receives. */
  readonly configuration: WorkspaceConfiguration;
  private readonly core: ContactCenterCore;
  /** The contacts' shop pages being shared, by chat. */
  private readonly shopPages = new Map<string, SimulatedShopPage>();

  /** @throws RangeError or TypeError naming the option when the configuration is invalid. */
  constructor(options: SimulatedContactCenterOptions = {}) {
    const { scheduler, ...settings } = options;
    this.configuration = buildConfiguration(settings, 'SimulatedContactCenter');
    this.core = new ContactCenterCore({
      configuration: this.configuration,
      store: new MemoryStore(),
      scheduler: scheduler ?? asyncScheduler,
      // A host's listener that throws is the host's bug: said on the console, the platform goes on.
      reportError: (error) => console.error('[SimulatedContactCenter]', error),
      // The agent ended the co-browse, or the chat ended: the contact's page stops recording.
      onContactUpdate: (chatId, update) => {
        if (update.type === 'cobrowse-ended' || update.type === 'ended' || update.type === 'transferred') this.closeShopPage(chatId);
      },
    });
  }

  /** Joins an agent (Unavailable at first) and returns that agent's connection. */
  connect(agent: AgentIdentity): SimulatedConnector {
    if (typeof agent?.id !== 'string' || agent.id === '' || typeof agent.name !== 'string') {
      throw new TypeError('SimulatedContactCenter.connect: agent needs a non-empty string id and a string name.');
    }
    const connector = new SimulatedConnector({ id: agent.id, name: agent.name }, this.core);
    this.core.attach(agent, connector);
    return connector;
  }

  /** A contact opens a chat; it waits in its skill's queue until an agent accepts it. */
  startChat(request: StartChatRequest): string {
    if (typeof request?.contact?.name !== 'string') {
      throw new TypeError('SimulatedContactCenter.startChat: contact.name must be a string.');
    }
    if (typeof request.skill !== 'string' || typeof request.text !== 'string') {
      throw new TypeError('SimulatedContactCenter.startChat: skill and text must be strings.');
    }
    const linkedCase = request.case;
    if (linkedCase !== undefined && (typeof linkedCase?.id !== 'string' || typeof linkedCase.subject !== 'string' || typeof linkedCase.status !== 'string')) {
      throw new TypeError('SimulatedContactCenter.startChat: case needs string id, subject and status.');
    }
    return this.core.contacts.startChat({
      contact: { ...request.contact },
      skill: request.skill,
      text: request.text,
      ...(linkedCase ? { case: linkedCase } : {}),
    });
  }

  /**
   * The contact accepts the agent's co-browse request: the simulator opens the contact's
   * page (a shop's "Checkout", off-screen), records it with rrweb, every input masked on
   * the contact's side, and the contact types the card number 4111 1111 1111 1111 into it.
   * Resolves once the page records.
   */
  async contactAcceptsCobrowse(chatId: string): Promise<void> {
    const chat = this.chatOrThrow(chatId, 'contactAcceptsCobrowse');
    this.core.contacts.answerCobrowse(chatId, true);
    this.closeShopPage(chatId);
    const page = new SimulatedShopPage(chat.contact.name, (events) => {
      // A batch that comes as the co-browse ends is dropped: the platform no longer takes it.
      if (this.core.chatRecord(chatId)?.cobrowse === 'active') this.core.contacts.cobrowseEvents(chatId, events);
    });
    this.shopPages.set(chatId, page);
    try {
      await page.start();
    } catch (error) {
      // The page could not record (a host's Trusted Types refuse its recorder's script, say): the contact stops sharing.
      this.closeShopPage(chatId);
      if (this.core.chatRecord(chatId)?.cobrowse === 'active') this.core.contacts.endsCobrowse(chatId);
      throw error;
    }
  }

  /** The contact declines the agent's co-browse request. */
  contactDeclinesCobrowse(chatId: string): void {
    this.chatOrThrow(chatId, 'contactDeclinesCobrowse');
    this.core.contacts.answerCobrowse(chatId, false);
  }

  /** The contact stops sharing their page. */
  contactEndsCobrowse(chatId: string): void {
    this.chatOrThrow(chatId, 'contactEndsCobrowse');
    this.closeShopPage(chatId);
    this.core.contacts.endsCobrowse(chatId);
  }

  private closeShopPage(chatId: string): void {
    this.shopPages.get(chatId)?.stop();
    this.shopPages.delete(chatId);
  }

  /** The contact types a message. */
  contactSays(chatId: string, text: string): void {
    const chat = this.chatOrThrow(chatId, 'contactSays');
    if (chat.state === 'ended' || chat.state === 'closed') {
      throw new Error(`SimulatedContactCenter.contactSays: chat ${chatId} is ${chat.state}.`);
    }
    this.core.contacts.says(chatId, String(text));
  }

  /** The contact starts (or stops) typing; the agent sees an indicator. */
  contactTyping(chatId: string, typing = true): void {
    this.chatOrThrow(chatId, 'contactTyping');
    this.core.contacts.typing(chatId, typing);
  }

  /** When the agent last signalled typing in a chat (epoch ms), or `undefined`. */
  agentTypingAt(chatId: string): number | undefined {
    return this.core.chatRecord(chatId)?.agentTypingAt;
  }

  /** The contact closes the chat: an active chat ends (ACW begins); a waiting one is dropped. */
  contactLeaves(chatId: string): void {
    this.chatOrThrow(chatId, 'contactLeaves');
    this.core.contacts.leaves(chatId);
  }

  /** A copy of the chat, or `undefined` for an unknown id. */
  chat(chatId: string): SimulatedChat | undefined {
    return this.core.chat(chatId);
  }

  /** The agent's state, or `undefined` for an agent that never connected. */
  agentState(agentId: string): AgentState | undefined {
    return this.core.agentState(agentId);
  }

  /** The reason (a code of `unavailableReasons`) the agent gave with Unavailable, or `undefined`. */
  agentReason(agentId: string): string | undefined {
    return this.core.agentReason(agentId);
  }

  /** The ids of the chats waiting in a skill's queue, next first. */
  queued(skill: string): string[] {
    return this.core.queued(skill);
  }

  /** The follow-up contacts agents scheduled, oldest first. */
  engagements(): SimulatedEngagement[] {
    return this.core.engagements();
  }

  /**
   * Delivers an event to an agent's connection exactly as given, well-formed or not,
   * as a faulty platform would. For testing how a workspace copes with bad input.
   */
  deliverRawEvent(agentId: string, event: unknown): void {
    this.core.deliverRaw(agentId, event);
  }

  /** The chat's record, without its transcript: a check before each call must not copy thousands of messages. */
  private chatOrThrow(chatId: string, call: string) {
    const chat = this.core.chatRecord(chatId);
    if (!chat) throw new Error(`SimulatedContactCenter.${call}: no chat ${chatId}.`);
    return chat;
  }
}
