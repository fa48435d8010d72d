import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font: inherit;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_cw-space, 8px) * 0.75);
  }

  button {
    display: grid;
    gap: calc(var(--_cw-space, 8px) * 0.5);
    width: 100%;
    padding: var(--_cw-space, 8px);
    border: 1px solid var(--_cw-color-border, #d0d7de);
    border-radius: var(--_cw-radius-small, 6px);
    background: var(--_cw-color-surface, #fff);
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  button:hover {
    border-color: var(--_cw-color-accent, #1f5fbf);
  }

  button:focus-visible {
    outline: 2px solid var(--_cw-color-accent, #1f5fbf);
    outline-offset: 2px;
  }

  .head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_cw-space, 8px);
  }

  .title {
    font-weight: 600;
  }

  .score {
    flex: none;
    font-size: var(--_cw-font-size-small, 12px);
    font-variant-numeric: tabular-nums;
    color: var(--_cw-color-text-muted, #57606a);
  }

  .text {
    font-size: var(--_cw-font-size-small, 12px);
    overflow-wrap: anywhere;
  }

  .none {
    margin: 0;
    color: var(--_cw-color-text-muted, #57606a);
    font-size: var(--_cw-font-size-small, 12px);
  }
`;
