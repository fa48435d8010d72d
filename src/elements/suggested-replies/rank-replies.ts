import type { QuickReply } from '../../protocol/types.js';

/** A quick reply and how well it matches what the contact wrote, from 0 to 1. */
export interface RankedReply {
  reply: QuickReply;
  score: number;
}

/** Words that say nothing about the topic, in English and French (accents folded). */
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can do for from have hello hi how i if in is it me my no not of on or please ' +
    'so that the this to was we what when with you your thank thanks ' +
    'au aux avec bonjour ce ces dans de des du elle en est et il je la le les leur ma mais me merci mes mon ' +
    'ne nous on ou par pas pour qu que qui sa se ses son sur ta te tu un une vos votre vous'
  ).split(' '),
);

/** Variables such as `{{contact.name}}` are not words of the reply. */
const VARIABLE = /\{\{[^}]*\}\}/g;

/** The topic words of a text: lower case, accents folded, stop words and plural "s" dropped. */
export function topicWords(text: string): Set<string> {
  const folded = text.replace(VARIABLE, ' ').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
  return new Set(words.map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word)));
}

/** Cosine similarity of two word sets: shared words over the geometric mean of their sizes. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/**
 * Ranks quick replies against the contact's recent messages (title, category and text of
 * each reply against the words of the messages). Best first, ties in the configured order;
 * only replies that share a word with the messages, at most `limit`.
 */
export function rankQuickReplies(replies: readonly QuickReply[], contactMessages: readonly string[], limit = 3): RankedReply[] {
  const asked = topicWords(contactMessages.join('\n'));
  return replies
    .map((reply) => ({ reply, score: similarity(topicWords(`${reply.title} ${reply.category ?? ''} ${reply.text}`), asked) }))
    .filter((ranked) => ranked.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
