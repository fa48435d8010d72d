import { msg } from '@lit/localize';
import type { DispositionOption, DispositionRecord } from '../../protocol/types.js';
import type { Chat } from '../../session/state.js';

/** After-contact work as nothing has been chosen or typed yet. */
export function emptyWrapUp(): DispositionRecord {
  return { code: '', tags: [], notes: '' };
}

/** What the form shows: one chat and the configuration of its after-contact work. */
export interface WrapUpView {
  chat: Chat | undefined;
  /** What the agent has chosen and typed for this chat so far. */
  wrapUp: DispositionRecord;
  dispositions: readonly DispositionOption[];
  dispositionRequired: boolean;
  /** The code recorded when after-contact work runs out of time, if any. */
  defaultDisposition?: string;
  tags: readonly string[];
}

/** What gets recorded: only configured dispositions and tags, tags in configuration order. */
export function recordOf(wrapUp: DispositionRecord, view: WrapUpView): DispositionRecord {
  const code = view.dispositions.some((option) => option.code === wrapUp.code) ? wrapUp.code : '';
  return { code, tags: view.tags.filter((tag) => wrapUp.tags.includes(tag)), notes: wrapUp.notes };
}

/** Configuration requires a disposition and none of the configured ones is chosen. */
export function isMissingDisposition(wrapUp: DispositionRecord, view: WrapUpView): boolean {
  return view.dispositionRequired && view.dispositions.length > 0 && recordOf(wrapUp, view).code === '';
}

export function missingDispositionMessage(): string {
  return msg('Choose a disposition before saving.');
}

/** The tags with one tag switched on or off. */
export function toggleTag(tags: readonly string[], tag: string, on: boolean): string[] {
  const others = tags.filter((candidate) => candidate !== tag);
  return on ? [...others, tag] : others;
}
