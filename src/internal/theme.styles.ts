import { css } from 'lit';

/**
 * Design tokens every element declares on `:host`, so a host page can theme any one
 * of them, or all of them from `<chat-workspace>`, with `--cw-*` custom properties.
 */
export const themeTokens = css`
  :host {
    --_cw-font-family: var(--cw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_cw-font-size: var(--cw-font-size, 14px);
    --_cw-font-size-small: var(--cw-font-size-small, 12px);
    --_cw-line-height: var(--cw-line-height, 1.45);
    --_cw-color-text: var(--cw-color-text, #1f2933);
    --_cw-color-text-muted: var(--cw-color-text-muted, #5f6b7a);
    --_cw-color-surface: var(--cw-color-surface, #ffffff);
    --_cw-color-surface-raised: var(--cw-color-surface-raised, #f6f7f9);
    --_cw-color-border: var(--cw-color-border, #d9dee5);
    --_cw-color-accent: var(--cw-color-accent, #1f5fbf);
    --_cw-color-accent-text: var(--cw-color-accent-text, #ffffff);
    --_cw-color-focus: var(--cw-color-focus, #1f5fbf);
    --_cw-color-danger: var(--cw-color-danger, #b42318);
    --_cw-color-available: var(--cw-color-available, #1a7f4b);
    --_cw-color-unavailable: var(--cw-color-unavailable, #6b7280);
    --_cw-color-refused: var(--cw-color-refused, #b42318);
    --_cw-radius: var(--cw-radius, 8px);
    --_cw-radius-small: var(--cw-radius-small, 6px);
    --_cw-space: var(--cw-space, 8px);
    --_cw-shadow: var(--cw-shadow, 0 1px 2px rgb(16 24 40 / 6%), 0 4px 12px rgb(16 24 40 / 8%));
    font-family: var(--_cw-font-family);
    font-size: var(--_cw-font-size);
    line-height: var(--_cw-line-height);
    color: var(--_cw-color-text);
    -webkit-font-smoothing: antialiased;
  }

  :host([hidden]) {
    display: none !important;
  }

  /*
   * A host page's rules for every element (* { letter-spacing: ... }) reach the host
   * element itself and would be inherited inside; the shadow tree's top level starts over.
   */
  :host > * {
    font-family: var(--_cw-font-family);
    font-size: var(--_cw-font-size);
    font-style: normal;
    line-height: var(--_cw-line-height);
    color: var(--_cw-color-text);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    white-space: normal;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 2px solid var(--_cw-color-focus);
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
    padding: 0 calc(var(--_cw-space) * 1.5);
    border-radius: var(--_cw-radius-small);
    border: 1px solid var(--_cw-color-border);
    background: var(--_cw-color-surface);
    color: var(--_cw-color-text);
    cursor: pointer;
  }

  button:hover {
    background: var(--_cw-color-surface-raised);
  }

  button.primary {
    background: var(--_cw-color-accent);
    border-color: var(--_cw-color-accent);
    color: var(--_cw-color-accent-text);
  }

  button.primary:hover {
    filter: brightness(1.08);
  }

  button:disabled,
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }

  button[aria-disabled='true']:hover {
    filter: none;
  }

  /* A dialog's × in its top corner. */
  button.close {
    flex: none;
    width: 32px;
    padding: 0;
    border-color: transparent;
    font-size: 20px;
    line-height: 1;
  }
`;

/** Text fields, selects and their error state, shared by the forms and dialogs. */
export const fieldStyles = css`
  input:not([type='radio']):not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 32px;
    padding: calc(var(--_cw-space) / 2) var(--_cw-space);
    border: 1px solid var(--_cw-color-border);
    border-radius: var(--_cw-radius-small);
    background: var(--_cw-color-surface);
  }

  textarea {
    min-height: 4.5em;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_cw-color-danger);
  }

  .error {
    margin: 0;
    color: var(--_cw-color-danger);
    font-size: var(--_cw-font-size-small);
    font-weight: 600;
  }
`;
