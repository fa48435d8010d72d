import { css } from 'lit';
import { themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  css`
    :host {
      display: block;
      border-radius: var(--cw-radius-small);
      cursor: pointer;
      outline: none;
    }

    :host(:focus-visible) {
      outline: 2px solid var(--cw-color-focus);
      outline-offset: 1px;
    }

    :host([aria-selected='true']) {
      background: var(--cw-color-surface);
      box-shadow: var(--cw-shadow);
    }

    .tab {
      display: flex;
      align-items: center;
      gap: var(--cw-space);
      padding: var(--cw-space);
    }

    .avatar {
      flex: none;
      display: grid;
      place-items: center;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: var(--cw-color-accent);
      color: var(--cw-color-accent-text);
      font-weight: 700;
      font-size: var(--cw-font-size-small);
    }

    .name {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 600;
    }

    .tab[data-status='ended'] .name {
      color: var(--cw-color-text-muted);
    }
  `,
];
