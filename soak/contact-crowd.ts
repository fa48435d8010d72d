import { request } from './http.js';
import type { Ledger } from './ledger.js';
import type { Random } from './random.js';
import { sleep } from './sleep.js';

export interface CrowdOptions {
  /** A live server's base URL, asked for each request (several processes take turns). */
  baseUrl: () => string;
  skill: string;
  /** Contacts present at once; new ones arrive as others go. */
  target: number;
  typingMeanMs: number;
}

/**
 * The contacts, over the HTTP API: each starts a chat, types at random intervals until the
 * agent ends it (409), and some leave first. A request the server does not answer (it
 * was killed) counts as not sent; the contact tries again later with a new message.
 */
export class ContactCrowd {
  readonly counts = { chatsStarted: 0, left: 0, unanswered: 0, refused: 0, endedByAgent: 0 };
  /** The first refusals that were not a plain "this chat has ended", for the report. */
  readonly refusals: string[] = [];
  /** Why requests went unanswered, with how often (a dead server, a timeout, a reset). */
  readonly unansweredReasons: Record<string, number> = {};
  private present = 0;
  private serial = 0;
  private readonly lives = new Set<Promise<void>>();

  constructor(
    private readonly options: CrowdOptions,
    private readonly random: Random,
    private readonly ledger: Ledger,
  ) {}

  /** New contacts keep arriving until `signal` aborts; answers once every contact has stopped. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (this.present < this.options.target) {
        this.present += 1;
        this.serial += 1;
        const life: Promise<void> = this.live(this.serial, this.random.fork(`contact-${this.serial}`), signal).finally(() => {
          this.present -= 1;
          this.lives.delete(life);
        });
        this.lives.add(life);
      }
      // Quick while filling up, then a relaxed look now and then for a free place.
      await sleep(this.present < this.options.target ? this.random.between(5, 25) : this.random.between(100, 400), signal);
    }
    await Promise.all([...this.lives]);
  }

  private async live(serial: number, random: Random, signal: AbortSignal): Promise<void> {
    const name = `Contact ${serial}`;
    const chatId = await this.startChat(name, random, signal);
    if (chatId === undefined) return;
    const leaveAfter = random.chance(0.25) ? random.integer(1, 8) : Infinity;
    for (let n = 1; !signal.aborted; n++) {
      await sleep(random.between(0.3, 1.7) * this.options.typingMeanMs, signal);
      if (signal.aborted) return;
      if (n > leaveAfter) return this.leave(chatId, random, signal);
      const text = `${name} in ${chatId}: message ${n}`;
      this.ledger.contactSending(text, Date.now());
      const answer = await request<{ message: unknown }>(this.options.baseUrl(), 'POST', `/api/chats/${chatId}/messages`, { text });
      if (answer.kind === 'ok') this.ledger.contactAcknowledged(chatId, text);
      else if (answer.kind === 'unanswered') this.unanswered(text, answer.error);
      else return this.refused(answer.status, answer.error, chatId);
    }
  }

  /** The chat's id once the server acknowledged it; a dead server is tried again with a new first message. */
  private async startChat(name: string, random: Random, signal: AbortSignal): Promise<string | undefined> {
    for (let attempt = 1; !signal.aborted; attempt++) {
      const text = `${name}: hello (attempt ${attempt})`;
      this.ledger.contactSending(text, Date.now());
      const answer = await request<{ id: string }>(this.options.baseUrl(), 'POST', '/api/chats', {
        contact: { name },
        skill: this.options.skill,
        text,
      });
      if (answer.kind === 'ok') {
        this.counts.chatsStarted += 1;
        this.ledger.contactAcknowledged(answer.body.id, text);
        return answer.body.id;
      }
      if (answer.kind === 'refused') return void this.refused(answer.status, answer.error);
      this.unanswered(text, answer.error);
      await sleep(random.between(500, 2_000), signal);
    }
    return undefined;
  }

  private async leave(chatId: string, random: Random, signal: AbortSignal): Promise<void> {
    for (let attempt = 0; attempt < 5 && !signal.aborted; attempt++) {
      const answer = await request(this.options.baseUrl(), 'POST', `/api/chats/${chatId}/leave`);
      if (answer.kind === 'ok') {
        this.counts.left += 1;
        return;
      }
      if (answer.kind === 'refused') return this.refused(answer.status, answer.error, chatId);
      this.note(answer.error);
      await sleep(random.between(500, 2_000), signal);
    }
  }

  private unanswered(text: string, error: string): void {
    this.note(error);
    this.ledger.contactUnanswered(text, `${new Date().toISOString().slice(11, 23)} ${error}`);
  }

  private note(error: string): void {
    this.counts.unanswered += 1;
    // Ports and ids vary; the kind of failure is what matters.
    const kind = error.replace(/\d+(\.\d+)*(:\d+)?/g, 'N');
    this.unansweredReasons[kind] = (this.unansweredReasons[kind] ?? 0) + 1;
  }

  /** 409 "has ended" is how a contact learns the agent ended the chat; anything else is worth a look. */
  private refused(status: number, error: string, chatId?: string): void {
    if (status === 409 && / has ended| is (ended|closed)/.test(error)) {
      this.counts.endedByAgent += 1;
      return;
    }
    this.counts.refused += 1;
    if (this.refusals.length < 10) this.refusals.push(`${chatId ?? 'POST /api/chats'}: ${status} ${error}`);
  }
}
