/**
 * Our workspace, from the production bundle (dist/standalone.min.js), driven through its
 * public API: a `SimulatedContactCenter` routes the chats and the agent accepts them
 * through `ChatSession`, as in the README; `<chat-workspace>` shows them.
 *
 * The contacts' messages do not go through `center.contactSays` (whose cost per call
 * `simulatorCost` below measures): the transcripts of the bench come whole, as after a
 * reconnect, and the other contenders take protocol-shaped messages too. They reach the session the way any platform's do: as protocol events on the agent's
 * connector (`chat-assigned` with the transcript, as after a reconnect, then `message`),
 * from a connector that wraps the simulator's. So the timed work is the workspace's:
 * event validation, the session's reducer, the elements' rendering.
 */
import * as standalone from '/dist/standalone.min.js';
import { SimulatedContactCenter } from '/dist/standalone/simulator.min.js';
import { AGENT_NAME, afterFrame, contactOf, framesUntil, inView, install, message, messages } from './harness.js';

/**
 * The simulator's connector with one addition: `feed(event)` delivers a protocol event
 * to the session as if the platform had sent it. Commands go to the simulator.
 */
class FeedConnector {
  constructor(simulated) {
    this.simulated = simulated;
    this.agent = simulated.agent;
    this.observers = new Set();
    this.events = {
      subscribe: (observer) => {
        const platform = simulated.events.subscribe(observer);
        this.observers.add(observer);
        return {
          unsubscribe: () => {
            platform.unsubscribe();
            this.observers.delete(observer);
          },
        };
      },
    };
  }

  feed(event) {
    for (const observer of this.observers) observer.next(event);
  }

  setAgentState(state, reason) { return this.simulated.setAgentState(state, reason); }
  acceptOffer(chatId) { return this.simulated.acceptOffer(chatId); }
  rejectOffer(chatId) { return this.simulated.rejectOffer(chatId); }
  sendMessage(chatId, text, clientId) { return this.simulated.sendMessage(chatId, text, clientId); }
  sendTyping(chatId) { return this.simulated.sendTyping(chatId); }
  endChat(chatId) { return this.simulated.endChat(chatId); }
  transferChat(chatId, target, note) { return this.simulated.transferChat(chatId, target, note); }
  createEngagement(request) { return this.simulated.createEngagement(request); }
  closeChat(chatId, disposition) { return this.simulated.closeChat(chatId, disposition); }
  disconnect() { this.simulated.disconnect(); }
}

let host;
let center;
let connector;
let session;
let workspace;
/** The chats, in the order they were accepted, with what the bench knows of each. */
const chats = [];

/** Whether a session command was refused: `false`, or `{ ok: false }` (the two shapes its API has had). */
const refused = (result) => result === false || result?.ok === false;

/** Starts a chat at the simulator and accepts it through the session (untimed setup). */
async function acceptChat(chatIndex) {
  const first = message(chatIndex, 0);
  const chatId = center.startChat({ contact: { name: contactOf(chatIndex) }, skill: 'Billing', text: first.text });
  if (refused(await session.acceptOffer(chatId))) throw new Error(`accepting ${chatId} failed: ${JSON.stringify(session.state.errors)}`);
  const platformCopy = center.chat(chatId);
  const chat = {
    id: chatId,
    chatIndex,
    contact: platformCopy.contact,
    skill: platformCopy.skill,
    acceptedAt: session.state.chats.find((known) => known.id === chatId)?.acceptedAt,
    // The simulator's copy of the first message, so the transcript holds it once.
    firstId: platformCopy.messages[0].id,
    next: 1,
    last: undefined,
  };
  chats.push(chat);
  return chat;
}

/** The whole transcript of a chat, as the platform hands it over after a reconnect. */
function assign(chat, transcript) {
  transcript[0] = { ...transcript[0], id: chat.firstId };
  chat.next = transcript.length;
  chat.last = transcript[transcript.length - 1];
  const { id, contact, skill, acceptedAt } = chat;
  connector.feed({ type: 'chat-assigned', chat: { id, contact, skill, acceptedAt, messages: transcript } });
}

function addWorkspace() {
  workspace = document.createElement('chat-workspace');
  workspace.style.cssText = 'display: block; width: 100%; height: 100%';
  workspace.session = session;
  host.append(workspace);
}

function transcriptElement() {
  return workspace?.shadowRoot?.querySelector('chat-conversation')?.shadowRoot?.querySelector('[part="transcript"]');
}

function activeChat() {
  return chats.find((chat) => chat.id === session.state.activeChatId);
}

/** Sends one more contact message into a chat through the connector (stamped now, as one that just came). */
function deliver(chat, next = { ...message(chat.chatIndex, chat.next), at: Date.now() }) {
  chat.next += 1;
  chat.last = next;
  connector.feed({ type: 'message', chatId: chat.id, message: next });
}

const contender = {
  name: 'ours',
  // The tabs, header, actions and composer around the transcript: the transcript gets the
  // same height as the others' lists (the Node side reports the height it got).
  chromeHeight: 343,

  async mount(element) {
    host = element;
    // The chat's parts are a chunk of their own that the workspace loads once the agent is
    // Available: fetched here, untimed, as a page that has been running would have it.
    // (The profiling page is built from dist/index.js, where every element is in already.)
    await standalone.loadElement?.('chat-conversation');
    center = new SimulatedContactCenter({ maxConcurrentChats: 12 });
    connector = new FeedConnector(center.connect({ id: 'agent-1', name: AGENT_NAME }));
    session = new standalone.ChatSession(connector, { storage: null });
    if (refused(await session.setAgentState('Available'))) throw new Error('could not go Available');
    await acceptChat(0);
  },

  /** The session receives the transcript and the workspace is created and shown. */
  show(transcript) {
    assign(chats[0], transcript);
    addWorkspace();
  },

  append(next) {
    deliver(chats[0], next);
  },

  list: transcriptElement,

  latest() {
    return activeChat()?.last;
  },

  isShown(shown) {
    const transcript = transcriptElement();
    const row = transcript?.querySelector(`[data-entry-id="${shown.id}"]`);
    return inView(row, transcript);
  },

  /** The calls of the measurements only our workspace has. */
  ours: {
    /** Accepts `count` chats of `perChat` messages each and shows the workspace (untimed setup). */
    async openChats(count, perChat) {
      for (let chatIndex = chats.length; chatIndex < count; chatIndex++) await acceptChat(chatIndex);
      for (const chat of chats) assign(chat, messages(chat.chatIndex, 0, perChat));
      addWorkspace();
      await framesUntil(contender, activeChat().last);
      return chats.map((chat) => chat.id);
    },

    /** Shows another chat, as a CRM's `focusChat` or a tab does; resolves once its latest message is on screen. */
    async switchTo(index) {
      const chat = chats[index % chats.length];
      await workspace.focusChat(chat.id);
      return framesUntil(contender, chat.last);
    },

    /** Takes the focus out of the workspace: a blinking caret repaints twice a second, which is not the tick's. */
    blur() {
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      focused?.blur();
    },

    focusComposer() {
      workspace.focusComposer();
      return session.state.activeChatId;
    },

    draftOf(chatId) {
      return session.state.chats.find((chat) => chat.id === chatId)?.draft;
    },

    afterFrame,

    /**
     * Every chat receives `perSecond` contact messages a second for `seconds`, spread
     * evenly in time (timers, no polling); counts the long tasks (over 50 ms) meanwhile.
     */
    async burst(seconds, perSecond) {
      const longTasks = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
      observer.observe({ type: 'longtask' });
      const total = Math.round(seconds * perSecond * chats.length);
      const spacing = 1000 / (perSecond * chats.length);
      const start = performance.now();
      let sent = 0;
      let latest = 0;
      await new Promise((resolve) => {
        const sendDue = () => {
          const now = performance.now();
          const due = Math.min(total, Math.floor((now - start) / spacing) + 1);
          latest = Math.max(latest, now - (start + (due - 1) * spacing));
          for (; sent < due; sent++) deliver(chats[sent % chats.length]);
          if (sent >= total) resolve();
          else setTimeout(sendDue, Math.max(0, start + sent * spacing - performance.now()));
        };
        sendDue();
      });
      const frames = await framesUntil(contender, activeChat().last);
      // Long-task entries are delivered after the task; give them a moment.
      await new Promise((resolve) => setTimeout(resolve, 250));
      observer.disconnect();
      return { delivered: sent, seconds: (performance.now() - start) / 1000, longTasks, frames, maxTimerLateMs: latest };
    },

    /**
     * What `center.contactSays` costs per call at the start of a chat and once it holds
     * `size` messages (wall time of a synchronous call: all of it main-thread work).
     */
    simulatorCost(size) {
      const simulator = new SimulatedContactCenter();
      const chatId = simulator.startChat({ contact: { name: contactOf(99) }, skill: 'Billing', text: 'hello' });
      const say = (from, to) => {
        const start = performance.now();
        for (let index = from; index < to; index++) simulator.contactSays(chatId, message(99, index).text);
        return (performance.now() - start) / (to - from);
      };
      const atStart = say(1, 101);
      say(101, size - 100);
      const atSize = say(size - 100, size);
      return { atStartMs: atStart, atSizeMs: atSize, size };
    },
  },
};

install(contender);
