import { LitElement, css, html } from 'lit';
import type { AssistChat } from '../../src/index.js';
import { customerRecord } from '../crm.js';

/**
 * The demo's "Customer" assist app: the CRM's record of the chat's contact. A host's own
 * app is this small: a custom element with a `chat` property, listed in `assistApps`.
 */
export class CustomerApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: var(--_cw-font-size-small, 12px);
    }
    h4 {
      margin: 0 0 8px;
      font-size: 14px;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 12px;
      margin: 0;
    }
    dt {
      color: var(--_cw-color-text-muted, #57606a);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `;

  static override properties = { chat: { attribute: false } };

  /** The chat shown, set by the assist panel. */
  declare chat?: AssistChat;

  override render() {
    const contact = this.chat?.contact;
    if (!contact) return html``;
    const record = customerRecord(contact.name);
    return html`<h4>${contact.name}</h4>
      <dl>
        <dt>Account</dt>
        <dd>${record?.account ?? 'New customer'}</dd>
        <dt>Plan</dt>
        <dd>${record?.plan ?? '—'}</dd>
        <dt>Email</dt>
        <dd>${contact.email ?? '—'}</dd>
        <dt>Open cases</dt>
        <dd>${record?.cases ?? 0}</dd>
        <dt>Skill</dt>
        <dd>${this.chat?.skill ?? ''}</dd>
      </dl>`;
  }
}
