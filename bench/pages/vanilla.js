/**
 * The vanilla-DOM baseline: every message is a row appended to one scrolling list, no
 * virtualization, no framework. What a hand-written chat does, and the floor of work a
 * non-virtualized list cannot go below.
 */
import { ROW_CSS, inView, install, timeText } from './harness.js';

/** The plain message row that react-virtuoso renders too: author, time, text. */
function row(message) {
  const item = document.createElement('div');
  item.className = 'row';
  item.setAttribute('role', 'listitem');
  item.dataset.id = message.id;
  item.dataset.from = message.from;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const author = document.createElement('b');
  author.className = 'author';
  author.textContent = message.authorName;
  const time = document.createElement('time');
  time.textContent = timeText(message.at);
  meta.append(author, time);
  const text = document.createElement('p');
  text.className = 'text';
  text.textContent = message.text;
  item.append(meta, text);
  return item;
}

let list;

install({
  name: 'vanilla',

  mount(host) {
    const style = document.createElement('style');
    style.textContent = `${ROW_CSS} .list { height: 100%; overflow-y: auto; }`;
    list = document.createElement('div');
    list.className = 'list';
    list.setAttribute('role', 'list');
    host.append(style, list);
  },

  show(transcript) {
    const rows = document.createDocumentFragment();
    for (const message of transcript) rows.append(row(message));
    list.append(rows);
    list.scrollTop = list.scrollHeight;
  },

  append(message) {
    // Follows new messages only when the reader is at the bottom, as a chat should.
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 4;
    list.append(row(message));
    if (atBottom) list.scrollTop = list.scrollHeight;
  },

  list: () => list,

  isShown(message) {
    const last = list.lastElementChild;
    return last?.dataset.id === message.id && inView(last, list);
  },
});
