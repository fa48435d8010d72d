/**
 * react-virtuoso 4 with React 19 (production build): the most used virtualized list for
 * React chat UIs, with the same row markup as the vanilla baseline. Written as a React app
 * would be: the messages live in a small external store, each append replaces the array,
 * and the list follows the output while the reader is at the bottom.
 */
import { memo, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { Virtuoso } from 'react-virtuoso';
import { ROW_CSS, inView, install, timeText } from './harness.js';

/** The transcript, kept outside React; components read it through useSyncExternalStore. */
const store = {
  messages: [],
  listeners: new Set(),
  subscribe(listener) {
    store.listeners.add(listener);
    return () => store.listeners.delete(listener);
  },
  snapshot: () => store.messages,
  set(messages) {
    store.messages = messages;
    for (const listener of store.listeners) listener();
  },
};

const Row = memo(function Row({ message }) {
  return (
    <div className="row" role="listitem" data-id={message.id} data-from={message.from}>
      <p className="meta">
        <b className="author">{message.authorName}</b>
        <time>{timeText(message.at)}</time>
      </p>
      <p className="text">{message.text}</p>
    </div>
  );
});

const messageKey = (_index, message) => message.id;
const renderRow = (_index, message) => <Row message={message} />;

function Transcript() {
  const messages = useSyncExternalStore(store.subscribe, store.snapshot);
  return (
    <Virtuoso
      style={{ height: '100%' }}
      role="list"
      data={messages}
      computeItemKey={messageKey}
      itemContent={renderRow}
      initialTopMostItemIndex={messages.length - 1}
      // Follows new messages only when the reader is at the bottom, as a chat should. With
      // the default 4 px threshold it loses the bottom after a row taller than its estimate
      // (petyosi/react-virtuoso#195, #1105) and stops following; a row's height tolerates that.
      followOutput={(atBottom) => (atBottom ? 'auto' : false)}
      atBottomThreshold={60}
    />
  );
}

let root;
let scroller;

install({
  name: 'react-virtuoso',

  mount(host) {
    const style = document.createElement('style');
    style.textContent = ROW_CSS;
    const container = document.createElement('div');
    container.style.height = '100%';
    host.append(style, container);
    root = createRoot(container);
  },

  show(transcript) {
    store.set(transcript);
    root.render(<Transcript />);
  },

  append(message) {
    store.set([...store.messages, message]);
  },

  list: () => (scroller ??= document.querySelector('[data-virtuoso-scroller]')),

  isShown(message) {
    scroller ??= document.querySelector('[data-virtuoso-scroller]');
    const row = scroller?.querySelector(`[data-id="${message.id}"]`);
    return inView(row, scroller);
  },
});
