/**
 * The in-page half of the benchmark, shared by every contender's page: the data every
 * contender is fed, frame-by-frame waiting, and the measurement loops the Node side
 * drives through `window.bench`. Main-thread time is read by the Node side from CDP
 * (Performance.getMetrics) around these calls; the page only reports wall time and frames.
 */

/** Every contender shows the transcript in a box of this size, so each has as many rows in view. */
export const VIEW = { width: 720, height: 560 };

/**
 * How long the harness waits for a message to show (2 s). One that does not show by then
 * counts as missed, with `MISSED` frames; the run goes on.
 */
const MAX_FRAMES = 120;
export const MISSED = MAX_FRAMES + 1;

const WORDS = (
  'hello order invoice refund billing account password delivery tracking address card payment ' +
  'thanks please could you check the status of my parcel it was due on monday but nothing came ' +
  'yet sorry for the trouble let me look into that for you one moment I see a delay at the depot ' +
  'bonjour merci commande facture livraison adresse compte retour échange taille couleur garantie'
).split(' ');

/** A small seeded generator (mulberry32): the same message for the same chat and index, everywhere. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AGENT_NAME = 'Alex Martin';
const CONTACTS = ['Marie Tremblay', 'Jean Gagnon', 'Sofia Rossi', 'Liam Chen', 'Ava Singh', 'Noah Roy'];

/** The contact of chat number `chatIndex`. */
export function contactOf(chatIndex) {
  return `${CONTACTS[chatIndex % CONTACTS.length]} ${chatIndex + 1}`;
}

/** One hour before the benchmark's first message, so appended messages never land in the future. */
const EPOCH = Date.now() - 3_600_000;

/**
 * Message `index` of chat `chatIndex`, shaped as the workspace's protocol has it
 * (`ChatMessage`): one contact or agent line of 4 to 30 words. Deterministic, so every
 * contender gets the same text.
 */
export function message(chatIndex, index) {
  const next = random(chatIndex * 1_000_003 + index);
  const count = 4 + Math.floor(next() * 27);
  const words = [];
  for (let word = 0; word < count; word++) words.push(WORDS[Math.floor(next() * WORDS.length)]);
  // One flat string, as JSON.parse gives a message that came over the network: a string
  // built with += is a rope of small pieces that takes three times the memory.
  const text = words.join(' ');
  const from = index % 3 === 2 ? 'agent' : 'contact';
  return {
    id: `c${chatIndex}-m${index}`,
    from,
    text,
    at: EPOCH + index * 25,
    authorName: from === 'agent' ? AGENT_NAME : contactOf(chatIndex),
  };
}

/** Messages `from` to `to - 1` of a chat. */
export function messages(chatIndex, from, to) {
  const list = new Array(to - from);
  for (let index = from; index < to; index++) list[index - from] = message(chatIndex, index);
  return list;
}

/**
 * Resolves after the next frame has been produced: a rAF callback posts a message, which
 * runs once that frame's style, layout and paint are done. Nothing runs in between, so
 * waiting costs the contender nothing but the frame itself.
 */
export function afterFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    });
  });
}

/**
 * Whether `row` is laid out inside `viewport` with at least half its height in view: the
 * reader sees the message arrive. (react-virtuoso, following its output, may leave the
 * newest row a few pixels, or a line, short of the bottom until the next one comes.)
 */
export function inView(row, viewport) {
  if (!row?.isConnected || !viewport) return false;
  const box = row.getBoundingClientRect();
  const view = viewport.getBoundingClientRect();
  const visible = Math.min(box.bottom, view.bottom) - Math.max(box.top, view.top);
  return box.height > 0 && visible >= 0.5 * Math.min(box.height, view.height);
}

/**
 * Frames until the contender shows `shown` (one check after each frame, never a busy
 * loop); 1 means the message was on screen in the very next frame, `MISSED` that it did
 * not show within `MAX_FRAMES`.
 */
export async function framesUntil(contender, shown) {
  for (let frames = 1; frames <= MAX_FRAMES; frames++) {
    await afterFrame();
    if (contender.isShown(shown)) return frames;
  }
  console.warn(`${contender.name}: message ${shown.id} not on screen after ${MAX_FRAMES} frames`);
  return MISSED;
}

/** Formats a message's time the same way for the contenders that render their own rows. */
const timeFormat = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
export function timeText(at) {
  return timeFormat.format(at);
}

/** The CSS of the plain message row that vanilla and react-virtuoso render alike. */
export const ROW_CSS = `
  .row { padding: 6px 12px; font: 14px/1.4 system-ui, sans-serif; }
  .row .meta { margin: 0; color: #555; font-size: 12px; }
  .row .author { font-weight: 600; margin-inline-end: 6px; }
  .row .text { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .row[data-from="agent"] { background: #eef4ff; }
`;

/**
 * Installs `window.bench` for a contender. A contender implements:
 * - `name`, and `chromeHeight`: how much of its box is not its message list;
 * - `mount(host)`: whatever comes before the transcript (setup is not timed);
 * - `show(transcript)`: shows a whole transcript for the first time (timed: first render);
 * - `append(message)`: adds one message at the end;
 * - `isShown(message)`: whether that message is laid out in the visible part of its list;
 * - `list()`: its scrolling message list;
 * - `latest()` (ours): the newest message of the chat on screen.
 * Ours adds the calls of the workspace-only measurements (`ours`).
 */
export function install(contender) {
  const host = document.getElementById('host');
  host.style.width = `${VIEW.width}px`;
  // A contender with more around its list (ours: tabs, header, composer) gets that much more room.
  host.style.height = `${VIEW.height + (contender.chromeHeight ?? 0)}px`;
  /** Data the harness holds between calls; dropped before heap is measured. */
  let prepared;
  let next = 0;
  let last;

  window.bench = {
    name: contender.name,
    MISSED,
    mount: () => contender.mount(host),

    /** The height of the contender's scrolling message list, to check that all get the same. */
    listHeight: () => contender.list()?.getBoundingClientRect().height,

    /** Generates the transcript outside the timed call. */
    prepare(count) {
      prepared = messages(0, 0, count);
      next = count;
      last = prepared[count - 1];
      return count;
    },

    /** First render: from handing over the transcript to its last message on screen. */
    async firstRender() {
      const transcript = prepared;
      prepared = undefined;
      const start = performance.now();
      await contender.show(transcript);
      const frames = await framesUntil(contender, last);
      if (frames === MISSED) throw new Error(`${contender.name}: the transcript's last message did not show`);
      return { wallMs: performance.now() - start, frames };
    },

    /**
     * Appends `count` messages one at a time, each once the previous one is on screen.
     * Returns the frames each took. Its main-thread time is read around this call.
     */
    async appendMany(count) {
      const frames = [];
      for (let index = 0; index < count; index++) {
        // Stamped now, as a message that just arrived: after the acceptance of our chat.
        last = { ...message(0, next++), at: Date.now() };
        contender.append(last);
        frames.push(await framesUntil(contender, last));
      }
      return frames;
    },

    /**
     * The same frames without any append: what the waiting and checking cost per frame
     * in this page, to take out of the append figures.
     */
    async idleFrames(count) {
      // The last message appended, or, on ours with many chats, the active chat's.
      const shown = last ?? contender.latest();
      for (let index = 0; index < count; index++) {
        await afterFrame();
        contender.isShown(shown);
      }
      return count;
    },

    /**
     * Keeps `chatCount` chats of `perChat` messages in memory, in a page that holds
     * nothing else: the heap they take is the size of the message data.
     */
    holdData(chatCount, perChat) {
      window.heldData = Array.from({ length: chatCount }, (_, chatIndex) => messages(chatIndex, 0, perChat));
      return JSON.stringify(window.heldData).length;
    },

    ours: contender.ours,
  };
}
