import type { TransferRecord } from '../../protocol/types.js';
import type { Chat, TranscriptMessage } from '../../session/state.js';

/** What happened to the chat itself, told as a system line. */
export type ChatHappening =
  | { type: 'accepted' }
  | { type: 'contact-left' }
  | { type: 'ended' }
  /** An earlier agent handed the chat over, with a note for whoever takes it (R13). */
  | { type: 'transferred'; transfer: TransferRecord };

/** One line of the transcript: a message, or a system line the workspace derives from the chat. */
export type TranscriptEntry =
  | { kind: 'message'; id: string; at: number; message: TranscriptMessage }
  | { kind: 'happening'; id: string; at: number; happening: ChatHappening };

/**
 * The chat's messages with system lines for its acceptance and its end, placed by
 * time. Messages keep the order the session gives them. At the same millisecond the
 * acceptance comes before the agent's messages (none can precede it) and after the
 * contact's; the end comes after every message of its moment.
 */
export function transcriptEntries(chat: Chat): TranscriptEntry[] {
  const happenings: HappeningEntry[] = [
    ...chat.transfers.map((transfer, index): HappeningEntry => ({
      kind: 'happening',
      id: `${chat.id}:transfer-${index}`,
      at: transfer.at,
      happening: { type: 'transferred', transfer },
    })),
    { kind: 'happening', id: `${chat.id}:accepted`, at: chat.acceptedAt, happening: { type: 'accepted' } },
  ];
  if (chat.endedAt !== undefined) {
    happenings.push({
      kind: 'happening',
      id: `${chat.id}:ended`,
      at: chat.endedAt,
      happening: { type: chat.endedBy === 'contact' ? 'contact-left' : 'ended' },
    });
  }
  // Transfers happened before this agent accepted; clocks of two machines may disagree.
  happenings.sort((a, b) => a.at - b.at);

  const entries: TranscriptEntry[] = [];
  let next = 0;
  for (const message of chat.messages) {
    for (let happening = happenings[next]; happening && comesBefore(happening, message); happening = happenings[++next]) {
      entries.push(happening);
    }
    entries.push({ kind: 'message', id: message.id, at: message.at, message });
  }
  return entries.concat(happenings.slice(next));
}

/**
 * The entries of a transcript that only grew at its end since `entries` were made from
 * `before`: the same entries and the new messages after them, without going over the
 * whole transcript again. `undefined` when it changed otherwise, or when a system line
 * still had to come after the last message (the entries must then be placed again).
 */
export function grownEntries(
  entries: readonly TranscriptEntry[],
  before: readonly TranscriptMessage[],
  after: readonly TranscriptMessage[],
): TranscriptEntry[] | undefined {
  const known = before.length;
  const last = entries[entries.length - 1];
  const onlyGrew = known > 0 && after.length > known && after[0] === before[0] && after[known - 1] === before[known - 1];
  if (!onlyGrew || last?.kind !== 'message' || last.message !== before[known - 1]) return undefined;
  const added: TranscriptEntry[] = [];
  for (let index = known; index < after.length; index++) {
    const message = after[index];
    if (message) added.push({ kind: 'message', id: message.id, at: message.at, message });
  }
  return entries.concat(added);
}

type HappeningEntry = Extract<TranscriptEntry, { kind: 'happening' }>;

function comesBefore(happening: HappeningEntry, message: TranscriptMessage): boolean {
  if (happening.at !== message.at) return happening.at < message.at;
  return happening.happening.type === 'accepted' && message.from === 'agent';
}

