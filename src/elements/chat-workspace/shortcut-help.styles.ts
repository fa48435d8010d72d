import { css } from 'lit';

/** The keyboard-shortcut help dialog: loaded with it (shortcut-help-dialog.ts). */
export const shortcutHelpDialogStyles = css`
  dialog.shortcut-help {
    width: min(500px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    padding: 0 0 calc(var(--_cw-space) * 2);
    border: 1px solid var(--_cw-color-border);
    border-radius: var(--_cw-radius);
    background: var(--_cw-color-surface);
    color: var(--_cw-color-text);
    box-shadow: var(--_cw-shadow);
    overflow-y: auto;
  }

  dialog.shortcut-help::backdrop {
    background: rgb(16 24 40 / 45%);
  }

  .help-head {
    display: flex;
    align-items: center;
    gap: var(--_cw-space);
    padding: calc(var(--_cw-space) * 2) calc(var(--_cw-space) * 2) var(--_cw-space);
  }

  .help-head h2 {
    flex: 1;
  }

  .shortcut-help p {
    margin: 0 calc(var(--_cw-space) * 2) var(--_cw-space);
    color: var(--_cw-color-text-muted);
    font-size: var(--_cw-font-size-small);
  }

  .shortcut-help table {
    width: calc(100% - var(--_cw-space) * 4);
    margin: 0 calc(var(--_cw-space) * 2);
    border-collapse: collapse;
  }

  .shortcut-help th {
    text-align: start;
    font-size: var(--_cw-font-size-small);
    color: var(--_cw-color-text-muted);
    font-weight: 600;
    padding: calc(var(--_cw-space) / 2) 0;
  }

  .shortcut-help td {
    padding: calc(var(--_cw-space) * 0.75) 0;
    border-top: 1px solid var(--_cw-color-border);
    vertical-align: middle;
  }

  .shortcut-help td.keys {
    white-space: nowrap;
    padding-inline-start: var(--_cw-space);
    color: var(--_cw-color-text-muted);
  }

  kbd {
    display: inline-block;
    min-width: 1.8em;
    margin: 0 2px;
    padding: 1px 6px;
    border: 1px solid var(--_cw-color-border);
    border-bottom-width: 2px;
    border-radius: var(--_cw-radius-small);
    background: var(--_cw-color-surface-raised);
    color: var(--_cw-color-text);
    font: 600 var(--_cw-font-size-small) / 1.6 var(--_cw-font-family);
    text-align: center;
  }
`;
