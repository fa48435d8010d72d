import { msg } from '@lit/localize';
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatMessage } from '../../connectors/types.js';
import type { Chat } from '../../session/state.js';

const timeFormat = new Map<string, Intl.DateTimeFormat>();

function formatTime(at: number): string {
  const locale = document.documentElement.lang || 'en';
  let format = timeFormat.get(locale);
  if (!format) timeFormat.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })));
  return format.format(at);
}

function authorOf(message: ChatMessage, chat: Chat, agentName: string): string {
  if (message.from === 'contact') return chat.contact.name;
  if (message.from === 'agent') return message.authorName ?? agentName;
  return msg('System');
}

/** The transcript of a chat: author, time and text of every message, text always as text. */
export function renderConversation(chat: Chat, agentName: string) {
  return html`
    <ol class="transcript" aria-label=${msg('Conversation')}>
      ${repeat(chat.messages, (message) => message.id, (message) => html`
        <li class="message" data-from=${message.from}>
          <p class="meta"><span class="author">${authorOf(message, chat, agentName)}</span>
            <time datetime=${new Date(message.at).toISOString()}>${formatTime(message.at)}</time></p>
          <p class="text">${message.text}</p>
        </li>
      `)}
    </ol>
    ${chat.status === 'ended'
      ? html`<p class="ended">${chat.endedBy === 'contact' ? msg('The contact left the chat.') : msg('The chat has ended.')}</p>`
      : null}
  `;
}
