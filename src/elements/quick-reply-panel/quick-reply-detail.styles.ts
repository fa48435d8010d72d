import { css } from 'lit';

/** The selected reply: back link, preview, variable fields and Insert. */
export const detailStyles = css`
  /* Back and Insert stay in view; what lies between scrolls. */
  .detail {
    display: flex;
    flex-direction: column;
    gap: var(--_cw-space);
    min-height: 0;
  }

  .detail-body {
    display: grid;
    gap: calc(var(--_cw-space) * 1.25);
    min-height: 0;
    overflow-y: auto;
    margin: 0 calc(var(--_cw-space) * -0.5);
    /* Room under the last field, so neither it nor its focus ring hides under the Insert bar. */
    padding: calc(var(--_cw-space) * 0.25) calc(var(--_cw-space) * 0.5) var(--_cw-space);
    scroll-padding-block: var(--_cw-space);
  }

  .back {
    align-self: flex-start;
    min-height: 28px;
    padding: 0 var(--_cw-space);
    border-color: transparent;
    font-weight: 500;
    color: var(--_cw-color-accent);
  }

  .eyebrow,
  .label,
  .hint {
    margin: 0;
    font-size: var(--_cw-font-size-small);
    color: var(--_cw-color-text-muted);
  }

  .eyebrow {
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-weight: 600;
  }

  .detail-title {
    margin: 0;
    font-size: 15px;
  }

  .preview-block {
    display: grid;
    gap: calc(var(--_cw-space) / 2);
  }

  .preview {
    margin: 0;
    padding: var(--_cw-space) calc(var(--_cw-space) * 1.25);
    border-radius: var(--_cw-radius-small);
    background: var(--_cw-color-surface-raised);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .value {
    padding: 0 calc(var(--_cw-space) * 0.25);
    border-radius: 3px;
    background: color-mix(in srgb, var(--_cw-color-accent) 12%, transparent);
  }

  .value.missing {
    background: none;
    outline: 1px dashed var(--_cw-color-text-muted);
    color: var(--_cw-color-text-muted);
  }

  .variables {
    display: grid;
    gap: var(--_cw-space);
    margin: 0;
    padding: 0;
    border: none;
  }

  legend {
    padding: 0;
    margin-bottom: calc(var(--_cw-space) / 2);
    font-weight: 600;
  }

  .field {
    display: grid;
    gap: calc(var(--_cw-space) * 0.5);
  }

  label {
    font-size: var(--_cw-font-size-small);
    font-weight: 600;
  }

  .required {
    margin-inline-start: calc(var(--_cw-space) * 0.25);
    color: var(--_cw-color-danger);
  }

  .actions {
    display: flex;
    justify-content: flex-end;
    padding-top: var(--_cw-space);
    border-top: 1px solid var(--_cw-color-border);
  }
`;
