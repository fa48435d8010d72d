import { css } from 'lit';
import { buttonStyles, fieldStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  fieldStyles,
  css`
    :host {
      --_cw-disposition-gap: var(--cw-disposition-gap, calc(var(--_cw-space) * 1.5));
      display: block;
    }

    .wrap-up {
      display: grid;
      gap: var(--_cw-disposition-gap);
      padding: calc(var(--_cw-space) * 1.5);
      border: 1px solid var(--_cw-color-border);
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface);
    }

    .title {
      margin: 0;
      font-weight: 600;
    }

    .field {
      display: grid;
      gap: calc(var(--_cw-space) / 2);
    }

    label,
    legend {
      font-weight: 600;
    }

    fieldset {
      margin: 0;
      padding: 0;
      border: none;
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_cw-space) / 2) calc(var(--_cw-space) * 2);
    }

    legend {
      padding: 0;
      margin-bottom: calc(var(--_cw-space) / 2);
    }

    .tag {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_cw-space) / 2);
      font-weight: normal;
    }

    .actions {
      display: flex;
      justify-content: flex-end;
    }

    .unsent {
      display: grid;
      gap: calc(var(--_cw-space) / 2);
      padding: var(--_cw-space);
      border-radius: var(--_cw-radius-small);
      border: 1px solid color-mix(in srgb, var(--_cw-color-danger) 35%, transparent);
      background: color-mix(in srgb, var(--_cw-color-danger) 6%, var(--_cw-color-surface));
    }

    .unsent p {
      margin: 0;
      font-weight: 600;
    }

    .unsent ul {
      margin: 0;
      padding-inline-start: calc(var(--_cw-space) * 2);
      color: var(--_cw-color-text-muted);
      overflow-wrap: anywhere;
    }

    .unsent-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--_cw-space);
    }

    .unsent .danger {
      color: var(--_cw-color-danger);
      border-color: currentColor;
    }
  `,
];
