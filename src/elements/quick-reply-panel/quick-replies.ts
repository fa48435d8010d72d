import type { QuickReply } from '../../protocol/types.js';
import { fillTemplate, templateVariables } from '../../internal/template.js';
import { chatVariables } from '../../session/chat-variables.js';
import { shallowEqual } from '../../session/selectors.js';
import type { WorkspaceState } from '../../session/state.js';

/** What the panel shows for a chat: the configured replies and the values it knows. */
export interface QuickRepliesView {
  replies: readonly QuickReply[];
  /** The values the workspace knows for the chat (`agent.name`, `contact.name`, ...). */
  known: Readonly<Record<string, string | undefined>>;
}

export function selectQuickReplies(state: WorkspaceState, chatId: string): QuickRepliesView {
  const chat = state.chats.find((candidate) => candidate.id === chatId);
  return { replies: state.configuration.quickReplies, known: chatVariables(state, chat) };
}

export const quickRepliesEqual = (a: QuickRepliesView, b: QuickRepliesView) =>
  a.replies === b.replies && shallowEqual(a.known, b.known);

/** Quick replies that share a category, in the order the administrator listed them. */
export interface QuickReplyGroup {
  /** `undefined` for the replies without a category. */
  category: string | undefined;
  replies: readonly QuickReply[];
}

/** A piece of a quick reply's text: written text, or the place of a variable. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

/** Lower case without accents, so "reponse" finds "Réponse". */
function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The replies whose title, text or category hold every word of the query, in their order. */
export function filterQuickReplies(replies: readonly QuickReply[], query: string): QuickReply[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...replies];
  return replies.filter((reply) => {
    const haystack = searchable(`${reply.title}\n${reply.text}\n${reply.category ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Groups replies by category, in order of first appearance; those without one come last. */
export function groupByCategory(replies: readonly QuickReply[]): QuickReplyGroup[] {
  const groups = new Map<string | undefined, QuickReply[]>();
  for (const reply of replies) {
    const category = reply.category?.trim() || undefined;
    const group = groups.get(category) ?? [];
    group.push(reply);
    groups.set(category, group);
  }
  const uncategorized = groups.get(undefined);
  groups.delete(undefined);
  const result = [...groups].map(([category, members]) => ({ category, replies: members }));
  return uncategorized ? [...result, { category: undefined, replies: uncategorized }] : result;
}

// Marks the place of each variable while the template is split; never typed by anyone.
const MARK = '\u0000';

/**
 * Splits a quick reply's text into written text and variables, through the workspace's one
 * variable syntax (`fillTemplate`), so the preview can show each value as plain text.
 */
export function templateParts(template: string): TemplatePart[] {
  const clean = template.replaceAll(MARK, '');
  const names = templateVariables(clean);
  const marked = fillTemplate(clean, Object.fromEntries(names.map((name, index) => [name, `${MARK}${index}${MARK}`])));
  return marked.split(MARK).flatMap((piece, index): TemplatePart[] => {
    if (index % 2 === 0) return piece === '' ? [] : [{ kind: 'text', text: piece }];
    const name = names[Number(piece)];
    return name === undefined ? [] : [{ kind: 'variable', name }];
  });
}
