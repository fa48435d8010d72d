import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SessionCommand, WorkspaceError } from '../../session/state.js';

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

/** The problems the agent should know about, each dismissible. */
export function renderErrors(errors: readonly WorkspaceError[], dismiss: (id: number) => void) {
  return html`
    <ul part="errors" class="errors" role="alert">
      ${repeat(
        errors,
        (error) => error.id,
        (error) => html`
          <li>
            <span>${describeError(error)}</span>
            <button class="dismiss" aria-label=${msg('Dismiss')} @click=${() => dismiss(error.id)}>×</button>
          </li>
        `,
      )}
    </ul>
  `;
}
