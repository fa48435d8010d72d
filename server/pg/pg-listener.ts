import pg from 'pg';
import { clientConfig } from './pg-connections.js';

/** Notified with the version of every committed unit. */
export const CHANGES_CHANNEL = 'platform_changes';
/** Ephemeral events (presence, typing, co-browse frames) between processes. */
export const RELAY_CHANNEL = 'platform_relay';
/** A notification's payload must stay under 8000 bytes; larger relays go through `relayed_events`. */
export const MAX_PAYLOAD_BYTES = 7000;

export interface ListenerHandlers {
  /** A unit committed somewhere (or the connection came back: something may have been missed). */
  changed(): void;
  relayed(payload: string): void;
  log(message: string, error?: unknown): void;
}

/**
 * One connection that LISTENs to both channels and opens again when it is lost; each time it
 * (re)connects it reports a change, so the process catches up on what it could not hear.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly handlers: ListenerHandlers,
  ) {}

  async listen(): Promise<void> {
    while (!this.closed) {
      try {
        const client = new pg.Client(clientConfig(this.url));
        client.on('error', (error) => this.lost(client, error));
        client.on('notification', (message) => {
          if (message.channel === CHANGES_CHANNEL) this.handlers.changed();
          else if (message.channel === RELAY_CHANNEL && message.payload) this.handlers.relayed(message.payload);
        });
        await client.connect();
        await client.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${RELAY_CHANNEL}`);
        this.client = client;
        this.handlers.changed();
        return;
      } catch (error) {
        this.handlers.log('Could not listen to the database; trying again', error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    this.handlers.log('The listening connection was lost; opening another', error);
    void this.listen();
  }
}
