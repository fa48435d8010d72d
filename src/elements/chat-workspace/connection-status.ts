import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { ConnectionCause } from '../../connectors/connector.js';
import type { ConnectionStatus } from '../../session/state.js';

/**
 * The connection line under the header. Its live region is always in the page, so a
 * screen reader hears the change; while connected it takes no room.
 */
export function renderConnection(status: ConnectionStatus, reason: string | undefined, cause: ConnectionCause | undefined) {
  const connected = status === 'connected';
  // A cause the workspace knows is said in the agent's language; anything else in the platform's words.
  const why = cause ? describeCause(cause) : reason;
  return html`
    <div part="connection" class="connection ${status}">
      <span class="signal" aria-hidden="true"></span>
      <span class="words" role="status" aria-live="polite">
        ${connected
          ? nothing
          : html`<strong>${headline(status)}</strong>
              <span>${explanation(status)}</span>
              ${why && status !== 'connecting' ? html`<span class="reason" dir="auto">${why}</span>` : nothing}`}
      </span>
    </div>
  `;
}

function headline(status: Exclude<ConnectionStatus, 'connected'>): string {
  switch (status) {
    case 'connecting':
      return msg('Connecting to the contact center…');
    case 'reconnecting':
      return msg('Reconnecting to the contact center…');
    case 'offline':
      return msg('Disconnected from the contact center.');
  }
}

function explanation(status: Exclude<ConnectionStatus, 'connected'>): string {
  switch (status) {
    case 'connecting':
      return '';
    case 'reconnecting':
      return msg('Keep typing: messages you send wait here and go out once the connection is back.');
    case 'offline':
      return msg('Reload the page to connect again.');
  }
}

function describeCause(cause: ConnectionCause): string {
  switch (cause) {
    case 'interrupted':
      return msg('The connection to the contact center was interrupted.');
    case 'unresponsive':
      return msg('The contact center stopped answering.');
    case 'out-of-order':
      return msg('Some updates went missing; catching up.');
  }
}
