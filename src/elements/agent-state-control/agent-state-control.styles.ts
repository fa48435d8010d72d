import { css } from 'lit';
import { themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  css`
    :host {
      display: inline-block;
    }

    .control {
      --dot: var(--_cw-color-unavailable);
      position: relative;
      display: inline-flex;
      align-items: center;
    }

    .control[data-state='Available'] {
      --dot: var(--_cw-color-available);
    }

    .control[data-state='Refused'] {
      --dot: var(--_cw-color-refused);
    }

    .dot {
      position: absolute;
      left: 10px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--dot);
      box-shadow: 0 0 0 2px var(--_cw-color-surface);
      pointer-events: none;
    }

    select {
      font: inherit;
      font-weight: 600;
      color: var(--_cw-color-text);
      min-height: 32px;
      padding: 0 calc(var(--_cw-space) * 3.5) 0 calc(var(--_cw-space) * 3.5);
      border: 1px solid var(--_cw-color-border);
      border-radius: 999px;
      background: var(--_cw-color-surface);
      appearance: none;
      cursor: pointer;
    }

    /* An SVG in the template, not a data: image, so a strict CSP (img-src 'self') shows it. */
    .arrow {
      position: absolute;
      /* Where the background image sat: 10px inside the select's 1px border. */
      right: 11px;
      width: 10px;
      height: 6px;
      color: #5f6b7a;
      pointer-events: none;
    }

    /* Wraps within the control's width: a long hint never widens the header. */
    .hint {
      margin: calc(var(--_cw-space) / 2) 0 0;
      max-width: 26ch;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-refused);
      overflow-wrap: anywhere;
    }

    @media (forced-colors: active) {
      .dot {
        forced-color-adjust: none;
        border: 1px solid CanvasText;
      }
    }
  `,
];
