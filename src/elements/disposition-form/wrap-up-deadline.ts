import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Observable } from 'rxjs';
import { clockText } from '../../controllers/clock-text.js';
import { formatDuration } from '../../internal/format.js';
import type { Chat } from '../../session/state.js';
import type { WrapUpView } from './wrap-up.js';

/** The last seconds of after-contact work, when the countdown changes look and is announced once. */
export const ACW_URGENT_SECONDS = 30;

/** Whole seconds of after-contact work left, never below zero; read from the deadline, so a throttled tab never stretches it. */
export function acwSecondsLeft(acwExpiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((acwExpiresAt - now) / 1000));
}

/** What happens when time runs out, in the agent's words. */
function outcomeText(view: WrapUpView): string {
  if (view.dispositionRequired && view.dispositions.length > 0) {
    return msg('When time runs out, the chat stays open until you choose a disposition.');
  }
  const label = view.dispositions.find((option) => option.code === view.defaultDisposition)?.label;
  return label
    ? msg(str`When time runs out, the chat closes with the disposition ${label}.`)
    : msg('When time runs out, the chat closes without a disposition.');
}

const hourglass = html`<svg class="hourglass" aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
  <path d="M4 2h8M4 14h8M5 2c0 3 6 4 6 6s-6 3-6 6M11 2c0 3-6 4-6 6s6 3 6 6" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
</svg>`;

export interface DeadlineControls {
  clock: Observable<number>;
  extend: () => void;
  /** The form is disabled. */
  disabled: boolean;
  /** An extension is on its way: the button stays focusable (focus never drops) but does nothing. */
  busy: boolean;
}

/**
 * The after-contact work deadline of an ended chat: a countdown (a `timer`, silent), an
 * "Extend" button, and what happens when time runs out; its last seconds are announced
 * once, politely. Nothing when after-contact work has no limit.
 */
export function renderDeadline(chat: Chat, view: WrapUpView, controls: DeadlineControls) {
  const deadline = chat.acwExpiresAt;
  if (deadline === undefined) return nothing;
  const { clock } = controls;
  const urgency = (now: number) => (chat.acwOverdue || acwSecondsLeft(deadline, now) <= ACW_URGENT_SECONDS ? 'urgent' : 'calm');
  return html`
    <div part="deadline" class="deadline" data-urgency=${clockText(clock, urgency)}>
      <span id="time-left" class="time-left">${msg('Time left')}</span>
      <span part="countdown" class="countdown" role="timer" aria-labelledby="time-left"
        >${hourglass}${clockText(clock, (now) => formatDuration(acwSecondsLeft(deadline, now) * 1000))}</span
      >
      <button
        part="extend"
        type="button"
        aria-describedby="deadline-outcome"
        ?disabled=${controls.disabled}
        aria-disabled=${controls.busy ? 'true' : nothing}
        @click=${controls.extend}
      >
        ${msg('Extend')}
      </button>
    </div>
    <p id="deadline-outcome" part="deadline-outcome" class="deadline-outcome">${outcomeText(view)}</p>
    ${chat.acwOverdue
      ? html`<p part="error" class="error" role="alert">${msg('Time is up. Choose a disposition, then Save and close.')}</p>`
      : html`<p class="visually-hidden" aria-live="polite">
          ${clockText(clock, (now) => {
            const left = acwSecondsLeft(deadline, now);
            return left > 0 && left <= ACW_URGENT_SECONDS
              ? msg(str`Less than ${ACW_URGENT_SECONDS} seconds of after-contact work left.`)
              : '';
          })}
        </p>`}
  `;
}
