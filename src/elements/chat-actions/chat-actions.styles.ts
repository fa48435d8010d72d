import { css } from 'lit';
import { buttonStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-start;
      gap: var(--_cw-space);
    }

    button.icon {
      display: inline-grid;
      place-items: center;
      padding: 0 var(--_cw-space);
      color: var(--_cw-color-text-muted);
    }

    button.icon:hover {
      color: var(--_cw-color-text);
    }

    button.end {
      color: var(--_cw-color-danger);
    }

    button.end.confirming {
      background: var(--_cw-color-danger);
      border-color: var(--_cw-color-danger);
      color: var(--_cw-color-accent-text);
    }

    .status {
      margin: calc(var(--_cw-space) * 0.25) 0 0;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
      text-align: left;
    }

    /* Nothing to say: the live region stays, without a band of empty space. */
    .status:empty {
      margin: 0;
    }

    @media (forced-colors: active) {
      button.end.confirming {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
        border: 2px solid CanvasText;
      }
    }
  `,
];
