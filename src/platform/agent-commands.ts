import type { AgentCommand } from '../protocol/commands.js';
import type { ChatMessage, DispositionRecord, EngagementRequest, TransferTarget } from '../protocol/types.js';
import { clone } from './clone.js';
import type { PlatformContext } from './context.js';
import type { OfferDesk } from './offers.js';
import { resolveTarget } from './routing.js';
import { chatSnapshot } from './snapshots.js';
import type { AgentRecord, ChatRecord } from './store.js';
import type { WrapUpDesk } from './wrap-up.js';

/** A refusal the agent's workspace shows as it is: the platform's reason, in its words. */
export class CommandRefused extends Error {
  override readonly name = 'CommandRefused';
}

/**
 * What one agent may ask of the platform. Each command first checks that the chat is
 * that agent's to act on, and throws the reason otherwise: a connection acts only on its
 * own agent's chats.
 */
export class AgentCommands {
  constructor(
    private readonly platform: PlatformContext,
    private readonly offers: OfferDesk,
    private readonly wrapUp: WrapUpDesk,
  ) {}

  run(agentId: string, command: AgentCommand, commandId?: string): ChatMessage | void {
    switch (command.name) {
      case 'set-agent-state':
        return this.setAgentState(agentId, command.state, command.reason);
      case 'accept-offer':
        return this.acceptOffer(agentId, command.chatId);
      case 'reject-offer':
        return this.offers.refuse(this.offeredTo(agentId, command.chatId), 'rejected');
      case 'send-message':
        return this.sendMessage(agentId, command.chatId, command.text, commandId);
      case 'typing':
        return this.typing(agentId, command.chatId);
      case 'end-chat':
        return this.endChat(agentId, command.chatId);
      case 'transfer-chat':
        return this.transferChat(agentId, command.chatId, command.target, command.note);
      case 'create-engagement':
        return this.createEngagement(agentId, command.request);
      case 'close-chat':
        return this.closeChat(agentId, command.chatId, command.disposition);
      case 'extend-wrap-up':
        return this.extendWrapUp(agentId, command.chatId);
      case 'leave':
        return this.leave(agentId);
      case 'update-case':
        return this.updateCase(agentId, command.chatId, command.status, command.note);
      case 'request-cobrowse':
        return this.requestCobrowse(agentId, command.chatId);
      case 'end-cobrowse':
        return this.endCobrowse(agentId, command.chatId);
    }
  }

  /** Records a new status and/or a note on the chat's case; the agent's stream gets the case as it stands. */
  private updateCase(agentId: string, chatId: string, status?: string, note?: string): undefined {
    const chat = this.heldBy(agentId, chatId);
    if (!this.platform.configuration.advancedChat) throw new CommandRefused('Advanced chat is not enabled.');
    if (!chat.case) throw new CommandRefused('This chat has no case.');
    const text = note?.trim() ?? '';
    if (status === undefined && text === '') throw new CommandRefused('Give a status or a note.');
    if (status !== undefined && status !== chat.case.status && !this.platform.configuration.caseStatuses.includes(status)) {
      throw new CommandRefused(`The case status ${status} is not configured.`);
    }
    const next = clone(chat.case);
    if (status !== undefined) next.status = status;
    if (text !== '') {
      next.notes = [...(next.notes ?? []), { text, at: this.platform.now(), authorName: this.agentOrThrow(agentId).name }];
    }
    chat.case = next;
    this.platform.store.saveChat(chat);
    this.platform.emit(agentId, { type: 'case-updated', chatId, case: clone(next) });
    return undefined;
  }

  /** Asks the contact to share their page; the contact's side answers (`ContactSide.answerCobrowse`). */
  private requestCobrowse(agentId: string, chatId: string): undefined {
    const chat = this.heldBy(agentId, chatId);
    if (!this.platform.configuration.advancedChat) throw new CommandRefused('Advanced chat is not enabled.');
    if (chat.state !== 'active') throw new CommandRefused('Co-browsing needs a chat in progress.');
    if (chat.cobrowse) throw new CommandRefused('Co-browsing is already asked for in this chat.');
    chat.cobrowse = 'requested';
    this.platform.store.saveChat(chat);
    this.platform.emit(agentId, { type: 'cobrowse', chatId, status: 'requested', by: 'agent' });
    this.platform.tellContact(chatId, { type: 'cobrowse-requested' });
    return undefined;
  }

  /** Stops the co-browse, or withdraws the request. */
  private endCobrowse(agentId: string, chatId: string): undefined {
    const chat = this.heldBy(agentId, chatId);
    if (!chat.cobrowse) throw new CommandRefused('No co-browse is running in this chat.');
    chat.cobrowse = undefined;
    this.platform.store.saveChat(chat);
    this.platform.emit(agentId, { type: 'cobrowse', chatId, status: 'ended', by: 'agent' });
    this.platform.tellContact(chatId, { type: 'cobrowse-ended', by: 'agent' });
    return undefined;
  }

  private setAgentState(agentId: string, state: string, reason?: string): undefined {
    // Refused is the platform's verdict on a missed offer, never the agent's choice.
    if (state !== 'Available' && state !== 'Unavailable') {
      throw new CommandRefused(`An agent can only choose Available or Unavailable, not ${state}.`);
    }
    if (reason !== undefined) {
      if (state !== 'Unavailable') throw new CommandRefused('A reason goes with Unavailable only.');
      if (!this.platform.configuration.unavailableReasons.some((option) => option.code === reason)) {
        throw new CommandRefused(`The reason ${reason} is not configured.`);
      }
    }
    this.offers.setAgentState(this.agentOrThrow(agentId), state, reason);
    this.offers.dispatch();
    return undefined;
  }

  private acceptOffer(agentId: string, chatId: string): undefined {
    const chat = this.offeredTo(agentId, chatId);
    const { store } = this.platform;
    this.platform.afterCommit(() => this.offers.cancelTimer(chatId));
    chat.state = 'active';
    chat.acceptedAt = this.platform.now();
    chat.offerExpiresAt = undefined;
    store.saveChat(chat);
    this.platform.emit(agentId, { type: 'chat-assigned', chat: chatSnapshot(chat, store.messages(chatId)) });
    this.platform.tellContact(chatId, { type: 'accepted', agentName: this.agentOrThrow(agentId).name });
    return undefined;
  }

  private sendMessage(agentId: string, chatId: string, text: string, clientId?: string): ChatMessage {
    const chat = this.heldBy(agentId, chatId);
    if (chat.state !== 'active') throw new CommandRefused('This chat has ended; the message was not sent.');
    if (text.trim() === '') throw new CommandRefused('An empty message is not sent.');
    const limit = this.platform.configuration.maxMessageLength;
    if (text.length > limit) throw new CommandRefused(`The message is longer than ${limit} characters; it was not sent.`);
    const { store } = this.platform;
    const message: ChatMessage = {
      id: `${chatId}-m${store.nextSequence('message')}`,
      from: 'agent',
      text,
      at: this.platform.now(),
      authorName: this.agentOrThrow(agentId).name,
      ...(clientId ? { clientId } : {}),
    };
    store.appendMessage(chatId, message);
    this.platform.emit(agentId, { type: 'message', chatId, message });
    this.platform.tellContact(chatId, { type: 'message', message });
    return message;
  }

  private typing(agentId: string, chatId: string): undefined {
    const chat = this.heldBy(agentId, chatId);
    if (chat.state !== 'active') return undefined;
    chat.agentTypingAt = this.platform.now();
    this.platform.store.saveChat(chat);
    this.platform.tellContact(chatId, { type: 'agent-typing' });
    return undefined;
  }

  private endChat(agentId: string, chatId: string): undefined {
    const chat = this.heldBy(agentId, chatId);
    if (chat.state !== 'active') return undefined;
    this.wrapUp.begin(chat, 'agent');
    return undefined;
  }

  private transferChat(agentId: string, chatId: string, target: TransferTarget, note?: string): undefined {
    const chat = this.heldBy(agentId, chatId);
    if (chat.state !== 'active') throw new CommandRefused('Only a chat in progress can be transferred.');
    const destination = resolveTarget(this.platform.configuration.directory, target);
    if ('error' in destination) throw new CommandRefused(destination.error);
    if (destination.route.kind === 'agent' && destination.route.agentId === agentId) {
      throw new CommandRefused('A chat cannot be transferred to the agent who has it.');
    }
    const agent = this.agentOrThrow(agentId);
    const trimmed = note?.trim();
    chat.transfers = [
      ...(chat.transfers ?? []),
      { fromAgentName: agent.name, toName: destination.name, ...(trimmed ? { note: trimmed } : {}), at: this.platform.now() },
    ];
    // A transfer to a skill puts the chat in that skill as the platform and the next agent see it.
    if (destination.route.kind === 'skill') chat.skill = destination.route.skill;
    chat.state = 'queued';
    chat.agentId = undefined;
    chat.acceptedAt = undefined;
    chat.route = destination.route;
    chat.transferredFrom = agentId;
    // The page shared with this agent is not shared with the next one.
    if (chat.cobrowse) {
      chat.cobrowse = undefined;
      this.platform.tellContact(chatId, { type: 'cobrowse-ended', by: 'agent' });
    }
    // A transferred contact has waited already: ahead of new arrivals.
    chat.queueOrder = -this.platform.store.nextSequence('queue');
    this.platform.store.saveChat(chat);
    this.offers.release(agent);
    this.platform.emit(agentId, { type: 'chat-closed', chatId });
    this.platform.tellContact(chatId, { type: 'transferred' });
    this.offers.dispatch();
    return undefined;
  }

  private createEngagement(agentId: string, request: EngagementRequest): undefined {
    if (typeof request?.contact?.name !== 'string' || request.contact.name.trim() === '') {
      throw new CommandRefused('A new engagement needs the contact’s name.');
    }
    if (!this.platform.configuration.engagementChannels.includes(request.channel)) {
      throw new CommandRefused(`The channel ${String(request.channel)} is not configured.`);
    }
    if (request.scheduledAt !== undefined && !(request.scheduledAt > this.platform.now())) {
      throw new CommandRefused('A scheduled engagement needs a time in the future.');
    }
    // A follow-up of a chat is for the agent who has (or had) it, not anyone who knows its id.
    if (request.chatId !== undefined) {
      const chat = this.platform.store.chat(request.chatId);
      if (!chat || (chat.agentId !== agentId && chat.transferredFrom !== agentId)) {
        throw new CommandRefused('This chat is not in your workspace.');
      }
    }
    this.agentOrThrow(agentId);
    this.platform.store.addEngagement({ ...clone(request), agentId, createdAt: this.platform.now() });
    return undefined;
  }

  private closeChat(agentId: string, chatId: string, disposition?: DispositionRecord): undefined {
    const chat = this.heldBy(agentId, chatId);
    if (chat.state === 'active') throw new CommandRefused('End the chat before closing it.');
    this.agentOrThrow(agentId);
    this.wrapUp.close(chat, disposition);
    return undefined;
  }

  private extendWrapUp(agentId: string, chatId: string): undefined {
    const chat = this.heldBy(agentId, chatId);
    if (chat.state !== 'ended') throw new CommandRefused('After-contact work begins when the chat ends.');
    const { acwExpiresAt } = chat;
    if (acwExpiresAt === undefined || this.platform.configuration.acwTimeoutMs <= 0) {
      throw new CommandRefused('This after-contact work has no time limit.');
    }
    this.wrapUp.extend({ ...chat, acwExpiresAt }, agentId);
    return undefined;
  }

  /** The agent leaves on purpose: Unavailable, and offers go to someone else; held chats wait. */
  private leave(agentId: string): undefined {
    const agent = this.agentOrThrow(agentId);
    this.offers.setAgentState(agent, 'Unavailable');
    for (const chat of this.platform.store.chatsOfAgent(agentId)) {
      if (chat.state === 'offered') this.offers.requeue(chat);
    }
    this.offers.dispatch();
    return undefined;
  }

  agentOrThrow(agentId: string): AgentRecord {
    const agent = this.platform.store.agent(agentId);
    if (!agent) throw new CommandRefused(`No agent ${agentId} on this platform.`);
    return agent;
  }

  /** The chat if it is offered to this agent now; the error is what the agent's workspace shows. */
  private offeredTo(agentId: string, chatId: string): ChatRecord {
    const chat = this.platform.store.chat(chatId);
    if (!chat || chat.state !== 'offered' || chat.agentId !== agentId) {
      throw new CommandRefused('This chat is no longer offered to you.');
    }
    return chat;
  }

  /** The chat if this agent holds it (in progress or in after-contact work). */
  private heldBy(agentId: string, chatId: string): ChatRecord {
    const chat = this.platform.store.chat(chatId);
    if (!chat || chat.agentId !== agentId || (chat.state !== 'active' && chat.state !== 'ended')) {
      throw new CommandRefused('This chat is not in your workspace.');
    }
    return chat;
  }
}
