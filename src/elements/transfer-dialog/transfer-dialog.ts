import { css, html } from 'lit';
import { SessionElement } from '../../internal/session-element.js';
import { themeTokens } from '../../internal/theme.styles.js';

/**
 * @tagname transfer-dialog
 * @summary Transfers a chat to an agent, team or skill from the address book (R12). Its content arrives with the transfer issue.
 *
 * @slot - Content the host page places in the element.
 */
export class TransferDialog extends SessionElement {
  static override styles = [themeTokens, css`
    :host {
      display: block;
    }
  `];

  override render() {
    return html`<slot></slot>`;
  }
}
