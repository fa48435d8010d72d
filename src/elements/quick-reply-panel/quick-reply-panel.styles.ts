import { css } from 'lit';
import { buttonStyles, fieldStyles, themeTokens } from '../../internal/theme.styles.js';
import { detailStyles } from './quick-reply-detail.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  fieldStyles,
  css`
    :host {
      --_cw-quick-reply-panel-width: var(--cw-quick-reply-panel-width, 320px);
      --_cw-quick-reply-panel-max-height: var(--cw-quick-reply-panel-max-height, 32rem);
      --_cw-quick-reply-panel-duration: var(--cw-quick-reply-panel-duration, 180ms);
      display: inline-flex;
      align-items: flex-start;
      gap: 0;
      max-width: 100%;
      position: relative;
    }

    /* placement="above": the panel slides out over what is above the button (a transcript). */
    :host([placement='above']) .drawer {
      position: absolute;
      bottom: calc(100% + var(--_cw-space));
      left: calc(var(--_cw-space) * -1);
      z-index: 2;
    }

    .toggle {
      flex: none;
      display: inline-grid;
      place-items: center;
      width: 32px;
      padding: 0;
      letter-spacing: -0.12em;
    }

    .chevrons {
      display: inline-block;
      transition: transform var(--_cw-quick-reply-panel-duration) ease;
    }

    :host([open]) .toggle {
      border-color: var(--_cw-color-accent);
      color: var(--_cw-color-accent);
    }

    /* Open, the chevrons point back: the same button slides the panel in again. */
    :host([open]) .chevrons {
      transform: scaleX(-1);
    }

    /* The drawer clips the panel, which keeps its width: the content slides instead of reflowing. */
    .drawer {
      width: 0;
      /* Closed, it takes no room in the host's layout either way. */
      max-height: 0;
      overflow: hidden;
      visibility: hidden;
      transition:
        width var(--_cw-quick-reply-panel-duration) ease,
        visibility 0s linear var(--_cw-quick-reply-panel-duration);
    }

    :host([open]) .drawer {
      width: calc(var(--_cw-quick-reply-panel-width) + var(--_cw-space));
      max-height: none;
      visibility: visible;
      transition: width var(--_cw-quick-reply-panel-duration) ease;
    }

    @media (prefers-reduced-motion: reduce) {
      .drawer,
      :host([open]) .drawer,
      .chevrons {
        transition: none;
      }
    }

    .panel {
      display: flex;
      flex-direction: column;
      gap: var(--_cw-space);
      width: var(--_cw-quick-reply-panel-width);
      max-height: var(--_cw-quick-reply-panel-max-height);
      margin-inline-start: var(--_cw-space);
      padding: calc(var(--_cw-space) * 1.5);
      border: 1px solid var(--_cw-color-border);
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface);
      box-shadow: var(--_cw-shadow);
    }

    h2 {
      margin: 0;
      font-size: 15px;
      font-weight: 650;
    }

    .search:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--_cw-color-focus);
      outline-offset: 0;
      border-color: var(--_cw-color-focus);
    }

    .list {
      flex: 1 1 auto;
      min-height: 0;
      overflow-y: auto;
      margin: 0 calc(var(--_cw-space) * -0.5);
      padding: calc(var(--_cw-space) * 0.25) calc(var(--_cw-space) * 0.5);
    }

    .group + .group {
      margin-top: var(--_cw-space);
    }

    h3[part='category'] {
      margin: 0 0 calc(var(--_cw-space) / 2);
      font-size: var(--_cw-font-size-small);
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--_cw-color-text-muted);
    }

    ul {
      display: grid;
      gap: calc(var(--_cw-space) * 0.25);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .reply {
      position: relative;
      display: grid;
      gap: calc(var(--_cw-space) * 0.25);
      padding: calc(var(--_cw-space) * 0.75) var(--_cw-space);
      border-radius: var(--_cw-radius-small);
      border-inline-start: 3px solid transparent;
    }

    .reply:hover {
      background: var(--_cw-color-surface-raised);
    }

    .reply:has(.reply-title:focus-visible) {
      outline: 2px solid var(--_cw-color-focus);
      outline-offset: -2px;
    }

    .reply[part~='reply-highlighted'] {
      border-inline-start-color: var(--_cw-color-accent);
      background: color-mix(in srgb, var(--_cw-color-accent) 9%, var(--_cw-color-surface));
    }

    /* The title is the button; its ::after makes the whole row clickable. */
    button.reply-title {
      all: unset;
      font-weight: 600;
      cursor: pointer;
    }

    .reply-title::after {
      content: '';
      position: absolute;
      inset: 0;
    }

    .reply-title:focus-visible {
      outline: none;
    }

    .reply-text {
      display: -webkit-box;
      overflow: hidden;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
    }

    .empty {
      margin: 0;
      padding: calc(var(--_cw-space) * 2) var(--_cw-space);
      text-align: center;
      color: var(--_cw-color-text-muted);
    }
  `,
  detailStyles,
];
