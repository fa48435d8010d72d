import { css } from 'lit';
import { darkTheme } from '../../internal/dark-theme.styles.js';
import { buttonStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  darkTheme,
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
      height: 100%;
      min-height: 320px;
    }

    .workspace {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: calc(var(--_cw-space) * 1.5);
      height: 100%;
      padding: calc(var(--_cw-space) * 1.5);
      background: var(--_cw-color-surface-raised);
      border-radius: var(--_cw-radius);
      overflow: hidden;
    }

    header {
      display: flex;
      /* A narrow column: the state control and the shortcuts button go to a second line rather than out of sight. */
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_cw-space) / 2) var(--_cw-space);
    }

    h2 {
      margin: 0;
      font-size: 16px;
      font-weight: 700;
    }

    .load {
      font-size: var(--_cw-font-size-small);
      font-variant-numeric: tabular-nums;
      color: var(--_cw-color-text-muted);
      padding: calc(var(--_cw-space) * 0.25) var(--_cw-space);
      border-radius: 999px;
      background: var(--_cw-color-surface);
      border: 1px solid var(--_cw-color-border);
    }

    agent-state-control {
      margin-left: auto;
    }

    .connection {
      display: flex;
      align-items: flex-start;
      gap: var(--_cw-space);
      padding: var(--_cw-space) calc(var(--_cw-space) * 1.5);
      border-radius: var(--_cw-radius-small);
      border: 1px solid var(--_cw-color-border);
      background: var(--_cw-color-surface);
      font-size: var(--_cw-font-size-small);
      line-height: 1.4;
    }

    /* Connected: the live region stays, without taking room. */
    .connection.connected {
      position: absolute;
      width: 1px;
      height: 1px;
      padding: 0;
      border: 0;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .connection .words {
      display: flex;
      flex-wrap: wrap;
      column-gap: var(--_cw-space);
      row-gap: 2px;
      min-width: 0;
    }

    .connection .reason {
      color: var(--_cw-color-text-muted);
      overflow-wrap: anywhere;
    }

    .connection .signal {
      flex: none;
      width: 10px;
      height: 10px;
      margin-top: 4px;
      border-radius: 50%;
      background: var(--_cw-color-refused);
    }

    .connection.reconnecting .signal,
    .connection.connecting .signal {
      animation: cw-pulse 1.2s ease-in-out infinite;
    }

    .connection.offline {
      border-color: var(--_cw-color-danger);
    }

    .connection.offline .signal {
      background: var(--_cw-color-danger);
    }

    @keyframes cw-pulse {
      50% {
        opacity: 0.3;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .connection .signal {
        animation: none !important;
      }
    }

    /* The chats, and the offers over their top: an offer never moves the conversation. */
    .stage {
      position: relative;
      flex: 1;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }

    .offers {
      position: absolute;
      inset: 0 0 auto 0;
      z-index: 3;
      max-height: 48%;
      overflow-y: auto;
      overscroll-behavior: contain;
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface-raised);
      box-shadow: 0 10px 24px -12px rgb(0 0 0 / 0.35);
    }

    .body {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-template-columns: minmax(120px, 168px) minmax(0, 1fr);
      gap: var(--_cw-space);
    }

    .tab-rail {
      min-height: 0;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: calc(var(--_cw-space) * 0.25);
    }

    .tabs {
      position: relative;
      flex: 1;
      min-height: 0;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: calc(var(--_cw-space) * 0.5);
      overflow-y: auto;
      padding: calc(var(--_cw-space) * 0.25);
    }

    /* Tabs out of sight: how many, and a way to them (the arrow keys reach them too). */
    .more-tabs {
      flex: none;
      min-height: 24px;
      padding: 0 var(--_cw-space);
      border: 1px solid var(--_cw-color-border);
      border-radius: 999px;
      background: var(--_cw-color-surface);
      color: var(--_cw-color-text);
      font-size: var(--_cw-font-size-small);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .body.compact .tab-rail {
      flex-direction: row;
      align-items: center;
    }

    /* Narrow: the tabs become a strip above the chat, which gets the whole width. */
    .body.compact {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr);
    }

    .body.compact .tabs {
      flex-direction: row;
      overflow-x: auto;
      overflow-y: hidden;
    }

    .body.compact contact-tab {
      flex: 0 0 auto;
      width: 150px;
    }

    .panel {
      min-height: 0;
      /* A short column (an offer shown, after-contact work) scrolls rather than hiding Save and close. */
      overflow-y: auto;
      display: flex;
      flex-direction: column;
      gap: var(--_cw-space);
      padding: var(--_cw-space);
      border-radius: var(--_cw-radius);
      background: var(--_cw-color-surface);
      border: 1px solid var(--_cw-color-border);
    }

    .chat-head {
      display: grid;
      gap: calc(var(--_cw-space) / 2);
      padding-bottom: var(--_cw-space);
      border-bottom: 1px solid var(--_cw-color-border);
    }

    /* The chat's actions, then the host's own (the chat-actions slot). */
    .head-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_cw-space);
    }

    .head-actions chat-actions {
      flex: 1 1 auto;
      min-width: 0;
    }

    /* The host's content beside the chat (the beside slot): a column, or a row below when narrow. */
    .body.with-beside {
      grid-template-columns: minmax(120px, 168px) minmax(0, 1fr) minmax(0, var(--cw-beside-width, 280px));
    }

    .body.with-beside.with-assist {
      grid-template-columns: minmax(120px, 168px) minmax(0, 1fr) minmax(0, var(--cw-beside-width, 240px)) minmax(240px, 300px);
    }

    .body.compact.with-beside {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr) auto;
    }

    .beside {
      min-height: 0;
      min-width: 0;
      overflow: auto;
    }

    .body.compact .beside {
      max-height: 40%;
    }

    .beside[hidden] {
      display: none;
    }

    .who {
      display: flex;
      align-items: baseline;
      gap: var(--_cw-space);
      min-width: 0;
    }

    h3 {
      margin: 0;
      font-size: 15px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .skill {
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
    }

    .compose {
      display: flex;
      align-items: flex-end;
      gap: calc(var(--_cw-space) / 2);
    }

    quick-reply-panel {
      --cw-quick-reply-panel-width: 300px;
      --cw-quick-reply-panel-max-height: min(30rem, 55vh);
      flex: none;
      margin-bottom: var(--_cw-space);
    }

    chat-composer {
      flex: 1;
      min-width: 0;
    }

    chat-conversation {
      flex: 1 0 160px;
      min-height: 160px;
      overflow: hidden;
    }

    .empty {
      margin: auto;
      color: var(--_cw-color-text-muted);
      text-align: center;
    }

    .empty p {
      margin: var(--_cw-space) 0 0;
      max-width: 28ch;
    }

    /* The header's "Keyboard shortcuts" button; the help it opens brings its own styles. */
    button.shortcuts-button {
      display: inline-grid;
      place-items: center;
      flex: none;
      padding: 0 var(--_cw-space);
      color: var(--_cw-color-text-muted);
    }

    button.shortcuts-button:hover {
      color: var(--_cw-color-text);
    }
  `,
];
