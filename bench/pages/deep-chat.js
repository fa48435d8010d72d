/**
 * deep-chat: a popular chat web component (no virtualization). It renders its own
 * message bubbles, through its markdown renderer, so its rows are not ours; it is fed the
 * same messages, with the contact and agent as its two roles and their names shown.
 */
import 'deep-chat';
import { VIEW, inView, install } from './harness.js';

/** deep-chat's text input below its messages: its box is that much taller, so its list is as tall as the others'. */
const CHROME_HEIGHT = 46;

const asDeepChat = (message) => ({ role: message.from === 'agent' ? 'ai' : 'user', text: message.text });

let chat;
let host;

/** The scrolling list of deep-chat's shadow root, and the element that holds its message rows. */
const scroller = () => chat.shadowRoot?.getElementById('messages');
const rows = () => scroller()?.firstElementChild;

install({
  name: 'deep-chat',
  chromeHeight: CHROME_HEIGHT,

  mount(element) {
    host = element;
  },

  show(transcript) {
    chat = document.createElement('deep-chat');
    chat.chatStyle = { width: `${VIEW.width}px`, height: `${VIEW.height + CHROME_HEIGHT}px`, border: 'none' };
    // A platform of its own (messages come from outside here); without one deep-chat shows
    // a "Connect to any API" message first.
    chat.connect = { handler: () => {} };
    chat.names = { user: { text: transcript[0]?.authorName ?? 'Contact' }, ai: { text: 'Agent' } };
    // deep-chat keeps 4,000 messages by default and drops the oldest: keep the whole transcript, as the others do.
    chat.maxVisibleMessages = 1e9;
    chat.history = transcript.map(asDeepChat);
    host.append(chat);
  },

  append(message) {
    chat.addMessage(asDeepChat(message));
  },

  list: scroller,

  isShown(message) {
    const last = rows()?.lastElementChild;
    return Boolean(last?.textContent?.includes(message.text)) && inView(last, scroller());
  },
});
