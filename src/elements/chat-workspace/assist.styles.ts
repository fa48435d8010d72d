import { css } from 'lit';

/** The "Agent assist" button and panel: a column beside the chat, or an overlay over it when narrow. */
export const assistStyles = css`
  button.assist-button {
    flex: none;
    min-height: 28px;
    padding: 0 var(--_cw-space);
    font-size: var(--_cw-font-size-small);
  }

  button.assist-button[aria-expanded='true'] {
    border-color: var(--_cw-color-accent);
    color: var(--_cw-color-accent);
  }

  .body {
    position: relative;
  }

  .body.with-assist {
    grid-template-columns: minmax(120px, 168px) minmax(0, 1fr) minmax(240px, 300px);
  }

  .assist {
    min-height: 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    padding: var(--_cw-space);
    border-radius: var(--_cw-radius);
    background: var(--_cw-color-surface);
    border: 1px solid var(--_cw-color-border);
    animation: cw-assist-in 200ms ease-out;
  }

  .assist[hidden] {
    display: none;
  }

  /*
   * Narrow: over the chat from the right, in the chat's own grid cell, so the conversation
   * and the composer keep their width and the tabs stay in reach to switch chats.
   */
  .body > .panel {
    grid-row: 1;
    grid-column: 2;
  }

  .body.compact > .panel {
    grid-row: 2;
    grid-column: 1;
  }

  .assist.overlay {
    grid-row: 1;
    grid-column: 2;
    justify-self: end;
    z-index: 2;
    width: min(320px, 88%);
    box-shadow: -12px 0 24px -12px rgb(0 0 0 / 0.35);
  }

  .body.compact > .assist.overlay {
    grid-row: 2;
    grid-column: 1;
  }

  assist-panel {
    flex: 1;
    min-height: 0;
  }

  @keyframes cw-assist-in {
    from {
      /* Movement only: a fade would leave the text unreadable while it plays. */
      transform: translateX(32px);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .assist {
      animation: none;
    }
  }
`;
