/** One message an agent's session accepted (or refused) for sending. */
export interface AgentMessageRecord {
  agentId: string;
  chatId: string;
  /** Unique in the run: messages are matched by text on both sides. */
  text: string;
  sentAt: number;
  /**
   * `pending` while `sendMessage` has not settled (forever, for a page that died with it:
   * its successor sends it again from storage); `refused` when it resolved false.
   */
  outcome: 'pending' | 'ok' | 'refused';
  /** Why the session said it was not sent (its error), for a refusal. */
  reason?: string;
  settledAt?: number;
  /** Still on its way when its page died: the next page sends it again from storage. */
  orphaned?: boolean;
}

/** One contact message the server acknowledged (201). */
export interface ContactMessageRecord {
  chatId: string;
  text: string;
  sentAt: number;
}

/**
 * What both sides sent and saw, as the run goes: the expectation the final check holds
 * the server and the workspaces to. Texts are unique, so a text identifies a message.
 */
export class Ledger {
  readonly agentMessages: AgentMessageRecord[] = [];
  readonly contactMessages: ContactMessageRecord[] = [];
  /** Contact requests that got no answer (text → when and why): the server may or may not have recorded them. */
  readonly unacknowledged = new Map<string, string>();
  /** Agent messages a workspace showed as failed (refused after a reload, say) before the chat was closed. */
  readonly refusedAgentTexts = new Set<string>();
  /** Why each failed agent message failed: the session's error, seen as it was raised. */
  readonly failureReasons = new Map<string, string>();
  /** Agent → server: send to its `result`, ms. */
  readonly agentLatencies: number[] = [];
  /** Contact → agent: POST to the `message` event in that agent's session, ms. */
  readonly contactLatencies: number[] = [];
  /** Per agent: the contact messages its pages received in any event (live, replayed or in a snapshot). */
  private readonly seen = new Map<string, Set<string>>();
  private readonly contactSentAt = new Map<string, number>();
  private serial = 0;

  agentSending(agentId: string, chatId: string, sentAt: number): AgentMessageRecord {
    this.serial += 1;
    const record: AgentMessageRecord = { agentId, chatId, text: `${agentId} in ${chatId}: reply ${this.serial}`, sentAt, outcome: 'pending' };
    this.agentMessages.push(record);
    return record;
  }

  agentSettled(record: AgentMessageRecord, ok: boolean, at: number): void {
    record.outcome = ok ? 'ok' : 'refused';
    record.settledAt = at;
    if (ok) this.agentLatencies.push(at - record.sentAt);
    else record.reason = this.failureReasons.get(record.text);
  }

  /** A contact is about to send `text`; latency counts from here. */
  contactSending(text: string, at: number): void {
    this.contactSentAt.set(text, at);
  }

  contactAcknowledged(chatId: string, text: string): void {
    this.contactMessages.push({ chatId, text, sentAt: this.contactSentAt.get(text) ?? Date.now() });
  }

  contactUnanswered(text: string, detail: string): void {
    this.unacknowledged.set(text, detail);
  }

  /** A page of `agentId` received a contact message; `live` for a `message` event (latency counts those). */
  contactSeen(agentId: string, text: string, at: number, live: boolean): void {
    let texts = this.seen.get(agentId);
    if (!texts) this.seen.set(agentId, (texts = new Set()));
    if (texts.has(text)) return;
    texts.add(text);
    const sentAt = this.contactSentAt.get(text);
    if (live && sentAt !== undefined) this.contactLatencies.push(at - sentAt);
  }

  sawContactMessage(agentId: string, text: string): boolean {
    return this.seen.get(agentId)?.has(text) ?? false;
  }
}
