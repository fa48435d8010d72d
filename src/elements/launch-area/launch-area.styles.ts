import { css } from 'lit';
import { buttonStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
    }

    .launch {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_cw-space);
    }

    ul {
      display: contents;
      list-style: none;
    }

    li {
      display: inline;
    }

    a {
      color: var(--_cw-color-accent);
      font-weight: 600;
      text-underline-offset: 2px;
    }
  `,
];
