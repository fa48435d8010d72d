/**
 * Contact input is hostile: a name or a message may carry direction overrides that make
 * it read backwards ("fdp.exe" shown as "exe.pdf"), line breaks that fake a new line, or
 * a megabyte of text. These helpers make it safe to show, announce and copy. Elements
 * still render it as text (never markup) and inside `dir="auto"` or `<bdi>`, so it
 * cannot reorder the workspace's own text around it either.
 */

/** Explicit bidi embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Every way text can start a new line in a plain-text reader or editor: CR, LF, the
 * vertical tab, form feed, NEL and the Unicode line and paragraph separators.
 */
export const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/** Characters of a name shown anywhere in the workspace. */
export const NAME_LIMIT = 80;

/** Characters of a message shown before "Show all". */
export const MESSAGE_PREVIEW_LIMIT = 600;

/** Characters of a message "Show all" shows; a platform that let more through is not followed further. */
export const MESSAGE_SHOWN_LIMIT = 20_000;

/** Characters of contact text a live region or a notification reads out. */
export const EXCERPT_LIMIT = 140;

/** Contact text without direction controls; the bidi algorithm orders real right-to-left text by itself. */
export function withoutDirectionControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A contact's name for one line: no controls, no line breaks, at most `NAME_LIMIT` characters. */
export function contactName(name: string): string {
  return cap(withoutDirectionControls(name).replace(LINE_BREAKS, ' ').trim(), NAME_LIMIT);
}

/** A short one-line excerpt of contact text, for live regions and notifications. */
export function excerpt(text: string, limit = EXCERPT_LIMIT): string {
  // Cut before cleaning: a megabyte is never scanned whole for one line.
  const head = text.length > limit * 4 ? text.slice(0, limit * 4) : text;
  return cap(withoutDirectionControls(head).replace(LINE_BREAKS, ' ').replace(/\s+/g, ' ').trim(), limit, text.length > head.length);
}

/** The first `limit` characters with an ellipsis when there was more. */
export function cap(text: string, limit: number, longer = false): string {
  if (text.length <= limit && !longer) return text;
  // Do not split a surrogate pair: an emoji cut in half shows as a replacement box.
  let end = Math.min(limit, text.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}
