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
  const positions = positionsOf(messages);
  if (holds(messages, positions, message.id)) {
    return localId === undefined ? messages : sharingIndex(messages, messages.filter((known) => known.id !== localId || known.id === message.id));
  }
  const tail = localTail(messages);
  const end = messages.length - tail.length;
  const confirmed = messages.slice(0, end);
  confirmed.push(message, ...(localId === undefined ? tail : tail.filter((known) => known.id !== localId)));
  // The new transcript keeps the index of the one it grew from: its recorded part is the same.
  positions.set(message.id, end);
  return sharingIndex(messages, confirmed);
}

/** The agent's message, just sent, at the end of the transcript. */
export function appendLocal(messages: readonly TranscriptMessage[], message: TranscriptMessage): readonly TranscriptMessage[] {
  return sharingIndex(messages, [...messages, message]);
}

/** The agent's unrecorded message `localId`, marked sending again or refused. */
export function markDelivery(
  messages: readonly TranscriptMessage[],
  localId: string,
  delivery: NonNullable<TranscriptMessage['delivery']>,
): readonly TranscriptMessage[] {
  return sharingIndex(
    messages,
    messages.map((message) => (message.id === localId ? { ...message, delivery } : message)),
  );
}

/**
 * The agent's messages at the end of a transcript that the platform has not recorded
 * (sending or refused): they stay after every recorded message, so they are its tail.
 */
export function localTail(messages: readonly TranscriptMessage[]): readonly TranscriptMessage[] {
  let start = messages.length;
  while (start > 0 && messages[start - 1]?.delivery !== undefined) start -= 1;
  return messages.slice(start);
}

/**
 * Where each recorded message of a transcript sits, by id: a message that comes is
 * looked up in constant time, not by a scan that grows with the transcript. A transcript
 * that grew by `receiveMessage` shares the index of the one it came from; an entry is
 * trusted only where the transcript holds that id at that place (`holds`), so an index
 * shared with an older or a rearranged transcript never answers wrongly.
 */
const indexes = new WeakMap<readonly TranscriptMessage[], Map<string, number>>();

/** `next` changed only the unrecorded tail of `previous`: its recorded messages keep their places. */
function sharingIndex(previous: readonly TranscriptMessage[], next: readonly TranscriptMessage[]): readonly TranscriptMessage[] {
  const positions = indexes.get(previous);
  if (positions) indexes.set(next, positions);
  return next;
}

function positionsOf(messages: readonly TranscriptMessage[]): Map<string, number> {
  let positions = indexes.get(messages);
  if (!positions) {
    positions = new Map(messages.map((message, index) => [message.id, index]));
    indexes.set(messages, positions);
  }
  return positions;
}

/** Whether the transcript holds a message with this id (in constant time, mostly). */
export function hasMessage(messages: readonly TranscriptMessage[], id: string): boolean {
  return holds(messages, positionsOf(messages), id);
}

function holds(messages: readonly TranscriptMessage[], positions: Map<string, number>, id: string): boolean {
  const index = positions.get(id);
  // Past the end: recorded in a later transcript of the same line, not in this earlier one.
  if (index === undefined || index >= messages.length) return false;
  // Moved since it was indexed (a reordered copy): look for it the long way.
  return messages[index]?.id === id || messages.some((known) => known.id === id);
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
  // The platform's ids through the index its transcript keeps from now on (the next message
  // that comes looks it up): one pass over a long transcript, not two.
  const clientIds = new Set<string>();
  for (const message of platform) if (message.clientId) clientIds.add(message.clientId);
  const known = (id: string) => clientIds.has(id) || hasMessage(platform, id);
  const unseen = held.filter((message) => !known(message.id) && !(message.clientId && known(message.clientId)));
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
