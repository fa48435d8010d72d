import { distinctUntilChanged, filter, map, type Observable } from 'rxjs';
import type { ConnectionState } from '../connectors/connector.js';
import type { SessionEvent } from './session-events.js';
import type { SessionStore } from './session-store.js';

/**
 * The news the session tells of itself, beside what the connector's events mean
 * (`announcementOf`): the chat shown, and the connection.
 */

/** Each chat the workspace comes to show, once (a chat shown again after another counts again). */
export function activeChatNews(store: SessionStore): Observable<SessionEvent> {
  return store
    .select((state) => state.activeChatId)
    .pipe(
      filter((chatId): chatId is string => chatId !== undefined),
      distinctUntilChanged(),
      map((chatId) => store.state.chats.find((candidate) => candidate.id === chatId)),
      filter((chat) => chat !== undefined),
      map((chat): SessionEvent => ({ type: 'chat-activated', chat })),
    );
}

/** Takes the connector's connection in; answers the news when its status changed. */
export function connectionChange(store: SessionStore, connection: ConnectionState): SessionEvent | undefined {
  const previous = store.state.connection;
  store.dispatch({ type: 'connection-changed', status: connection.status, reason: connection.reason, cause: connection.cause });
  const { connection: status, connectionReason: reason, connectionCause: cause } = store.state;
  if (status === previous) return undefined;
  return {
    type: 'connection-changed',
    status,
    previous,
    ...(reason === undefined ? {} : { reason }),
    ...(cause === undefined ? {} : { cause }),
  };
}
