import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { ConnectionStatus } from '../../session/state.js';

/**
 * The connection line under the header. Its live region is always in the page, so a
 * screen reader hears the change; while connected it takes no room.
 */
export function renderConnection(status: ConnectionStatus, reason: string | undefined) {
  const connected = status === 'connected';
  return html`
    <div part="connection" class="connection ${status}">
      <span class="signal" aria-hidden="true"></span>
      <span class="words" role="status" aria-live="polite">
        ${connected
          ? nothing
          : html`<strong>${headline(status)}</strong>
              <span>${explanation(status)}</span>
              ${reason && status !== 'connecting' ? html`<span class="reason" dir="auto">${reason}</span>` : nothing}`}
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
