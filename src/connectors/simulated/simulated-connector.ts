import { Observable, Subject } from 'rxjs';
import type { ContactCenterConnector } from '../connector.js';
import type { ConnectorEvent } from '../events.js';
import type {
  AgentIdentity,
  ChatMessage,
  DispositionRecord,
  EngagementRequest,
  SelectableAgentState,
  TransferTarget,
} from '../types.js';

/** The operations of the simulated platform that one agent's connection may call. */
export interface SimulatedPlatform {
  snapshotFor(agentId: string): ConnectorEvent[];
  setAgentState(agentId: string, state: SelectableAgentState): void;
  acceptOffer(agentId: string, chatId: string): void;
  rejectOffer(agentId: string, chatId: string): void;
  sendMessage(agentId: string, chatId: string, text: string): ChatMessage;
  agentTyping(agentId: string, chatId: string): void;
  transferChat(agentId: string, chatId: string, target: TransferTarget, note?: string): void;
  createEngagement(agentId: string, request: EngagementRequest): void;
  endChat(agentId: string, chatId: string): void;
  closeChat(agentId: string, chatId: string, disposition?: DispositionRecord): void;
  disconnect(agentId: string): void;
}

/**
 * One agent's connection to a `SimulatedContactCenter`. Commands run synchronously
 * against the platform and settle as promises, the way a network adapter's would;
 * a refused command rejects with the platform's reason.
 */
export class SimulatedConnector implements ContactCenterConnector {
  readonly events: Observable<ConnectorEvent>;
  private readonly live = new Subject<ConnectorEvent>();
  private closed = false;

  constructor(
    readonly agent: AgentIdentity,
    private readonly platform: SimulatedPlatform,
  ) {
    this.events = new Observable<ConnectorEvent>((subscriber) => {
      if (!this.closed) {
        for (const event of platform.snapshotFor(agent.id)) subscriber.next(event);
      }
      return this.live.subscribe(subscriber);
    });
  }

  /** Called by the platform: delivers an event (well-formed or not) to this agent. */
  deliver(event: ConnectorEvent): void {
    if (!this.closed) this.live.next(event);
  }

  /** Called by the platform when another connection replaces this one. */
  close(): void {
    this.closed = true;
    this.live.complete();
  }

  setAgentState(state: SelectableAgentState): Promise<void> {
    return this.run(() => this.platform.setAgentState(this.agent.id, state));
  }

  acceptOffer(chatId: string): Promise<void> {
    return this.run(() => this.platform.acceptOffer(this.agent.id, chatId));
  }

  rejectOffer(chatId: string): Promise<void> {
    return this.run(() => this.platform.rejectOffer(this.agent.id, chatId));
  }

  sendMessage(chatId: string, text: string): Promise<ChatMessage> {
    return this.run(() => this.platform.sendMessage(this.agent.id, chatId, text));
  }

  sendTyping(chatId: string): Promise<void> {
    return this.run(() => this.platform.agentTyping(this.agent.id, chatId));
  }

  transferChat(chatId: string, target: TransferTarget, note?: string): Promise<void> {
    return this.run(() => this.platform.transferChat(this.agent.id, chatId, target, note));
  }

  createEngagement(request: EngagementRequest): Promise<void> {
    return this.run(() => this.platform.createEngagement(this.agent.id, request));
  }

  endChat(chatId: string): Promise<void> {
    return this.run(() => this.platform.endChat(this.agent.id, chatId));
  }

  closeChat(chatId: string, disposition?: DispositionRecord): Promise<void> {
    return this.run(() => this.platform.closeChat(this.agent.id, chatId, disposition));
  }

  disconnect(): void {
    if (this.closed) return;
    this.platform.disconnect(this.agent.id);
    this.close();
  }

  private run<T>(command: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('This connection is closed.'));
    try {
      return Promise.resolve(command());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
