import type { ChatStorage } from '../src/session/chat-memory.js';
import type { Chat } from '../src/session/state.js';
import { AgentPage, type PageSetup } from './agent-page.js';
import type { Ledger } from './ledger.js';
import type { Random } from './random.js';
import { ReloadWitness } from './reload-witness.js';
import { sleep } from './sleep.js';

/** A tab's sessionStorage, in memory: it outlives the page, so a reload finds drafts and unsent messages. */
export class MapStorage implements ChatStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string): string | null => this.items.get(key) ?? null;
  setItem = (key: string, value: string): void => void this.items.set(key, value);
  removeItem = (key: string): void => void this.items.delete(key);
}

interface ChatPlan {
  /** Replies this agent gives before ending the chat. */
  replies: number;
  sent: number;
  nextAt: number;
  /** When after-contact work is done and the chat is closed. */
  closeAt?: number;
}

const DISPOSITIONS = ['resolved', 'follow-up'] as const;

/**
 * One agent at work: Available, accepts every offer, replies at random intervals, ends
 * a chat after a planned number of replies and closes it with a disposition after a
 * short after-contact work. The person outlives the page: a reload opens a new page on
 * the same storage, and the plans carry on.
 */
export class SoakAgent {
  reloads = 0;
  /** Times the platform had set Refused (an offer expired behind a cut) and the agent chose Available again. */
  refusedRecoveries = 0;
  readonly witness: ReloadWitness;
  private page: AgentPage;
  private readonly deadPages: AgentPage[] = [];
  private readonly storage = new MapStorage();
  private readonly plans = new Map<string, ChatPlan>();

  constructor(
    private readonly setup: Omit<PageSetup, 'storage'>,
    private readonly random: Random,
    private readonly ledger: Ledger,
    private readonly typingMeanMs: number,
  ) {
    this.witness = new ReloadWitness(setup.agent.id, ledger);
    this.page = this.openPage();
  }

  get id(): string {
    return this.setup.agent.id;
  }

  /** The live page's session. */
  get session() {
    return this.page.session;
  }

  get reconnects(): number {
    return [...this.deadPages, this.page].reduce((total, page) => total + page.reconnects, 0);
  }

  /** Catch-ups by snapshot after a reconnect (a page's first connection always gets one: not counted). */
  get snapshotCatchUps(): number {
    return [...this.deadPages, this.page].reduce((total, page) => total + Math.max(0, page.snapshots - 1), 0);
  }

  /** Acts every few hundred ms until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await sleep(this.random.between(150, 450), signal);
      if (!signal.aborted) this.step(Date.now());
    }
  }

  /** The page dies without a goodbye, and a new one opens on the same storage (F5). */
  reload(): void {
    this.page.die();
    this.witness.pageDied();
    this.deadPages.push(this.page);
    this.page = this.openPage();
    this.reloads += 1;
  }

  /** Connected, and nothing on its way: the workspace has said all it will say. */
  isSettled(): boolean {
    const { state } = this.page.session;
    return (
      state.connection === 'connected' &&
      this.page.busy.size === 0 &&
      state.chats.every((chat) => chat.messages.every((message) => message.delivery !== 'sending'))
    );
  }

  dispose(): void {
    for (const page of [...this.deadPages, this.page]) page.dispose();
  }

  private openPage(): AgentPage {
    return new AgentPage({ ...this.setup, storage: this.storage });
  }

  private step(now: number): void {
    const page = this.page;
    const { session } = page;
    const { state } = session;
    const online = state.connection === 'connected' && state.configured;
    if (online && state.agent.state !== 'Available' && state.requestedAgentState === undefined) {
      // Refused after an offer expired during a cut: the agent picks Available again.
      if (state.agent.state === 'Refused' && !page.busy.has('state')) this.refusedRecoveries += 1;
      this.once(page, 'state', () => session.setAgentState('Available'));
    }
    if (online) {
      for (const offer of state.offers) {
        if (offer.status === 'pending') this.once(page, `accept:${offer.chatId}`, () => session.acceptOffer(offer.chatId));
      }
    }
    for (const chat of state.chats) this.tend(page, chat, now, online);
  }

  /** One chat: reply when due (also while disconnected: the outbox holds it), end, then close. */
  private tend(page: AgentPage, chat: Chat, now: number, online: boolean): void {
    this.witness.look(chat, page.session.state.work[chat.id]?.draft ?? '');
    const plan = this.planOf(chat.id, now);
    const sending = chat.messages.some((message) => message.delivery === 'sending');
    if (chat.status === 'ended') {
      this.witness.cleared(chat.id);
      plan.closeAt ??= now + this.random.between(500, 3_000);
      if (online && !sending && now >= plan.closeAt) {
        const failed = chat.messages.filter((message) => message.delivery === 'failed').map((message) => message.text);
        this.once(page, `close:${chat.id}`, async () => {
          const closed = await page.session.closeChat(chat.id, {
            code: this.random.pick(DISPOSITIONS) ?? 'resolved',
            tags: [],
            notes: `Closed by the soak after ${plan.sent} replies.`,
          });
          // Its failed messages leave with it; the check must still know they were refused, not lost.
          if (closed.ok) for (const text of failed) this.ledger.refusedAgentTexts.add(text);
          if (closed.ok) this.plans.delete(chat.id);
          return closed;
        });
      }
      return;
    }
    if (now < plan.nextAt) return;
    plan.nextAt = now + this.random.between(0.3, 1.7) * this.typingMeanMs;
    if (plan.sent >= plan.replies) {
      if (online && !sending) this.once(page, `end:${chat.id}`, () => page.session.endChat(chat.id));
      return;
    }
    this.reply(page, chat.id, plan, now);
  }

  /**
   * A burst of replies in several chats at once, right before a fault: some are on the
   * wire, recorded or not, when the link or the server dies, and go again under the same ids.
   */
  burst(count: number): void {
    const page = this.page;
    const now = Date.now();
    const active = page.session.state.chats.filter((chat) => chat.status === 'active');
    for (let index = 0; index < count && active.length > 0; index++) {
      const chat = this.random.pick(active);
      if (chat) this.reply(page, chat.id, this.planOf(chat.id, now), now);
    }
  }

  private reply(page: AgentPage, chatId: string, plan: ChatPlan, now: number): void {
    plan.sent += 1;
    if (this.random.chance(0.3)) page.session.notifyTyping(chatId);
    const record = this.ledger.agentSending(this.id, chatId, now);
    void page.session.sendMessage(chatId, record.text).then((result) => {
      // A page that died meanwhile settles nothing: its successor sent the message again.
      if (page.isAlive) this.ledger.agentSettled(record, result.ok, Date.now());
    });
    this.witness.cleared(chatId);
    // Half the time the agent starts on the next reply at once: a draft a reload must keep.
    if (plan.sent < plan.replies && this.random.chance(0.5)) {
      const draft = `${this.id} drafting reply ${plan.sent + 1} in ${chatId}`;
      page.session.setDraft(chatId, draft);
      this.witness.typed(chatId, draft);
    }
  }

  private planOf(chatId: string, now: number): ChatPlan {
    let plan = this.plans.get(chatId);
    if (!plan) {
      plan = { replies: this.random.integer(3, 12), sent: 0, nextAt: now + this.random.between(0.2, 1.2) * this.typingMeanMs };
      this.plans.set(chatId, plan);
    }
    return plan;
  }

  /** Runs a command unless the same one is still on its way from this page. */
  private once(page: AgentPage, key: string, command: () => Promise<unknown>): void {
    if (page.busy.has(key)) return;
    page.busy.add(key);
    void command().finally(() => page.busy.delete(key));
  }
}


/** What the agents saw of the faults, summed for the report. */
export function agentTotals(agents: readonly SoakAgent[]) {
  const sum = (figure: (agent: SoakAgent) => number) => agents.reduce((total, agent) => total + figure(agent), 0);
  return {
    reconnects: sum((agent) => agent.reconnects),
    snapshotCatchUps: sum((agent) => agent.snapshotCatchUps),
    refusedRecoveries: sum((agent) => agent.refusedRecoveries),
    reload: {
      draftsChecked: sum((agent) => agent.witness.figures.draftsChecked),
      draftsLost: sum((agent) => agent.witness.figures.draftsLost),
      messagesCarried: sum((agent) => agent.witness.figures.messagesCarried),
      lostDrafts: agents.flatMap((agent) => agent.witness.lostDrafts),
    },
  };
}
