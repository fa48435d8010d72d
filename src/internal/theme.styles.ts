import { css } from 'lit';

/**
 * Design tokens every element declares on `:host`, so a host page can theme any one
 * of them, or all of them from `<chat-workspace>`, with `--cw-*` custom properties.
 */
export const themeTokens = css`
  :host {
    --cw-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --cw-font-size: 14px;
    --cw-font-size-small: 12px;
    --cw-line-height: 1.45;
    --cw-color-text: #1f2933;
    --cw-color-text-muted: #5f6b7a;
    --cw-color-surface: #ffffff;
    --cw-color-surface-raised: #f6f7f9;
    --cw-color-border: #d9dee5;
    --cw-color-accent: #1f5fbf;
    --cw-color-accent-text: #ffffff;
    --cw-color-focus: #1f5fbf;
    --cw-color-danger: #b42318;
    --cw-color-available: #1a7f4b;
    --cw-color-unavailable: #6b7280;
    --cw-color-refused: #b42318;
    --cw-radius: 8px;
    --cw-radius-small: 6px;
    --cw-space: 8px;
    --cw-shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 4px 12px rgb(16 24 40 / 8%);

    font-family: var(--cw-font-family);
    font-size: var(--cw-font-size);
    line-height: var(--cw-line-height);
    color: var(--cw-color-text);
    -webkit-font-smoothing: antialiased;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 2px solid var(--cw-color-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Buttons shared by the elements: one quiet style, one primary. */
export const buttonStyles = css`
  button {
    font: inherit;
    font-weight: 600;
    min-height: 32px;
    padding: 0 calc(var(--cw-space) * 1.5);
    border-radius: var(--cw-radius-small);
    border: 1px solid var(--cw-color-border);
    background: var(--cw-color-surface);
    color: var(--cw-color-text);
    cursor: pointer;
  }

  button:hover {
    background: var(--cw-color-surface-raised);
  }

  button.primary {
    background: var(--cw-color-accent);
    border-color: var(--cw-color-accent);
    color: var(--cw-color-accent-text);
  }

  button.primary:hover {
    filter: brightness(1.08);
  }

  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
`;
