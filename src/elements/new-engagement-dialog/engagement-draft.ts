import { msg } from '@lit/localize';
import type { Contact, EngagementRequest } from '../../protocol/types.js';

/** What the agent fills in, as typed. */
export interface EngagementDraft {
  name: string;
  email: string;
  phone: string;
  channel: string;
  timing: 'now' | 'later';
  /** A `datetime-local` value, in the agent's time zone. */
  scheduledFor: string;
  note: string;
}

/** A field the agent must fix, by the id of its control. */
export interface DraftError {
  field: 'contact-name' | 'scheduled-at';
  message: string;
}

/** A draft for a contact (or none): their details, the first channel, now, no note. */
export function draftFor(contact: Contact | undefined, channels: readonly string[]): EngagementDraft {
  return {
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    channel: channels[0] ?? '',
    timing: 'now',
    scheduledFor: '',
    note: '',
  };
}

/** The chosen channel while configuration still offers it, else the first one offered. */
export function effectiveChannel(chosen: string, channels: readonly string[]): string {
  return channels.includes(chosen) ? chosen : (channels[0] ?? '');
}

/**
 * Checks a draft at time `now` (epoch ms) and builds the request when it is complete.
 * A later engagement needs a time strictly in the future.
 */
export function requestFromDraft(
  draft: EngagementDraft,
  context: { chatId?: string; channels: readonly string[]; now: number },
): { errors: DraftError[]; request?: EngagementRequest } {
  const errors: DraftError[] = [];
  const name = draft.name.trim();
  if (name === '') errors.push({ field: 'contact-name', message: msg('Enter the contact’s name.') });
  let scheduledAt: number | undefined;
  if (draft.timing === 'later') {
    scheduledAt = draft.scheduledFor === '' ? Number.NaN : new Date(draft.scheduledFor).getTime();
    if (Number.isNaN(scheduledAt)) {
      errors.push({ field: 'scheduled-at', message: msg('Choose a date and time.') });
    } else if (scheduledAt <= context.now) {
      errors.push({ field: 'scheduled-at', message: msg('Choose a time in the future.') });
    }
  }
  const channel = effectiveChannel(draft.channel, context.channels);
  if (errors.length > 0 || channel === '') return { errors };
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  return {
    errors,
    request: {
      ...(context.chatId ? { chatId: context.chatId } : {}),
      contact: { name, ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
      channel,
      ...(scheduledAt !== undefined ? { scheduledAt } : {}),
      note: draft.note,
    },
  };
}

/** An epoch time as a `datetime-local` value in the agent's time zone, to the minute. */
export function toLocalInputValue(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
