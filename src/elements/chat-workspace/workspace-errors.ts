import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatSession } from '../../session/chat-session.js';
import type { SessionCommand, WorkspaceError } from '../../session/state.js';
import { adoptLaterStyles } from './on-demand.js';
import { errorStyles } from './workspace-errors.styles.js';

function commandFailure(command: SessionCommand): string {
  switch (command) {
    case 'setAgentState':
      return msg('The agent state could not be changed.');
    case 'acceptOffer':
      return msg('The chat could not be accepted.');
    case 'rejectOffer':
      return msg('The chat could not be rejected.');
    case 'sendMessage':
      return msg('The message could not be sent.');
    case 'sendTyping':
      return msg('The typing indicator could not be sent.');
    case 'endChat':
      return msg('The chat could not be ended.');
    case 'closeChat':
      return msg('The chat could not be closed.');
    case 'transferChat':
      return msg('The chat could not be transferred.');
    case 'createEngagement':
      return msg('The new engagement could not be created.');
    case 'extendWrapUp':
      return msg('The after-contact work could not be extended.');
    case 'updateCase':
      return msg('The case could not be updated.');
    case 'requestCobrowse':
      return msg('Co-browsing could not be requested.');
    case 'endCobrowse':
      return msg('Co-browsing could not be ended.');
  }
}

/** One sentence the agent can act on. */
export function describeError(error: WorkspaceError): string {
  switch (error.kind) {
    case 'invalid-event':
      return msg(str`The contact center sent data the workspace could not read (${error.field}). Other chats are unaffected.`);
    case 'command-failed':
      // The platform's reason follows, in the platform's words.
      return `${commandFailure(error.command)} ${error.message}`;
    case 'disconnected':
      return msg('The connection to the contact center was lost.');
  }
}

/** The workspace as its error summary sees it. */
export interface ErrorsHost extends ReactiveControllerHost {
  session?: ChatSession;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the error summary can do. */
interface ErrorActions {
  dismiss: (id: number) => void;
  dismissAll: () => void;
  toggleDetails: () => void;
}

/**
 * The workspace's error summary, loaded with its styles once there is a problem to show
 * (most sessions have none): whether its list is open, and what its buttons do.
 */
export class WorkspaceErrors {
  /** Whether the list of problems is open under their summary line. */
  private detailsOpen = false;
  private readonly actions: ErrorActions = {
    dismiss: (id) => this.host.session?.dismissError(id),
    dismissAll: () => {
      this.detailsOpen = false;
      this.host.session?.dismissAllErrors();
    },
    toggleDetails: () => {
      this.detailsOpen = !this.detailsOpen;
      this.host.requestUpdate();
    },
  };

  constructor(private readonly host: ErrorsHost) {
    adoptLaterStyles(host.renderRoot, errorStyles);
  }

  render(errors: readonly WorkspaceError[]) {
    return renderErrors(errors, this.detailsOpen, this.actions);
  }
}

/**
 * The problems the agent should know about, in one compact line that never takes the
 * agent's room: the latest problem, how many there are, and the list on demand.
 */
function renderErrors(errors: readonly WorkspaceError[], detailsOpen: boolean, actions: ErrorActions) {
  const latest = errors.at(-1);
  if (!latest) return nothing;
  const several = errors.length > 1;
  const latestText = describeError(latest);
  return html`
    <div part="errors" class="errors">
      <div class="error-summary" role="alert">
        ${warningIcon}
        <p class="summary" title=${latestText}>
          ${several ? html`<strong>${msg(str`${errors.length} problems.`)}</strong> ` : nothing}<span class="latest"
            >${latestText}</span
          >
        </p>
        ${several
          ? html`<button
              class="details"
              aria-expanded=${detailsOpen ? 'true' : 'false'}
              aria-controls="error-list"
              @click=${actions.toggleDetails}
            >
              ${msg('Details')}
            </button>`
          : nothing}
        <button class="dismiss" @click=${actions.dismissAll}>${several ? msg('Dismiss all') : msg('Dismiss')}</button>
      </div>
      ${several && detailsOpen
        ? html`<ul id="error-list" part="error-list" class="error-list" aria-label=${msg('Problems')}>
            ${repeat(
              [...errors].reverse(),
              (error) => error.id,
              (error) => html`<li>
                <span>${describeError(error)}</span>
                <button class="dismiss-one" aria-label=${msg('Dismiss')} title=${msg('Dismiss')} @click=${() => actions.dismiss(error.id)}>
                  ×
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>
  `;
}

const warningIcon = html`<svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
  <path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
  <path d="M8 6v3.5M8 11.5v.5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
</svg>`;
