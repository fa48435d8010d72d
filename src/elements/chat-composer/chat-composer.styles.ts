import { css } from 'lit';
import { buttonStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
    }

    .composer {
      display: grid;
      gap: calc(var(--cw-space) / 2);
      padding: var(--cw-space);
      border: 1px solid var(--cw-color-border);
      border-radius: var(--cw-radius);
      background: var(--cw-color-surface);
    }

    .composer:focus-within {
      border-color: var(--cw-color-accent);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--cw-color-accent) 18%, transparent);
    }

    textarea {
      width: 100%;
      min-height: 3.2em;
      max-height: 12em;
      resize: vertical;
      border: none;
      outline: none;
      padding: 2px;
      font: inherit;
      color: inherit;
      background: transparent;
      field-sizing: content;
    }

    /* The frame around the box shows the focus. */
    textarea:focus-visible {
      outline: none;
    }

    textarea::placeholder {
      color: var(--cw-color-text-muted);
    }

    .footer {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: var(--cw-space);
    }

    .counter {
      margin-right: auto;
      font-size: var(--cw-font-size-small);
      color: var(--cw-color-text-muted);
      font-variant-numeric: tabular-nums;
    }

    [data-too-long] .counter {
      color: var(--cw-color-danger);
      font-weight: 600;
    }

    .closed {
      margin: 0;
      padding: var(--cw-space) calc(var(--cw-space) * 1.5);
      border-radius: var(--cw-radius);
      background: var(--cw-color-surface);
      border: 1px dashed var(--cw-color-border);
      color: var(--cw-color-text-muted);
      text-align: center;
    }
  `,
];
