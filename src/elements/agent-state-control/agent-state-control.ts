import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { combineLatest } from 'rxjs';
import { SessionController } from '../../controllers/session-controller.js';
import type { AgentState, SelectableAgentState, UnavailableReason } from '../../protocol/types.js';
import { SessionElement } from '../../internal/session-element.js';
import { dispatchChange } from '../../events/workspace-events.js';
import {
  selectAgentReason,
  selectAgentState,
  selectRequestedAgentState,
  selectRequestedReason,
  selectLastOfferOutcome,
  selectUnavailableReasons,
} from '../../session/selectors.js';
import { styles } from './agent-state-control.styles.js';

/** The localized name of an agent state. */
export function agentStateLabel(state: AgentState): string {
  switch (state) {
    case 'Available':
      return msg('Available');
    case 'Unavailable':
      return msg('Unavailable');
    case 'Refused':
      return msg('Refused');
  }
}

/** An option's value for Unavailable with a reason: the code after a prefix no state has. */
const REASON_PREFIX = 'Unavailable:';

/** The label of Unavailable with a configured reason, as the control shows it. */
export function unavailableReasonLabel(reason: string, reasons: readonly UnavailableReason[]): string {
  const label = reasons.find((option) => option.code === reason)?.label ?? reason;
  return msg(str`Unavailable — ${label}`);
}

/** The reasons to offer: the configured ones, and the agent's current one should the configuration have dropped it. */
function reasonChoices(reasons: readonly UnavailableReason[], current: string | undefined): readonly UnavailableReason[] {
  return current === undefined || reasons.some((option) => option.code === current)
    ? reasons
    : [...reasons, { code: current, label: current }];
}

/** The choices: Refused appears only while it is the state, and cannot be picked. */
function options(shown: AgentState): AgentState[] {
  return shown === 'Refused' ? ['Available', 'Unavailable', 'Refused'] : ['Available', 'Unavailable'];
}

/**
 * @tagname agent-state-control
 * @summary The agent's state: Available to receive chats, or Unavailable. Refused is
 * set by the platform after a rejected or missed offer and shown until the agent
 * picks Available again (R1). With `unavailableReasons` configured, Unavailable can
 * be chosen with a reason ("Unavailable — Lunch"), shown while it is the agent's and
 * sent to the platform.
 *
 * @fires {Event} change - The agent chose a state (read it from `value`). The select's own `change` stays inside the
 * shadow root; this one bubbles and is composed, so the page and an enclosing `<chat-workspace>` hear the
 * agent's gesture (the moment a browser lets a page ask for permissions).
 *
 * @csspart base - The wrapper of the control.
 * @csspart select - The native select that holds the state.
 * @csspart hint - The explanation shown while the state is Refused.
 */
export class AgentStateControl extends SessionElement {
  static override styles = styles;
  static override shadowRootOptions = { ...SessionElement.shadowRootOptions, delegatesFocus: true };

  private readonly agentState = new SessionController(this, (session) =>
    combineLatest({
      state: session.select(selectAgentState),
      requested: session.select(selectRequestedAgentState),
      reason: session.select(selectAgentReason),
      requestedReason: session.select(selectRequestedReason),
      reasons: session.select(selectUnavailableReasons),
      lastOffer: session.select(selectLastOfferOutcome),
    }),
  );

  /** The reason shown with Unavailable (a configured code), if any. */
  get reason(): string | undefined {
    const value = this.agentState.value;
    if (!value) return undefined;
    return value.requested ? value.requestedReason : value.reason;
  }

  /** The state shown: the one the agent just chose while the platform confirms it, else the agent's state. */
  get value(): AgentState | undefined {
    const value = this.agentState.value;
    return value ? (value.requested ?? value.state) : undefined;
  }

  override render() {
    const value = this.agentState.value;
    if (!value) return nothing;
    const shown = value.requested ?? value.state;
    const shownReason = shown === 'Unavailable' ? this.reason : undefined;
    const reasons = reasonChoices(value.reasons, shownReason);
    return html`
      <div part="base" class="control" data-state=${shown}>
        <span class="dot" aria-hidden="true"></span>
        <select
          part="select"
          aria-label=${msg('Agent state')}
          aria-describedby=${value.state === 'Refused' ? 'hint' : nothing}
          @change=${this.onChange}
        >
          ${options(shown).map(
            (option) => html`<option
              value=${option}
              ?disabled=${option === 'Refused'}
              .selected=${live(option === shown && shownReason === undefined)}
            >
              ${agentStateLabel(option)}
            </option>`,
          )}
          ${reasons.length > 0
            ? html`<optgroup label=${msg('Unavailable reasons')}>
                ${reasons.map(
                  (option) => html`<option
                    value=${REASON_PREFIX + option.code}
                    .selected=${live(shownReason === option.code)}
                  >
                    ${unavailableReasonLabel(option.code, reasons)}
                  </option>`,
                )}
              </optgroup>`
            : nothing}
        </select>
        <svg class="arrow" aria-hidden="true" viewBox="0 0 10 6">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.5" />
        </svg>
      </div>
      ${value.state === 'Refused' && !value.requested
        ? html`<p part="hint" id="hint" class="hint">
            ${value.lastOffer === 'rejected'
              ? msg('You rejected a chat. Choose Available to receive chats again.')
              : msg('A chat offer was missed. Choose Available to receive chats again.')}
          </p>`
        : nothing}
    `;
  }

  private onChange(event: Event): void {
    const chosen = (event.target as HTMLSelectElement).value;
    if (chosen.startsWith(REASON_PREFIX)) void this.session?.setAgentState('Unavailable', chosen.slice(REASON_PREFIX.length));
    else void this.session?.setAgentState(chosen as SelectableAgentState);
    dispatchChange(this);
  }
}
