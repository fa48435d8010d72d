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

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(var(--_cw-space) / 2) var(--_cw-space);
    }

    .deadline {
      display: inline-flex;
      align-items: center;
      gap: var(--_cw-space);
    }

    .time-left {
      color: var(--_cw-color-text-muted);
      font-size: var(--_cw-font-size-small);
    }

    /* The purple of the tabs' after-contact timer (R4), and its theme tokens. */
    .countdown {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 0 6px;
      border-radius: var(--_cw-radius-small);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      background: var(--cw-timer-acw-bg, #6b2fb3);
      color: var(--cw-timer-acw-color, #ffffff);
    }

    .hourglass {
      display: none;
    }

    /* The last seconds: another colour and another shape (a boxed countdown with an hourglass). */
    .deadline[data-urgency='urgent'] .countdown {
      border-radius: 999px;
      color: var(--_cw-color-accent-text);
      background: var(--_cw-color-danger);
      outline: 2px solid var(--_cw-color-danger);
      outline-offset: 1px;
    }

    .deadline[data-urgency='urgent'] .hourglass {
      display: inline;
    }

    .deadline-outcome {
      margin: calc(var(--_cw-space) / -2) 0 0;
      color: var(--_cw-color-text-muted);
      font-size: var(--_cw-font-size-small);
    }

    @media (forced-colors: active) {
      .deadline[data-urgency='urgent'] .countdown {
        forced-color-adjust: none;
        color: Canvas;
        background: CanvasText;
        outline-color: CanvasText;
      }
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
