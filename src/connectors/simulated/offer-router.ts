import type { OfferWithdrawalReason } from '../events.js';
import type { AgentState } from '../types.js';
import type { PlatformRecords } from './platform-records.js';
import { pickAgent } from './routing.js';
import { chatSnapshot } from './snapshots.js';
import type { AgentRecord, ChatRecord } from './simulated-types.js';

/**
 * The life of an offer on the simulated platform: waiting chats are offered to free
 * agents; an offer is accepted, or rejected, expires or is withdrawn, and then the chat
 * goes back to the head of its line. Agent states live here too, because routing is
 * what reads them and a refused offer is what sets Refused.
 */
export class OfferRouter {
  constructor(private readonly records: PlatformRecords) {}

  /** Offers waiting chats to free agents until no more can be placed. */
  dispatch(): void {
    const { agents, chats, configuration } = this.records;
    for (const { route, ids: queue } of this.records.queues.lines()) {
      while (queue.length > 0) {
        const chat = chats.get(queue[0] ?? '');
        const candidates = [...agents.values()].filter((agent) => agent.id !== chat?.transferredFrom).map((agent) => ({
          id: agent.id,
          state: agent.state,
          connected: agent.connection !== undefined,
          load: agent.chatIds.size,
          idleSince: agent.idleSince,
        }));
        const pick = pickAgent(candidates, route, configuration.maxConcurrentChats, configuration.directory);
        const agent = pick && agents.get(pick.id);
        if (!agent || !chat) break;
        queue.shift();
        this.offer(chat, agent);
      }
    }
  }

  /** Reject or expiry: back to the head of the queue, and the agent becomes Refused (R2). */
  refuse(chat: ChatRecord, reason: 'rejected' | 'expired'): void {
    const agent = chat.agentId ? this.records.agents.get(chat.agentId) : undefined;
    this.requeue(chat, reason);
    if (agent) this.setAgentState(agent, 'Refused');
    this.dispatch();
  }

  requeue(chat: ChatRecord, reason: OfferWithdrawalReason = 'cancelled'): void {
    this.withdrawOffer(chat, reason);
    chat.state = 'queued';
    this.records.queues.prepend(chat.route, chat.id);
  }

  withdrawOffer(chat: ChatRecord, reason: OfferWithdrawalReason): void {
    chat.offerExpiry?.unsubscribe();
    chat.offerExpiry = undefined;
    const agent = chat.agentId ? this.records.agents.get(chat.agentId) : undefined;
    if (agent) {
      this.release(agent, chat);
      this.records.send(agent.id, { type: 'offer-withdrawn', chatId: chat.id, reason });
    }
    chat.agentId = undefined;
  }

  /** Frees the agent's slot; the idle clock restarts so the longest-idle rule stays fair. */
  release(agent: AgentRecord, chat: ChatRecord): void {
    agent.chatIds.delete(chat.id);
    agent.idleSince = this.records.now();
  }

  setAgentState(agent: AgentRecord, state: AgentState): void {
    if (agent.state === state) return;
    agent.state = state;
    if (state === 'Available') agent.idleSince = this.records.now();
    this.records.send(agent.id, { type: 'agent-state', state });
    this.records.broadcastPresence();
  }

  private offer(chat: ChatRecord, agent: AgentRecord): void {
    const timeoutMs = this.records.configuration.offerTimeoutMs;
    chat.state = 'offered';
    chat.agentId = agent.id;
    chat.offeredAt = this.records.now();
    agent.chatIds.add(chat.id);
    agent.idleSince = this.records.now();
    chat.offerExpiry = this.records.scheduler.schedule(() => this.refuse(chat, 'expired'), timeoutMs);
    this.records.send(agent.id, { type: 'chat-offered', chat: chatSnapshot(chat), timeoutMs });
  }
}
