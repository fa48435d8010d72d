import type { OfferRouter } from './offer-router.js';
import type { PlatformRecords } from './platform-records.js';
import { resolveTarget } from './routing.js';
import type { SimulatedPlatform } from './simulated-connector.js';
import { catchUpEvents, chatSnapshot } from './snapshots.js';

/**
 * What one agent's connection may ask of the simulated platform. Each command first
 * checks that the chat is that agent's to act on, and throws the reason a real platform
 * would give; the connection turns it into a rejected promise.
 */
export function agentCommands(records: PlatformRecords, router: OfferRouter): SimulatedPlatform {
  return {
    snapshotFor: (agentId) => catchUpEvents(records, agentId),
    setAgentState: (agentId, state) => {
      // Refused is the platform's verdict on a missed offer, never the agent's choice.
      if (state !== 'Available' && state !== 'Unavailable') {
        throw new Error(`An agent can only choose Available or Unavailable, not ${String(state)}.`);
      }
      const agent = records.agentOrThrow(agentId);
      router.setAgentState(agent, state);
      router.dispatch();
    },
    acceptOffer: (agentId, chatId) => {
      const chat = records.offeredTo(agentId, chatId);
      chat.offerExpiry?.unsubscribe();
      chat.state = 'active';
      records.send(agentId, { type: 'chat-assigned', chat: chatSnapshot(chat) });
    },
    rejectOffer: (agentId, chatId) => {
      router.refuse(records.offeredTo(agentId, chatId), 'rejected');
    },
    sendMessage: (agentId, chatId, text) => {
      const chat = records.heldBy(agentId, chatId);
      if (chat.state !== 'active') throw new Error('This chat has ended; the message was not sent.');
      const message = records.message(chatId, 'agent', text, records.agentOrThrow(agentId).name);
      chat.messages.push(message);
      records.send(agentId, { type: 'message', chatId, message });
      return message;
    },
    agentTyping: (agentId, chatId) => {
      const chat = records.heldBy(agentId, chatId);
      if (chat.state === 'active') chat.agentTypingAt = records.now();
    },
    endChat: (agentId, chatId) => {
      const chat = records.heldBy(agentId, chatId);
      if (chat.state !== 'active') return;
      chat.state = 'ended';
      chat.endedBy = 'agent';
      records.send(agentId, { type: 'chat-ended', chatId, by: 'agent' });
    },
    transferChat: (agentId, chatId, target, note) => {
      const chat = records.heldBy(agentId, chatId);
      if (chat.state !== 'active') throw new Error('Only a chat in progress can be transferred.');
      const destination = resolveTarget(records.configuration.directory, target);
      if ('error' in destination) throw new Error(destination.error);
      if (destination.route.kind === 'agent' && destination.route.agentId === agentId) {
        throw new Error('A chat cannot be transferred to the agent who has it.');
      }
      const agent = records.agentOrThrow(agentId);
      const trimmed = note?.trim();
      chat.transfers = [
        ...(chat.transfers ?? []),
        { fromAgentName: agent.name, toName: destination.name, ...(trimmed ? { note: trimmed } : {}), at: records.now() },
      ];
      router.release(agent, chat);
      records.send(agentId, { type: 'chat-closed', chatId });
      chat.state = 'queued';
      chat.agentId = undefined;
      chat.route = destination.route;
      chat.transferredFrom = agentId;
      // A transferred contact has waited already: ahead of new arrivals.
      records.queues.prepend(destination.route, chat.id);
      router.dispatch();
    },
    createEngagement: (agentId, request) => {
      if (typeof request?.contact?.name !== 'string' || request.contact.name.trim() === '') {
        throw new Error('A new engagement needs the contact’s name.');
      }
      if (!records.configuration.engagementChannels.includes(request.channel)) {
        throw new Error(`The channel ${String(request.channel)} is not configured.`);
      }
      if (request.scheduledAt !== undefined && !(request.scheduledAt > records.now())) {
        throw new Error('A scheduled engagement needs a time in the future.');
      }
      records.engagementLog.push({ ...structuredClone(request), agentId, createdAt: records.now() });
    },
    closeChat: (agentId, chatId, disposition) => {
      const chat = records.heldBy(agentId, chatId);
      if (chat.state === 'active') throw new Error('End the chat before closing it.');
      if (disposition) chat.disposition = structuredClone(disposition);
      chat.state = 'closed';
      router.release(records.agentOrThrow(agentId), chat);
      records.send(agentId, { type: 'chat-closed', chatId });
      router.dispatch();
    },
    disconnect: (agentId) => {
      const agent = records.agentOrThrow(agentId);
      agent.connection = undefined;
      agent.state = 'Unavailable';
      records.broadcastPresence();
      // Offers to an agent who left go to someone else; held chats wait for the reconnect.
      for (const chatId of agent.chatIds) {
        const chat = records.chats.get(chatId);
        if (chat?.state === 'offered') router.requeue(chat);
      }
      router.dispatch();
    },
  };
}
