import type pg from 'pg';
import { MAX_PAYLOAD_BYTES, RELAY_CHANNEL } from './pg-listener.js';

/** What one process tells the others without storing it: presence, typing, co-browse frames. */
export type RelayMessage =
  | { kind: 'agent'; agentId: string; seq: number; event: unknown }
  | { kind: 'contact-typing'; chatId: string };

/**
 * Ephemeral events between processes through NOTIFY. Messages said in one turn of the event
 * loop go in one notification; one too large for a payload goes through `relayed_events`
 * and the notification carries its id. Worth nothing later, so a lost one is not sent again.
 */
export class PgRelay {
  private outbox: RelayMessage[] = [];
  private readonly listeners: ((message: RelayMessage) => void)[] = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  onMessage(listener: (message: RelayMessage) => void): void {
    this.listeners.push(listener);
  }

  publish(message: RelayMessage): void {
    if (this.outbox.length === 0) setImmediate(() => void this.send());
    this.outbox.push(message);
  }

  /** A notification's payload: a batch, or `{ "relayed": id }` for one kept in the table. */
  receive(payload: string): void {
    let parsed: { batch?: RelayMessage[]; relayed?: number };
    try {
      parsed = JSON.parse(payload) as typeof parsed;
    } catch (error) {
      this.log('A relayed payload was not JSON', error);
      return;
    }
    if (parsed.batch) this.hand(parsed.batch);
    if (parsed.relayed !== undefined) void this.fetch(parsed.relayed);
  }

  private async send(): Promise<void> {
    const batch = this.outbox;
    this.outbox = [];
    try {
      const payload = JSON.stringify({ batch });
      if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) {
        await this.pool.query('SELECT pg_notify($1, $2)', [RELAY_CHANNEL, payload]);
        return;
      }
      const { rows } = await this.pool.query<{ id: number }>('INSERT INTO relayed_events (json) VALUES ($1) RETURNING id', [payload]);
      await this.pool.query('SELECT pg_notify($1, $2)', [RELAY_CHANNEL, JSON.stringify({ relayed: rows[0]?.id })]);
      // Read by every listener within a moment; an old one is of no use to anybody.
      await this.pool.query(`DELETE FROM relayed_events WHERE at < now() - interval '1 minute'`);
    } catch (error) {
      this.log('Could not relay ephemeral events', error);
    }
  }

  private async fetch(id: number): Promise<void> {
    try {
      const { rows } = await this.pool.query<{ json: string }>('SELECT json FROM relayed_events WHERE id = $1', [id]);
      if (rows[0]) this.receive(rows[0].json);
    } catch (error) {
      this.log('Could not read a relayed event', error);
    }
  }

  private hand(batch: RelayMessage[]): void {
    for (const message of batch) {
      for (const listener of this.listeners) {
        try {
          listener(message);
        } catch (error) {
          this.log('A relay listener failed', error);
        }
      }
    }
  }
}
