import { css } from 'lit';
import { buttonStyles, fieldStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  fieldStyles,
  css`
    :host {
      --_cw-transfer-dialog-width: var(--cw-transfer-dialog-width, 520px);
      --_cw-transfer-dialog-backdrop: var(--cw-transfer-dialog-backdrop, rgb(16 24 40 / 45%));
      display: contents;
    }

    dialog {
      width: min(var(--_cw-transfer-dialog-width), calc(100vw - 32px));
      /* A fixed height: the dialog does not jump about as the results shrink and grow. */
      height: min(600px, calc(100vh - 32px));
      padding: 0;
      border: 1px solid var(--_cw-color-border);
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface);
      color: var(--_cw-color-text);
      box-shadow: var(--_cw-shadow);
    }

    dialog[open] {
      display: flex;
      flex-direction: column;
    }

    dialog::backdrop {
      background: var(--_cw-transfer-dialog-backdrop, rgb(16 24 40 / 45%));
    }

    header {
      display: flex;
      align-items: flex-start;
      gap: var(--_cw-space);
      padding: calc(var(--_cw-space) * 2) calc(var(--_cw-space) * 2) var(--_cw-space);
    }

    .heading {
      flex: 1;
      min-width: 0;
    }

    h2 {
      margin: 0;
      font-size: 16px;
      font-weight: 700;
    }

    .subtitle {
      margin: calc(var(--_cw-space) * 0.25) 0 0;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
      overflow-wrap: anywhere;
    }

    .fields {
      display: grid;
      gap: calc(var(--_cw-space) / 2);
      padding: 0 calc(var(--_cw-space) * 2);
    }

    label {
      font-weight: 600;
      font-size: var(--_cw-font-size-small);
    }

    label[for='note'] {
      margin-top: var(--_cw-space);
    }

    /* The shared field styles, a little roomier in a dialog. */
    input,
    textarea {
      padding: calc(var(--_cw-space) * 0.75) calc(var(--_cw-space) * 1.25);
      min-height: 36px;
    }

    textarea {
      min-height: 48px;
    }

    .hint {
      margin: 0;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
    }

    .error {
      margin: 0 calc(var(--_cw-space) * 2);
      font-size: inherit;
    }

    .error.shown {
      margin-top: var(--_cw-space);
      padding: var(--_cw-space) calc(var(--_cw-space) * 1.25);
      border: 1px solid currentColor;
      border-radius: var(--_cw-radius-small);
      background: var(--_cw-color-surface);
    }

    .groups {
      display: flex;
      gap: calc(var(--_cw-space) * 0.25);
      margin: calc(var(--_cw-space) * 1.5) calc(var(--_cw-space) * 2) 0;
      border-bottom: 1px solid var(--_cw-color-border);
    }

    .groups [role='tab'] {
      min-height: 32px;
      border: none;
      border-bottom: 3px solid transparent;
      border-radius: var(--_cw-radius-small) var(--_cw-radius-small) 0 0;
      background: none;
      color: var(--_cw-color-text-muted);
    }

    .groups [role='tab'][aria-selected='true'] {
      color: var(--_cw-color-accent);
      border-bottom-color: var(--_cw-color-accent);
    }

    .results {
      flex: 1;
      min-height: 120px;
      overflow-y: auto;
      padding: var(--_cw-space) calc(var(--_cw-space) * 2) calc(var(--_cw-space) * 2);
    }

    .group-heading {
      margin: var(--_cw-space) 0 calc(var(--_cw-space) / 2);
      font-size: var(--_cw-font-size-small);
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_cw-color-text-muted);
    }

    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_cw-space) * 0.25);
    }

    .entry {
      display: flex;
      align-items: center;
      gap: var(--_cw-space);
      padding: calc(var(--_cw-space) * 0.75) var(--_cw-space);
      border-radius: var(--_cw-radius-small);
    }

    .entry:hover,
    .entry:focus-within {
      background: var(--_cw-color-surface-raised);
    }

    .avatar {
      flex: none;
      display: grid;
      place-items: center;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: var(--_cw-color-surface-raised);
      border: 1px solid var(--_cw-color-border);
      font-weight: 700;
      font-size: var(--_cw-font-size-small);
    }

    .entry[data-kind='team'] .avatar,
    .entry[data-kind='skill'] .avatar {
      border-radius: var(--_cw-radius-small);
    }

    .entry-text {
      flex: 1;
      min-width: 0;
      display: grid;
    }

    .name {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .details {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_cw-space);
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
    }

    /* A separator for the eye only: the alternative text after the slash is empty. */
    .presence + .team::before {
      content: '·' / '';
      margin-inline-end: var(--_cw-space);
    }

    .presence {
      --dot: var(--_cw-color-unavailable);
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_cw-space) * 0.5);
    }

    .presence[data-presence='Available'] {
      --dot: var(--_cw-color-available);
    }

    .presence[data-presence='Refused'] {
      --dot: var(--_cw-color-refused);
    }

    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--dot);
    }

    /* Offline: a hollow ring, so the state reads apart from Unavailable without colour. */
    .presence[data-presence='Offline'] .dot {
      background: none;
      border: 1.5px solid var(--dot);
    }

    /*
     * The Transfer button shows on hover or when focus is in its entry (R12). Opacity, not
     * display or visibility, keeps it in the tab order and in the accessibility tree.
     */
    .transfer {
      flex: none;
      opacity: 0;
    }

    .entry:hover .transfer,
    .entry:focus-within .transfer,
    .entry.pending .transfer {
      opacity: 1;
    }

    /* Touch screens cannot hover, and a tap must not hit a button it cannot see: shown there. */
    @media (hover: none) and (pointer: coarse) {
      .transfer {
        opacity: 1;
      }
    }

    .transfer[aria-disabled='true'] {
      cursor: default;
      filter: saturate(0.4);
    }

    .empty {
      margin: calc(var(--_cw-space) * 2) 0;
      text-align: center;
      color: var(--_cw-color-text-muted);
      overflow-wrap: anywhere;
    }

    @media (forced-colors: active) {
      .dot {
        forced-color-adjust: none;
        border: 1px solid CanvasText;
      }

      .groups [role='tab'][aria-selected='true'] {
        border-bottom-color: Highlight;
      }
    }
  `,
];
