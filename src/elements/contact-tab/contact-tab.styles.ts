import { css } from 'lit';
import { themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  css`
    :host {
      /* Twelve hues apart from each other, each dark enough for white text (4.9:1 or more). */
      --_cw-contact-color-1: var(--cw-contact-color-1, #1f5fbf);
      --_cw-contact-color-2: var(--cw-contact-color-2, #0f766e);
      --_cw-contact-color-3: var(--cw-contact-color-3, #b42318);
      --_cw-contact-color-4: var(--cw-contact-color-4, #7e22ce);
      --_cw-contact-color-5: var(--cw-contact-color-5, #a16207);
      --_cw-contact-color-6: var(--cw-contact-color-6, #15803d);
      --_cw-contact-color-7: var(--cw-contact-color-7, #be185d);
      --_cw-contact-color-8: var(--cw-contact-color-8, #4338ca);
      --_cw-contact-color-9: var(--cw-contact-color-9, #c2410c);
      --_cw-contact-color-10: var(--cw-contact-color-10, #0e7490);
      --_cw-contact-color-11: var(--cw-contact-color-11, #4d7c0f);
      --_cw-contact-color-12: var(--cw-contact-color-12, #92400e);
      --_cw-contact-color-text: var(--cw-contact-color-text, #ffffff);
      --_cw-timer-handle-bg: var(--cw-timer-handle-bg, #e4e7ec);
      --_cw-timer-handle-color: var(--cw-timer-handle-color, #1f2933);
      --_cw-timer-wait-bg: var(--cw-timer-wait-bg, #1d5fd0);
      --_cw-timer-wait-color: var(--cw-timer-wait-color, #ffffff);
      --_cw-timer-wait-warning-bg: var(--cw-timer-wait-warning-bg, #b45309);
      --_cw-timer-wait-warning-color: var(--cw-timer-wait-warning-color, #ffffff);
      --_cw-timer-acw-bg: var(--cw-timer-acw-bg, #6b2fb3);
      --_cw-timer-acw-color: var(--cw-timer-acw-color, #ffffff);
      --_cw-unread-bg: var(--cw-unread-bg, #b42318);
      --_cw-unread-color: var(--cw-unread-color, #ffffff);
      display: block;
      border-radius: var(--_cw-radius-small);
      border: 1px solid transparent;
      cursor: pointer;
      outline: none;
    }

    :host(:focus-visible) {
      outline: 2px solid var(--_cw-color-focus);
      outline-offset: 1px;
    }

    :host([aria-selected='true']) {
      background: var(--_cw-color-surface);
      border-color: var(--_cw-color-border);
      box-shadow: var(--_cw-shadow);
    }

    .tab[data-color='1'] { --contact-color: var(--_cw-contact-color-1); }
    .tab[data-color='2'] { --contact-color: var(--_cw-contact-color-2); }
    .tab[data-color='3'] { --contact-color: var(--_cw-contact-color-3); }
    .tab[data-color='4'] { --contact-color: var(--_cw-contact-color-4); }
    .tab[data-color='5'] { --contact-color: var(--_cw-contact-color-5); }
    .tab[data-color='6'] { --contact-color: var(--_cw-contact-color-6); }
    .tab[data-color='7'] { --contact-color: var(--_cw-contact-color-7); }
    .tab[data-color='8'] { --contact-color: var(--_cw-contact-color-8); }
    .tab[data-color='9'] { --contact-color: var(--_cw-contact-color-9); }
    .tab[data-color='10'] { --contact-color: var(--_cw-contact-color-10); }
    .tab[data-color='11'] { --contact-color: var(--_cw-contact-color-11); }
    .tab[data-color='12'] { --contact-color: var(--_cw-contact-color-12); }

    .tab {
      display: flex;
      align-items: flex-start;
      gap: var(--_cw-space);
      padding: var(--_cw-space);
      border-inline-start: 4px solid var(--contact-color, var(--_cw-color-accent));
      border-radius: inherit;
    }

    .avatar {
      flex: none;
      display: grid;
      place-items: center;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: var(--contact-color, var(--_cw-color-accent));
      color: var(--_cw-contact-color-text);
      font-weight: 700;
      font-size: var(--_cw-font-size-small);
    }

    .details {
      flex: 1;
      min-width: 0;
      display: grid;
      gap: calc(var(--_cw-space) * 0.5);
    }

    .heading {
      display: flex;
      align-items: center;
      gap: calc(var(--_cw-space) * 0.5);
      min-width: 0;
    }

    .name {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 600;
    }

    /* Focused, the whole name shows, on as many lines as it takes. */
    :host(:focus-visible) .name {
      white-space: normal;
      overflow-wrap: anywhere;
    }

    .tab[data-status='ended'] .name {
      color: var(--_cw-color-text-muted);
    }

    .unread {
      flex: none;
      margin-inline-start: auto;
      min-width: 20px;
      padding: 0 calc(var(--_cw-space) * 0.75);
      border-radius: 999px;
      background: var(--_cw-unread-bg);
      color: var(--_cw-unread-color);
      font-size: var(--_cw-font-size-small);
      font-weight: 700;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }

    .timers {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_cw-space) * 0.5);
    }

    :host([compact]) .tab {
      align-items: center;
      gap: calc(var(--_cw-space) * 0.75);
      padding: calc(var(--_cw-space) * 0.5) calc(var(--_cw-space) * 0.75);
    }

    :host([compact]) .avatar {
      width: 24px;
      height: 24px;
    }

    :host([compact]) .timers {
      flex-wrap: nowrap;
    }

    .timer {
      padding: 0 calc(var(--_cw-space) * 0.75);
      border-radius: var(--_cw-radius-small);
      border: 1px solid transparent;
      font-size: var(--_cw-font-size-small);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .timer.handle {
      background: var(--_cw-timer-handle-bg);
      color: var(--_cw-timer-handle-color);
    }

    .timer.wait {
      background: var(--_cw-timer-wait-bg);
      color: var(--_cw-timer-wait-color);
    }

    .wait-mark:empty {
      display: none;
    }

    .wait-mark {
      margin-inline-end: 2px;
      font-weight: 800;
    }

    /* Past the thresholds: other colours, a mark and an outline, so it reads without colour too. */
    .timer.wait[data-level='warning'] {
      background: var(--_cw-timer-wait-warning-bg);
      color: var(--_cw-timer-wait-warning-color);
      outline: 1px solid currentColor;
    }

    .timer.wait[data-level='alert'] {
      background: var(--_cw-color-danger);
      color: var(--_cw-color-accent-text);
      outline: 2px solid var(--_cw-color-danger);
      outline-offset: 1px;
    }

    .timer.acw {
      background: var(--_cw-timer-acw-bg);
      color: var(--_cw-timer-acw-color);
    }

    /* System colours replace ours: borders keep tabs and timers apart, the contact colour stays. */
    @media (forced-colors: active) {
      :host {
        border-color: CanvasText;
      }

      :host([aria-selected='true']) {
        border: 3px solid Highlight;
      }

      :host(:focus-visible) {
        outline-color: Highlight;
      }

      .tab {
        border-inline-start-color: CanvasText;
      }

      .avatar {
        forced-color-adjust: none;
        outline: 1px solid CanvasText;
      }

      .unread {
        border: 1px solid CanvasText;
      }

      .timer.handle {
        border: 1px solid CanvasText;
      }

      .timer.wait {
        border: 2px solid CanvasText;
      }

      .timer.acw {
        border: 2px dashed CanvasText;
      }
    }
  `,
];
