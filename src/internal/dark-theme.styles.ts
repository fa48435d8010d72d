import { css, unsafeCSS } from 'lit';

/** The public tokens a dark theme changes; the others keep their light defaults. */
const darkTokens: Record<string, string> = {
  'color-text': '#e6e9ef',
  'color-text-muted': '#a7b0bd',
  'color-surface': '#1b2129',
  'color-surface-raised': '#12161c',
  'color-border': '#323c49',
  'color-accent': '#7aafff',
  'color-accent-text': '#0b1220',
  'color-focus': '#9cc2ff',
  'color-danger': '#ff8a80',
  'color-available': '#4cc38a',
  'color-unavailable': '#8b95a3',
  'color-refused': '#ff8a80',
  shadow: '0 1px 2px rgb(0 0 0 / 40%), 0 4px 12px rgb(0 0 0 / 35%)',
  'conversation-contact-bubble': '#262e39',
  'conversation-agent-bubble': '#1e3354',
  'conversation-link': '#9cc2ff',
  'timer-handle-bg': '#3a4350',
  'timer-handle-color': '#e6e9ef',
  'timer-wait-bg': '#2563d9',
  'timer-acw-bg': '#7c3fd1',
  'dialog-backdrop': 'rgb(0 0 0 / 55%)',
  'transfer-dialog-backdrop': 'rgb(0 0 0 / 55%)',
};

const declarations = unsafeCSS(
  Object.entries(darkTokens)
    .map(([name, value]) => `--cw-${name}: ${value};`)
    .join('\n'),
);

/**
 * The dark theme of `<chat-workspace>`: `theme="dark"`, or the reader's dark colour scheme
 * unless `theme="light"`. It sets the public tokens on the workspace, so every element
 * inside inherits them, and a host page's own `--cw-*` on the element still wins.
 */
export const darkTheme = css`
  :host([theme='dark']) {
    color-scheme: dark;
    ${declarations}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
      ${declarations}
    }
  }
`;
