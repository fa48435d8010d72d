import { css } from 'lit';

/** The error summary and its list: loaded with them (workspace-errors.ts), once there is a problem to show. */
export const errorStyles = css`
  .errors {
    display: grid;
    gap: calc(var(--_cw-space) / 2);
    flex: none;
    color: var(--_cw-color-danger);
  }

  .error-summary {
    display: flex;
    align-items: center;
    gap: var(--_cw-space);
    padding: calc(var(--_cw-space) * 0.5) var(--_cw-space);
    border-radius: var(--_cw-radius-small);
    border: 1px solid color-mix(in srgb, var(--_cw-color-danger) 35%, transparent);
    background: color-mix(in srgb, var(--_cw-color-danger) 8%, var(--_cw-color-surface));
    font-size: var(--_cw-font-size-small);
  }

  .error-summary .icon {
    flex: none;
  }

  /* One or two lines at most: the full text is in the details and the tooltip. */
  .summary {
    flex: 1;
    min-width: 0;
    margin: 0;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }

  .error-summary button,
  .dismiss-one {
    flex: none;
    min-height: 28px;
    padding: 0 var(--_cw-space);
    border: none;
    background: transparent;
    color: inherit;
    font-weight: 600;
  }

  .error-list {
    list-style: none;
    margin: 0;
    padding: calc(var(--_cw-space) * 0.5);
    max-height: 160px;
    overflow-y: auto;
    display: grid;
    gap: calc(var(--_cw-space) / 2);
    border-radius: var(--_cw-radius-small);
    border: 1px solid var(--_cw-color-border);
    background: var(--_cw-color-surface);
    font-size: var(--_cw-font-size-small);
  }

  .error-list li {
    display: flex;
    align-items: flex-start;
    gap: var(--_cw-space);
    overflow-wrap: anywhere;
  }

  .error-list span {
    flex: 1;
  }
`;
