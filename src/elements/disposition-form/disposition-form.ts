import { css, html } from 'lit';
import { SessionElement } from '../../internal/session-element.js';
import { themeTokens } from '../../internal/theme.styles.js';

/**
 * @tagname disposition-form
 * @summary After-contact work (R11): disposition, tags and notes, then Save and close. Its content arrives with the after-contact issue.
 *
 * @slot - Content the host page places in the element.
 */
export class DispositionForm extends SessionElement {
  static override styles = [themeTokens, css`
    :host {
      display: block;
    }
  `];

  override render() {
    return html`<slot></slot>`;
  }
}
