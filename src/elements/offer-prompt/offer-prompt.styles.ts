import { css } from 'lit';
import { buttonStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
    }

    .stack {
      display: grid;
      gap: var(--_cw-space);
    }

    .offer {
      padding: calc(var(--_cw-space) * 1.5);
      border: 1px solid var(--_cw-color-border);
      border-left: 4px solid var(--_cw-color-accent);
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface);
      box-shadow: var(--_cw-shadow);
    }

    header {
      display: flex;
      align-items: center;
      gap: calc(var(--_cw-space) * 1.25);
    }

    .avatar {
      flex: none;
      display: grid;
      place-items: center;
      width: 36px;
      height: 36px;
      border-radius: 50%;
      background: var(--_cw-color-accent);
      color: var(--_cw-color-accent-text);
      font-weight: 700;
    }

    .who {
      flex: 1;
      min-width: 0;
    }

    .eyebrow,
    .skill {
      margin: 0;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
    }

    .eyebrow {
      text-transform: uppercase;
      letter-spacing: 0.04em;
      font-weight: 600;
    }

    h3 {
      margin: 0;
      font-size: 15px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .countdown {
      flex: none;
      font-variant-numeric: tabular-nums;
      font-weight: 700;
      font-size: 18px;
      color: var(--_cw-color-accent);
    }

    .transfer,
    .waiting {
      margin: var(--_cw-space) 0 0;
      font-size: 0.875em;
      color: var(--_cw-color-text-muted);
      overflow-wrap: anywhere;
    }

    .transfer .note {
      color: var(--_cw-color-text);
      unicode-bidi: isolate;
    }

    .first-message {
      margin: var(--_cw-space) 0;
      padding: var(--_cw-space) calc(var(--_cw-space) * 1.25);
      border-radius: var(--_cw-radius-small);
      background: var(--_cw-color-surface-raised);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }

    .progress {
      height: 3px;
      border-radius: 2px;
      background: var(--_cw-color-border);
      overflow: hidden;
    }

    .progress span {
      display: block;
      height: 100%;
      background: var(--_cw-color-accent);
      transform-origin: left;
      animation: drain linear forwards;
    }

    @keyframes drain {
      from {
        transform: scaleX(1);
      }
      to {
        transform: scaleX(0);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .progress {
        display: none;
      }
    }

    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--_cw-space);
      margin-top: var(--_cw-space);
    }

    .actions button {
      min-width: 96px;
    }
  `,
];
