import { css } from 'lit';
import { buttonStyles, fieldStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  fieldStyles,
  css`
    :host {
      --_cw-dialog-width: var(--cw-dialog-width, 30rem);
      --_cw-dialog-backdrop: var(--cw-dialog-backdrop, rgb(16 24 40 / 40%));
      display: contents;
    }

    dialog {
      width: min(var(--_cw-dialog-width), calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      padding: 0;
      border: 1px solid var(--_cw-color-border);
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface);
      color: var(--_cw-color-text);
      box-shadow: var(--_cw-shadow);
    }

    dialog::backdrop {
      background: var(--_cw-dialog-backdrop, rgb(16 24 40 / 40%));
    }

    form {
      display: grid;
      gap: calc(var(--_cw-space) * 1.5);
      padding: calc(var(--_cw-space) * 2);
    }

    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_cw-space);
    }

    h2 {
      margin: 0;
      font-size: 1.15em;
    }

    fieldset {
      margin: 0;
      padding: 0;
      border: none;
      display: grid;
      gap: var(--_cw-space);
    }

    legend {
      padding: 0;
      margin-bottom: calc(var(--_cw-space) / 2);
      font-weight: 600;
    }

    .field {
      display: grid;
      gap: calc(var(--_cw-space) / 2);
    }

    .field > label {
      font-weight: 600;
    }

    .choices {
      display: flex;
      gap: calc(var(--_cw-space) * 2);
    }

    .choice {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_cw-space) / 2);
    }

    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--_cw-space);
    }
  `,
];
