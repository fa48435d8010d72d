import { LINE_BREAKS, MESSAGE_SHOWN_LIMIT, cap, withoutDirectionControls } from '../internal/contact-text.js';
import type { Chat } from './state.js';

/**
 * The whole transcript as plain text, one line per message: time, author's name, text
 * (R10). Lines of a multi-line message are indented under their first line, and a name
 * keeps to one line, so nothing a contact types can start a line that reads like the
 * agent's; direction controls go, and a message is copied up to `MESSAGE_SHOWN_LIMIT` characters.
 */
export function transcriptText(chat: Chat, agentName: string, formatTime: (at: number) => string): string {
  return chat.messages
    .map((message) => {
      const author =
        message.from === 'contact' ? chat.contact.name : message.from === 'agent' ? (message.authorName ?? agentName) : '—';
      // A platform that let a megabyte through does not put it all on the clipboard either.
      const text = withoutDirectionControls(cap(message.text, MESSAGE_SHOWN_LIMIT)).replace(LINE_BREAKS, '\n    ');
      return `[${formatTime(message.at)}] ${withoutDirectionControls(author).replace(LINE_BREAKS, ' ')}: ${text}`;
    })
    .join('\n');
}
