import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { combineLatest } from 'rxjs';
import { SessionController } from '../../controllers/session-controller.js';
import type { AgentState, SelectableAgentState } from '../../protocol/types.js';
import { SessionElement } from '../../internal/session-element.js';
import { selectAgentState, selectRequestedAgentState } from '../../session/selectors.js';
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

/** The choices: Refused appears only while it is the state, and cannot be picked. */
function options(shown: AgentState): AgentState[] {
  return shown === 'Refused' ? ['Available', 'Unavailable', 'Refused'] : ['Available', 'Unavailable'];
}

/**
 * @tagname agent-state-control
 * @summary The agent's state: Available to receive chats, or Unavailable. Refused is
 * set by the platform after a rejected or missed offer and shown until the agent
 * picks Available again (R1).
 *
 * @event change - The agent chose a state (read it from `value`). The select's own `change` stays inside the
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
    }),
  );

  /** The state shown: the one the agent just chose while the platform confirms it, else the agent's state. */
  get value(): AgentState | undefined {
    const value = this.agentState.value;
    return value ? (value.requested ?? value.state) : undefined;
  }

  override render() {
    const value = this.agentState.value;
    if (!value) return nothing;
    const shown = value.requested ?? value.state;
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
              .selected=${live(option === shown)}
            >
              ${agentStateLabel(option)}
            </option>`,
          )}
        </select>
        <svg class="arrow" aria-hidden="true" viewBox="0 0 10 6">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.5" />
        </svg>
      </div>
      ${value.state === 'Refused' && !value.requested
        ? html`<p part="hint" id="hint" class="hint">
            ${msg('A chat offer was missed. Choose Available to receive chats again.')}
          </p>`
        : nothing}
    `;
  }

  private onChange(event: Event): void {
    const chosen = (event.target as HTMLSelectElement).value as SelectableAgentState;
    void this.session?.setAgentState(chosen);
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
}
