import { DedicatedConnection } from './pg-connections.js';

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
export function pgListener(url: string, handlers: ListenerHandlers): DedicatedConnection {
  return new DedicatedConnection(
    url,
    'listening',
    async (client) => {
      client.on('notification', (message) => {
        if (message.channel === CHANGES_CHANNEL) handlers.changed();
        else if (message.channel === RELAY_CHANNEL && message.payload) handlers.relayed(message.payload);
      });
      await client.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${RELAY_CHANNEL}`);
      handlers.changed();
    },
    handlers.log,
  );
}
