import type { Chat } from './state.js';

/**
 * Every way text can start a new line in a plain-text reader or editor: CR, LF, the
 * vertical tab, form feed, NEL and the Unicode line and paragraph separators.
 */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * The whole transcript as plain text, one line per message: time, author's name, text
 * (R10). Lines of a multi-line message are indented under their first line, and a name
 * keeps to one line, so nothing a contact types can start a line that reads like the agent's.
 */
export function transcriptText(chat: Chat, agentName: string, formatTime: (at: number) => string): string {
  return chat.messages
    .map((message) => {
      const author =
        message.from === 'contact' ? chat.contact.name : message.from === 'agent' ? (message.authorName ?? agentName) : '—';
      const text = message.text.replace(LINE_BREAKS, '\n    ');
      return `[${formatTime(message.at)}] ${author.replace(LINE_BREAKS, ' ')}: ${text}`;
    })
    .join('\n');
}
