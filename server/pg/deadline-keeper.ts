import type { ContactCenterCore } from '../../src/platform/core.js';
import type { ChatRecord } from '../../src/platform/store.js';
import type { LocalLinks } from './pg-host.js';
import type { PgStore } from './pg-store.js';

/** How often the keeper looks at the deadlines and the other processes. */
const TICK_MS = 250;
/** How often it asks PostgreSQL which processes are alive. */
const LIVENESS_EVERY_MS = 1000;
/** A process must be gone this long before its deadlines and connections are taken over. */
const TAKEOVER_AFTER_MS = 1500;

/**
 * Fires offer and after-contact deadlines for the processes of one database. Each deadline
 * belongs to the process that last wrote its chat (`chats.timer_owner`); when that process
 * dies (its liveness lock is gone), the live process with the lowest id takes it over, and
 * the agents it had connected are recorded as disconnected. Ownership is checked again
 * inside the unit, under the write lock: one process fires each deadline.
 */
export class DeadlineKeeper {
  private timer: NodeJS.Timeout | undefined;
  private live = new Set<number>();
  private liveAt = 0;
  private readonly goneSince = new Map<number, number>();
  private busy = false;

  constructor(
    private readonly pg: PgStore,
    private readonly core: ContactCenterCore,
    private readonly links: LocalLinks,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = Date.now();
      if (now - this.liveAt >= LIVENESS_EVERY_MS) await this.refreshLiveness(now);
      const due = this.dueChats(now);
      if (due.length > 0) await this.pg.change(() => due.filter((chatId) => this.mayFire(chatId, Date.now())).forEach((chatId) => this.core.runDeadline(chatId)));
      const orphans = [...this.links.elsewhere()].filter(([, processId]) => this.isTakenOver(processId, now));
      if (orphans.length > 0) await this.pg.change(() => this.disconnect(orphans.map(([agentId]) => agentId)));
    } catch (error) {
      this.log('The deadline keeper failed; it goes on at the next tick', error);
    } finally {
      this.busy = false;
    }
  }

  private async refreshLiveness(now: number): Promise<void> {
    this.live = await this.pg.liveProcesses();
    this.liveAt = now;
    this.live.add(this.pg.processId);
    for (const processId of this.goneSince.keys()) if (this.live.has(processId)) this.goneSince.delete(processId);
  }

  /** Chats whose deadline passed and which this process may fire. */
  private dueChats(now: number): string[] {
    const { tables } = this.pg.store;
    const due: string[] = [];
    for (const chat of tables.chats.values()) {
      const deadline = deadlineOf(chat);
      if (deadline !== undefined && deadline <= now && this.mayFire(chat.id, now)) due.push(chat.id);
    }
    return due;
  }

  /** Its own deadline, or one whose owner died, when this is the lowest live process. */
  private mayFire(chatId: string, now: number): boolean {
    const owner = this.pg.store.tables.timerOwners.get(chatId);
    return owner === undefined || owner === this.pg.processId || this.isTakenOver(owner, now);
  }

  private isTakenOver(processId: number, now: number): boolean {
    if (this.live.has(processId)) return false;
    const since = this.goneSince.get(processId) ?? now;
    this.goneSince.set(processId, since);
    return now - since >= TAKEOVER_AFTER_MS && Math.min(...this.live) === this.pg.processId;
  }

  /** The agents of a dead process have no connection now: routing skips them until they connect again. */
  private disconnect(agentIds: string[]): void {
    for (const agentId of agentIds) {
      const row = this.pg.store.connection(agentId);
      if (row?.processId === undefined || this.live.has(row.processId)) continue;
      this.pg.store.setConnection(agentId, undefined);
      const link = this.core.linkOf(agentId);
      if (link) this.core.detach(agentId, link);
    }
  }
}

function deadlineOf(chat: ChatRecord): number | undefined {
  if (chat.state === 'offered') return chat.offerExpiresAt;
  if (chat.state === 'ended' && !chat.acwOverdue) return chat.acwExpiresAt;
  return undefined;
}
