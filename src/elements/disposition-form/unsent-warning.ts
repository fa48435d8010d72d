import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { excerpt } from '../../internal/contact-text.js';
import type { Chat, TranscriptMessage } from '../../session/state.js';

/** The agent's messages the contact never got: refused, or still on their way. */
export function unsentMessages(chat: Chat): readonly TranscriptMessage[] {
  return chat.messages.filter((message) => message.from === 'agent' && message.delivery !== undefined);
}

/** Messages the contact never got would go with the chat: the agent decides, not a click. */
export function renderUnsentWarning(chat: Chat, on: { keep: () => void; discard: () => void }) {
  const unsent = unsentMessages(chat);
  if (unsent.length === 0) return nothing;
  return html`<div part="unsent" class="unsent" role="alertdialog" aria-labelledby="unsent-text">
    <p id="unsent-text">
      ${unsent.length === 1
        ? msg('1 message was not sent to the contact. Closing the chat discards it.')
        : msg(str`${unsent.length} messages were not sent to the contact. Closing the chat discards them.`)}
    </p>
    <ul>
      ${unsent.slice(0, 3).map((message) => html`<li dir="auto">${excerpt(message.text, 80)}</li>`)}
    </ul>
    <div class="unsent-actions">
      <button type="button" @click=${on.keep}>${msg('Keep the chat')}</button>
      <button type="button" class="danger" @click=${on.discard}>${msg('Save and close anyway')}</button>
    </div>
  </div>`;
}
