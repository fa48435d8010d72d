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
      gap: calc(var(--_cw-space) / 2);
      padding: var(--_cw-space);
      border: 1px solid var(--_cw-color-border);
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface);
    }

    .composer:focus-within {
      border-color: var(--_cw-color-accent);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--_cw-color-accent) 18%, transparent);
    }

    textarea {
      width: 100%;
      min-height: 3.2em;
      max-height: 12em;
      resize: vertical;
      border: none;
      outline: none;
      padding: calc(var(--_cw-space) * 0.25);
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
      color: var(--_cw-color-text-muted);
    }

    .footer {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: var(--_cw-space);
    }

    .counter {
      margin-right: auto;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
      font-variant-numeric: tabular-nums;
    }

    [data-too-long] .counter {
      color: var(--_cw-color-danger);
      font-weight: 600;
    }

    .closed {
      margin: 0;
      padding: var(--_cw-space) calc(var(--_cw-space) * 1.5);
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface);
      border: 1px dashed var(--_cw-color-border);
      color: var(--_cw-color-text-muted);
      text-align: center;
    }
  `,
];
