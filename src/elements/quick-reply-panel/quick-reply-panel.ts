import { css, html } from 'lit';
import { SessionElement } from '../../internal/session-element.js';
import { themeTokens } from '../../internal/theme.styles.js';

/**
 * @tagname quick-reply-panel
 * @summary The quick replies (R14): a searchable list of pre-written answers whose variables are filled in and inserted into the composer. Its content arrives with the quick-reply issue.
 *
 * @slot - Content the host page places in the element.
 */
export class QuickReplyPanel extends SessionElement {
  static override styles = [themeTokens, css`
    :host {
      display: block;
    }
  `];

  override render() {
    return html`<slot></slot>`;
  }
}
