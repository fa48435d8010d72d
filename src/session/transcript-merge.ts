import type { ChatMessage } from '../protocol/types.js';
import type { TranscriptMessage } from './state.js';

/**
 * Adds a message the platform recorded to a transcript. A transcript is the platform's
 * messages in the order it recorded them, then the agent's messages still on their way
 * or refused: a recorded message goes after the last recorded one, before that tail.
 * Platforms repeat themselves (reconnects, replays, echoes): a message id is kept once.
 * The agent's own message, echoed or answered, replaces its local copy (same client id).
 */
export function receiveMessage(
  messages: readonly TranscriptMessage[],
  message: ChatMessage,
  localId = message.clientId,
): readonly TranscriptMessage[] {
  if (messages.some((known) => known.id === message.id)) {
    return localId === undefined ? messages : messages.filter((known) => known.id !== localId || known.id === message.id);
  }
  const rest = localId === undefined ? messages : messages.filter((known) => known.id !== localId);
  let end = rest.length;
  while (end > 0 && rest[end - 1]?.delivery !== undefined) end -= 1;
  return [...rest.slice(0, end), message, ...rest.slice(end)];
}

/**
 * What a chat shows when the platform hands over its whole transcript again (a
 * `chat-assigned` for a chat already open, a snapshot after a reconnect): the platform's
 * messages in its order; messages the workspace already had that the platform's copy
 * lacks, in time order; then the agent's messages still on their way or refused, whose
 * text is never dropped. A message id, or an agent message's client id, shows once.
 */
export function mergeTranscript(
  held: readonly TranscriptMessage[],
  platform: readonly ChatMessage[],
): readonly TranscriptMessage[] {
  const ids = new Set(platform.map((message) => message.id));
  for (const message of platform) if (message.clientId) ids.add(message.clientId);
  const unseen = held.filter((message) => !ids.has(message.id) && !(message.clientId && ids.has(message.clientId)));
  if (unseen.length === 0) return platform;
  const confirmed = unseen.filter((message) => message.delivery === undefined);
  const local = unseen.filter((message) => message.delivery !== undefined);
  const merged: TranscriptMessage[] = [...platform];
  for (const message of confirmed) {
    // After the last message that is not later than it: a stable insertion by time.
    let index = merged.length;
    while (index > 0 && (merged[index - 1]?.at ?? 0) > message.at) index -= 1;
    merged.splice(index, 0, message);
  }
  return [...merged, ...local];
}
