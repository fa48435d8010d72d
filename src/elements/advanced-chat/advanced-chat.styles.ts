import { css } from 'lit';
import { buttonStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
    }

    :host([hidden]) {
      display: none;
    }

    section {
      border: 1px solid var(--_cw-color-border);
      border-radius: var(--_cw-radius-small);
      background: var(--_cw-color-surface-raised);
      padding: var(--_cw-space);
      margin-block-end: var(--_cw-space);
    }

    /* The case keeps to a bounded height and scrolls: the conversation keeps its room. */
    section[part='case'] {
      max-height: var(--cw-case-max-height, 14rem);
      overflow-y: auto;
      overscroll-behavior: contain;
    }

    h2 {
      font-size: var(--_cw-font-size);
      margin: 0 0 calc(var(--_cw-space) / 2);
    }

    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px var(--_cw-space);
      margin: 0;
    }

    dt {
      color: var(--_cw-color-text-muted);
    }

    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    select,
    textarea {
      font: inherit;
      color: inherit;
      border: 1px solid var(--_cw-color-border);
      border-radius: var(--_cw-radius-small);
      background: var(--_cw-color-surface);
    }

    textarea {
      width: 100%;
      box-sizing: border-box;
      resize: vertical;
      min-height: 2.5em;
    }

    ul {
      margin: 0;
      padding-inline-start: 1.2em;
    }

    details {
      margin-block-start: calc(var(--_cw-space) / 2);
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_cw-space);
      margin-block-start: calc(var(--_cw-space) / 2);
    }

    .muted {
      color: var(--_cw-color-text-muted);
      margin: 0;
    }

    .viewer {
      position: relative;
      overflow: hidden;
      height: 260px;
      border: 1px solid var(--_cw-color-border);
      background: #fff;
    }

    .viewer .replayer-wrapper {
      position: absolute;
      top: 0;
      left: 0;
      transform-origin: top left;
    }

    .viewer iframe {
      border: 0;
      pointer-events: none;
    }

    .viewer .replayer-mouse,
    .viewer canvas {
      display: none;
    }
  `,
];
