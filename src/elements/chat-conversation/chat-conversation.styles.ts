import { css } from 'lit';
import { buttonStyles, themeTokens } from '../../internal/theme.styles.js';

export const styles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      --_cw-conversation-background: var(--cw-conversation-background, var(--_cw-color-surface));
      --_cw-conversation-contact-bubble: var(--cw-conversation-contact-bubble, #f0f2f5);
      --_cw-conversation-contact-text: var(--cw-conversation-contact-text, var(--_cw-color-text));
      --_cw-conversation-agent-bubble: var(--cw-conversation-agent-bubble, #e3edfb);
      --_cw-conversation-agent-text: var(--cw-conversation-agent-text, var(--_cw-color-text));
      --_cw-conversation-link: var(--cw-conversation-link, #1a56b0);
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: var(--_cw-conversation-background);
    }

    p {
      margin: 0;
    }

    .frame {
      position: relative;
      flex: 1 1 0;
      display: flex;
      flex-direction: column;
      min-height: 0;
    }

    /*
     * The scrolling box: the rows in view, between two spacers that stand for the rest.
     * Contained, so a new row lays out the transcript alone, not the page around it.
     */
    .transcript {
      flex: 1 1 0;
      display: block;
      overflow-x: hidden;
      overflow-y: auto;
      overscroll-behavior: contain;
      contain: strict;
    }

    .space {
      overflow-anchor: none;
    }

    .transcript:focus-visible {
      outline-offset: -2px;
    }

    .entry {
      width: 100%;
      padding: calc(var(--_cw-space) * 0.5) calc(var(--_cw-space) * 2);
    }

    .message {
      display: flex;
    }

    .message[data-from='agent'] {
      justify-content: flex-end;
    }

    .bubble {
      max-width: min(78%, 64ch);
      padding: calc(var(--_cw-space) * 0.75) calc(var(--_cw-space) * 1.5);
      border: 1px solid transparent;
      border-radius: 14px;
      border-end-start-radius: 4px;
      background: var(--_cw-conversation-contact-bubble);
      color: var(--_cw-conversation-contact-text);
    }

    .message[data-from='agent'] .bubble {
      border-end-start-radius: 14px;
      border-end-end-radius: 4px;
      background: var(--_cw-conversation-agent-bubble);
      color: var(--_cw-conversation-agent-text);
    }

    /* Pending: an outline of the bubble still to be filled; text keeps its full contrast. */
    .message[data-delivery='sending'] .bubble {
      border-style: dashed;
      border-color: var(--_cw-color-border);
      background: var(--_cw-conversation-background);
    }

    .message[data-delivery='failed'] .bubble {
      border-color: var(--_cw-color-danger);
    }

    .meta {
      display: flex;
      align-items: baseline;
      gap: var(--_cw-space);
      min-width: 0;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
    }

    /* A time keeps to one line: a narrow column shortens the name instead. */
    .meta time {
      flex: none;
      white-space: nowrap;
    }

    .author {
      min-width: 0;
      font-weight: 600;
      color: var(--_cw-color-text);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .text {
      margin-top: calc(var(--_cw-space) * 0.25);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .text a {
      color: var(--_cw-conversation-link);
      text-decoration: underline;
      text-underline-offset: 2px;
    }

    .link-host {
      font-size: var(--_cw-font-size-small);
      padding: 0 4px;
      border-radius: 4px;
      background: color-mix(in srgb, currentColor 12%, transparent);
      white-space: nowrap;
    }

    .show-all {
      margin-top: calc(var(--_cw-space) * 0.5);
      padding: 0;
      min-height: 0;
      border: 0;
      background: none;
      color: var(--_cw-conversation-link);
      font: inherit;
      font-size: var(--_cw-font-size-small);
      font-weight: 600;
      text-decoration: underline;
      cursor: pointer;
    }

    .truncated {
      margin-top: calc(var(--_cw-space) * 0.5);
      font-size: var(--_cw-font-size-small);
      opacity: 0.8;
    }

    .delivery {
      display: flex;
      align-items: center;
      gap: calc(var(--_cw-space) * 0.75);
      margin-top: calc(var(--_cw-space) * 0.5);
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
    }

    .delivery.failed {
      color: var(--_cw-color-danger);
      font-weight: 600;
    }

    .delivery .icon {
      flex: none;
    }

    .retry {
      min-height: 26px;
      padding: 0 var(--_cw-space);
      font-size: var(--_cw-font-size-small);
    }

    .system {
      text-align: center;
      font-size: var(--_cw-font-size-small);
      color: var(--_cw-color-text-muted);
    }

    .system p {
      display: inline-flex;
      gap: var(--_cw-space);
      padding: calc(var(--_cw-space) * 0.25) calc(var(--_cw-space) * 1.25);
      border-radius: 999px;
      background: var(--_cw-color-surface-raised);
    }

    .new-messages {
      position: absolute;
      inset-block-end: calc(var(--_cw-space) * 1.5);
      inset-inline-start: 50%;
      transform: translateX(-50%);
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_cw-space) * 0.75);
      border-radius: 999px;
      border-color: var(--_cw-color-accent);
      background: var(--_cw-color-accent);
      color: var(--_cw-color-accent-text);
      box-shadow: var(--_cw-shadow);
      white-space: nowrap;
    }

    .new-messages:hover {
      background: var(--_cw-color-accent);
      filter: brightness(1.08);
    }

    /* Always there, so the transcript does not jump when the contact starts typing. */
    .typing-row {
      flex: none;
      min-height: calc(var(--_cw-font-size-small) * 1.6 + var(--_cw-space));
      padding: calc(var(--_cw-space) * 0.25) calc(var(--_cw-space) * 2);
    }

    .typing {
      display: flex;
      align-items: center;
      gap: var(--_cw-space);
      font-size: var(--_cw-font-size-small);
      font-style: italic;
      color: var(--_cw-color-text-muted);
    }

    .dots {
      display: inline-flex;
      gap: calc(var(--_cw-space) * 0.375);
    }

    .dots span {
      width: 5px;
      height: 5px;
      border-radius: 50%;
      background: currentColor;
      animation: blink 1.2s infinite ease-in-out;
    }

    .dots span:nth-child(2) {
      animation-delay: 0.2s;
    }

    .dots span:nth-child(3) {
      animation-delay: 0.4s;
    }

    @keyframes blink {
      0%,
      80%,
      100% {
        opacity: 0.25;
      }
      40% {
        opacity: 1;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .dots span {
        animation: none;
        opacity: 0.6;
      }
    }
  `,
];
