import { Observable, Subject } from 'rxjs';
import { caseChange, type ContactCenterConnector } from '../connector.js';
import type { AgentCommand } from '../../protocol/commands.js';
import type { ConnectorEvent } from '../../protocol/events.js';
import type {
  AgentIdentity,
  ChatMessage,
  DispositionRecord,
  EngagementRequest,
  SelectableAgentState,
  TransferTarget,
} from '../../protocol/types.js';
import type { AgentLink } from '../../platform/context.js';
import type { ContactCenterCore } from '../../platform/core.js';

/**
 * One agent's connection to a `SimulatedContactCenter`: the in-memory adapter of the
 * platform core. Commands run synchronously against the core and settle as promises, the
 * way a network adapter's would; a refused command rejects with the platform's reason.
 */
export class SimulatedConnector implements ContactCenterConnector, AgentLink {
  readonly events: Observable<ConnectorEvent>;
  private readonly live = new Subject<ConnectorEvent>();
  private closed = false;

  constructor(
    readonly agent: AgentIdentity,
    private readonly core: ContactCenterCore,
  ) {
    this.events = new Observable<ConnectorEvent>((subscriber) => {
      if (!this.closed) {
        for (const event of core.snapshot(agent.id).events) subscriber.next(event);
      }
      return this.live.subscribe(subscriber);
    });
  }

  /** Called by the core: delivers an event (well-formed or not) to this agent. */
  deliver(_seq: number, event: ConnectorEvent): void {
    if (!this.closed) this.live.next(event);
  }

  /** Called by the core when another connection of the agent replaces this one. */
  close(): void {
    this.closed = true;
    this.live.complete();
  }

  setAgentState(state: SelectableAgentState, reason?: string): Promise<void> {
    return this.run({ name: 'set-agent-state', state, ...(reason !== undefined ? { reason } : {}) });
  }

  acceptOffer(chatId: string): Promise<void> {
    return this.run({ name: 'accept-offer', chatId });
  }

  rejectOffer(chatId: string): Promise<void> {
    return this.run({ name: 'reject-offer', chatId });
  }

  sendMessage(chatId: string, text: string, clientId?: string): Promise<ChatMessage> {
    return this.run({ name: 'send-message', chatId, text }, clientId) as Promise<ChatMessage>;
  }

  sendTyping(chatId: string): Promise<void> {
    return this.run({ name: 'typing', chatId });
  }

  transferChat(chatId: string, target: TransferTarget, note?: string): Promise<void> {
    return this.run({ name: 'transfer-chat', chatId, target, ...(note !== undefined ? { note } : {}) });
  }

  createEngagement(request: EngagementRequest): Promise<void> {
    return this.run({ name: 'create-engagement', request });
  }

  endChat(chatId: string): Promise<void> {
    return this.run({ name: 'end-chat', chatId });
  }

  closeChat(chatId: string, disposition?: DispositionRecord): Promise<void> {
    return this.run({ name: 'close-chat', chatId, ...(disposition ? { disposition } : {}) });
  }

  extendWrapUp(chatId: string): Promise<void> {
    return this.run({ name: 'extend-wrap-up', chatId });
  }

  updateCase(chatId: string, change: { status?: string; note?: string }): Promise<void> {
    return this.run({ name: 'update-case', chatId, ...caseChange(change) });
  }

  requestCobrowse(chatId: string): Promise<void> {
    return this.run({ name: 'request-cobrowse', chatId });
  }

  endCobrowse(chatId: string): Promise<void> {
    return this.run({ name: 'end-cobrowse', chatId });
  }

  disconnect(): void {
    if (this.closed) return;
    this.core.execute(this.agent.id, { name: 'leave' });
    this.core.detach(this.agent.id, this);
    this.close();
  }

  private run(command: AgentCommand, commandId?: string): Promise<never> {
    if (this.closed) return Promise.reject(new Error('This connection is closed.'));
    try {
      const outcome = this.core.execute(this.agent.id, command, commandId);
      return outcome.ok ? Promise.resolve(outcome.value as never) : Promise.reject(new Error(outcome.error));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
