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

    .stack.compact {
      gap: calc(var(--_cw-space) / 2);
      container-type: inline-size;
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
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font-variant-numeric: tabular-nums;
      font-weight: 700;
      font-size: 18px;
      color: var(--_cw-color-accent);
      border-radius: 999px;
    }

    .hourglass {
      display: none;
    }

    /* The last seconds: another colour, and another shape, for those who do not see colours. */
    .countdown[data-urgency='urgent'] {
      padding: 0 8px;
      color: var(--_cw-color-accent-text);
      background: var(--_cw-color-danger);
      outline: 2px solid var(--_cw-color-danger);
      outline-offset: 1px;
    }

    .countdown[data-urgency='urgent'] .hourglass {
      display: inline;
    }

    .offer:has(.countdown[data-urgency='urgent']) {
      border-left-color: var(--_cw-color-danger);
    }

    .offer:has(.countdown[data-urgency='urgent']) .progress span {
      background: var(--_cw-color-danger);
    }

    /* Several offers: compact rows that keep the stack small. */
    .offer.compact {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
      column-gap: var(--_cw-space);
      padding: var(--_cw-space) calc(var(--_cw-space) * 1.25);
    }

    .offer.compact header {
      gap: var(--_cw-space);
      min-width: 0;
    }

    .offer.compact .avatar {
      width: 28px;
      height: 28px;
      font-size: 13px;
    }

    .offer.compact .eyebrow,
    .offer.compact .progress,
    .offer.compact .transfer {
      display: none;
    }

    .offer.compact .who {
      display: flex;
      align-items: baseline;
      gap: var(--_cw-space);
    }

    .offer.compact h3 {
      font-size: 14px;
      min-width: 0;
    }

    .offer.compact .countdown {
      font-size: 15px;
    }

    .offer.compact .first-message {
      grid-column: 1;
      margin: calc(var(--_cw-space) / 2) 0 0;
      padding: 0;
      background: none;
      color: var(--_cw-color-text-muted);
      font-size: var(--_cw-font-size-small);
      -webkit-line-clamp: 1;
    }

    .offer.compact .actions {
      grid-column: 2;
      grid-row: 1 / span 2;
      margin: 0;
    }

    .offer.compact .actions button {
      min-width: 0;
      min-height: 30px;
      padding: 0 calc(var(--_cw-space) * 1.25);
    }

    .offer.compact .waiting {
      grid-column: 1 / -1;
    }

    /* A narrow column: the buttons go under the contact, who keeps the row's width. */
    @container (max-width: 440px) {
      .offer.compact {
        grid-template-columns: minmax(0, 1fr);
      }

      .offer.compact .actions {
        grid-column: 1;
        grid-row: auto;
        justify-content: flex-end;
        margin-top: calc(var(--_cw-space) / 2);
      }
    }

    .more {
      justify-self: start;
      min-height: 28px;
      padding: 0 var(--_cw-space);
      border: none;
      background: none;
      color: var(--_cw-color-accent);
      font-weight: 600;
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
