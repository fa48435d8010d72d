/** A run of a message's text: plain text, or an http(s) address the agent can open. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * Candidates start with an explicit http(s) scheme and run to the next whitespace or
 * character that cannot appear in a typed address; nothing else (`www.`, `mailto:`,
 * `javascript:`, `data:`) is ever a candidate.
 */
const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`/\\][^\s<>"'`]*/gi;

/** Sentence punctuation that usually follows an address rather than belonging to it. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '*']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Splits contact text into text and http(s) links. The text itself is never parsed
 * as markup: the caller renders every segment as text, links through an `href`
 * binding whose value is the URL as the browser normalised it.
 */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const candidate = trimTrailing(match[0]);
    const href = safeHref(candidate);
    if (href === undefined) continue;
    if (start > plainFrom) segments.push({ kind: 'text', text: text.slice(plainFrom, start) });
    segments.push({ kind: 'link', text: candidate, href });
    plainFrom = start + candidate.length;
  }
  if (plainFrom < text.length) segments.push({ kind: 'text', text: text.slice(plainFrom) });
  return segments;
}

/** Drops punctuation that ends a sentence, and closing brackets the address did not open. */
function trimTrailing(candidate: string): string {
  let end = candidate.length;
  while (end > 0) {
    const last = candidate.charAt(end - 1);
    const opener = CLOSERS[last];
    if (TRAILING.has(last)) {
      end--;
    } else if (opener !== undefined && count(candidate.slice(0, end), opener) < count(candidate.slice(0, end), last)) {
      end--;
    } else {
      break;
    }
  }
  return candidate.slice(0, end);
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** The normalised address when it is a well-formed http(s) URL with a host; otherwise nothing. */
function safeHref(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  return url.href;
}
