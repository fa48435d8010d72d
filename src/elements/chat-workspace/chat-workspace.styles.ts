import { css } from 'lit';
import { buttonStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
      height: 100%;
      min-height: 320px;
    }

    .workspace {
      display: flex;
      flex-direction: column;
      gap: calc(var(--cw-space) * 1.5);
      height: 100%;
      padding: calc(var(--cw-space) * 1.5);
      background: var(--cw-color-surface-raised);
      border-radius: var(--cw-radius);
      overflow: hidden;
    }

    header {
      display: flex;
      align-items: center;
      gap: var(--cw-space);
    }

    h2 {
      margin: 0;
      font-size: 16px;
      font-weight: 700;
    }

    .load {
      font-size: var(--cw-font-size-small);
      font-variant-numeric: tabular-nums;
      color: var(--cw-color-text-muted);
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--cw-color-surface);
      border: 1px solid var(--cw-color-border);
    }

    agent-state-control {
      margin-left: auto;
    }

    .errors {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--cw-space) / 2);
    }

    .errors li {
      display: flex;
      align-items: flex-start;
      gap: var(--cw-space);
      padding: var(--cw-space) calc(var(--cw-space) * 1.25);
      border-radius: var(--cw-radius-small);
      border: 1px solid color-mix(in srgb, var(--cw-color-danger) 35%, transparent);
      background: color-mix(in srgb, var(--cw-color-danger) 8%, var(--cw-color-surface));
      color: var(--cw-color-danger);
    }

    .errors span {
      flex: 1;
    }

    .dismiss {
      min-height: 24px;
      padding: 0 8px;
      border: none;
      background: transparent;
      color: inherit;
    }

    .body {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-template-columns: minmax(112px, 150px) minmax(0, 1fr);
      gap: var(--cw-space);
    }

    .tabs {
      display: flex;
      flex-direction: column;
      gap: 4px;
      overflow-y: auto;
    }

    .conversation {
      min-height: 0;
      overflow-y: auto;
      padding: calc(var(--cw-space) * 1.5);
      border-radius: var(--cw-radius);
      background: var(--cw-color-surface);
      border: 1px solid var(--cw-color-border);
    }

    .transcript {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--cw-space) * 1.5);
    }

    .message {
      max-width: 90%;
    }

    .message[data-from='agent'] {
      justify-self: end;
      text-align: right;
    }

    .meta {
      margin: 0 0 2px;
      white-space: nowrap;
      font-size: var(--cw-font-size-small);
      color: var(--cw-color-text-muted);
      display: flex;
      gap: var(--cw-space);
    }

    .message[data-from='agent'] .meta {
      justify-content: flex-end;
    }

    .author {
      font-weight: 600;
      color: var(--cw-color-text);
    }

    .text {
      display: inline-block;
      margin: 0;
      padding: var(--cw-space) calc(var(--cw-space) * 1.25);
      border-radius: var(--cw-radius);
      background: var(--cw-color-surface-raised);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      text-align: left;
    }

    .message[data-from='agent'] .text {
      background: color-mix(in srgb, var(--cw-color-accent) 12%, var(--cw-color-surface));
    }

    .ended,
    .empty {
      margin: var(--cw-space) 0 0;
      color: var(--cw-color-text-muted);
      text-align: center;
    }

    .empty {
      margin: auto;
      max-width: 28ch;
    }
  `,
];
