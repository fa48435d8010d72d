import { css } from 'lit';
import { themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--_cw-space);
      min-height: 0;
    }

    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_cw-space) / 2);
      border-bottom: 1px solid var(--_cw-color-border);
      padding-bottom: calc(var(--_cw-space) / 2);
    }

    [role='tab'] {
      min-height: 28px;
      padding: 0 var(--_cw-space);
      border: 1px solid transparent;
      border-radius: 999px;
      background: transparent;
      color: var(--_cw-color-text);
      font: inherit;
      font-size: var(--_cw-font-size-small);
      font-weight: 600;
      cursor: pointer;
    }

    [role='tab'][aria-selected='true'] {
      background: var(--_cw-color-accent);
      color: var(--_cw-color-accent-text);
    }

    [role='tab']:focus-visible {
      outline: 2px solid var(--_cw-color-accent);
      outline-offset: 2px;
    }

    .app {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      display: flex;
      flex-direction: column;
    }

    iframe {
      flex: 1;
      width: 100%;
      min-height: 240px;
      border: 1px solid var(--_cw-color-border);
      border-radius: var(--_cw-radius-small);
      background: #fff;
    }

    .none {
      margin: 0;
      color: var(--_cw-color-text-muted);
      font-size: var(--_cw-font-size-small);
    }
  `,
];
