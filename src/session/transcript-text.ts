import type { Chat } from './state.js';

/**
 * The whole transcript as plain text, one line per message: time, author's name, text
 * (R10). Lines of a multi-line message are indented under their first line.
 */
export function transcriptText(chat: Chat, agentName: string, formatTime: (at: number) => string): string {
  return chat.messages
    .map((message) => {
      const author =
        message.from === 'contact' ? chat.contact.name : message.from === 'agent' ? (message.authorName ?? agentName) : '—';
      const text = message.text.replace(/\r?\n/g, '\n    ');
      return `[${formatTime(message.at)}] ${author}: ${text}`;
    })
    .join('\n');
}
