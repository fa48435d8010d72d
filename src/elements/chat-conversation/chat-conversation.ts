import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../controllers/session-controller.js';
import { currentLocale } from '../../i18n/localization.js';
import {
  MESSAGE_PREVIEW_LIMIT,
  MESSAGE_SHOWN_LIMIT,
  cap,
  contactName,
  excerpt,
  withoutDirectionControls,
} from '../../internal/contact-text.js';
import { linkify } from '../../internal/linkify.js';
import { SameTaskBatch } from '../../internal/same-task-batch.js';
import { SessionElement } from '../../internal/session-element.js';
import type { Chat, TranscriptMessage } from '../../session/state.js';
import { styles } from './chat-conversation.styles.js';
import { TranscriptView } from './transcript-view.js';
import { grownEntries, transcriptEntries, type ChatHappening, type TranscriptEntry } from './transcript.js';
import type { SessionEvent } from '../../session/session-events.js';

/**
 * @tagname chat-conversation
 * @summary The transcript of one chat: every message with its author and time, system
 * lines for what happened to the chat, and the contact's typing (R8, R13). Only the
 * messages in view are in the DOM, so chats of thousands of messages stay fast.
 *
 * The view follows new messages while the agent is at the bottom; scrolled up, it stays
 * put and offers a "New messages" button instead. Showing another chat (a new `chat-id`)
 * keeps the scroll position of the one left, and comes back to it.
 *
 * @csspart transcript - The scrolling list of messages.
 * @csspart message - Every message; also `contact-message` or `agent-message`.
 * @csspart contact-message - A message of the contact.
 * @csspart agent-message - A message of an agent.
 * @csspart bubble - The coloured box around a message's text.
 * @csspart delivery - The "Sending…" or "Not sent" line of the agent's own message.
 * @csspart system-line - A line about the chat: accepted, transferred, ended.
 * @csspart typing - The "is typing" indicator below the transcript.
 * @csspart new-messages - The button that brings the agent down to messages that arrived while scrolled up.
 *
 * @cssprop --cw-conversation-background - Background of the transcript.
 * @cssprop --cw-conversation-contact-bubble - Background of the contact's messages.
 * @cssprop --cw-conversation-contact-text - Text colour of the contact's messages.
 * @cssprop --cw-conversation-agent-bubble - Background of the agent's messages.
 * @cssprop --cw-conversation-agent-text - Text colour of the agent's messages.
 * @cssprop --cw-conversation-link - Colour of links in messages.
 */
export class ChatConversation extends SessionElement {
  static override styles = styles;

  /** The id of the chat to show; the element shows nothing while the session has no such chat. */
  @property({ attribute: 'chat-id' }) chatId = '';

  /** Text for screen readers: new messages, or that some wait below. */
  @state() private announcement = '';

  /** Long messages the agent opened with "Show all", by id. */
  @state() private expanded: ReadonlySet<string> = new Set();

  @query('[part="transcript"]') private transcriptScroller!: HTMLElement | null;

  private readonly chats = new SessionController(this, (session) => session.chats$);
  private readonly agent = new SessionController(this, (session) => session.agent$);
  private readonly transcriptScroll = new TranscriptView(this, () => this.transcriptScroller);
  /** What arrives in the chat on screen, from the session's events, taken in together. */
  private readonly arrivals = new SameTaskBatch<{ entry?: TranscriptEntry; sentByAgent: boolean }>((arrivals) =>
    this.showArrivals(arrivals),
  );


  /** The chat on screen and the entries it showed, to tell new entries from old. */
  private shownChatId?: string;
  private shownEntries: readonly TranscriptEntry[] = [];
  private entriesCache?: { chat: Chat; entries: TranscriptEntry[] };

  constructor() {
    super();
    new SessionController(this, (session) => session.events$, { onValue: (event) => this.arrived(event) });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A detached scroller forgets its position; come back to the remembered one.
    if (this.hasUpdated && this.shownChatId !== undefined) this.transcriptScroll.show(this.shownChatId, this.shownEntries);
  }

  private get chat(): Chat | undefined {
    return this.chats.value?.find((chat) => chat.id === this.chatId);
  }

  /**
   * Works out what changed in the transcript. In `update`, not `willUpdate`: a new
   * session's first chats arrive in the controllers' `hostUpdate`, which Lit runs between
   * the two, and they would otherwise be seen one update late.
   */
  protected override update(changed: PropertyValues<this>): void {
    this.readTranscript();
    super.update(changed);
  }

  private readTranscript(): void {
    if (this.shownChatId !== undefined && this.shownChatId !== this.chatId) {
      this.transcriptScroll.leave();
      this.shownChatId = undefined;
      this.shownEntries = [];
      this.announcement = '';
    }
    const chat = this.chat;
    if (!chat) return;
    const entries = this.entriesOf(chat);
    if (this.shownChatId === undefined) {
      this.shownChatId = chat.id;
      this.transcriptScroll.show(chat.id, entries);
    } else if (entries !== this.shownEntries) {
      this.transcriptScroll.rowsChanged(entries);
    }
    this.shownEntries = entries;
    this.transcriptScroll.keepFocus();
    this.transcriptScroll.forgetAllBut((this.chats.value ?? []).map((candidate) => candidate.id));
  }

  override render() {
    const chat = this.chat;
    if (!chat) return nothing;
    const entries = this.shownEntries;
    const rows = this.transcriptScroll.window();
    const agentName = this.agent.value?.name ?? '';
    return html`
      <div class="frame">
        ${keyed(
          chat.id,
          html`<div
            part="transcript"
            class="transcript"
            role="list"
            tabindex="0"
            aria-label=${msg(str`Conversation with ${contactName(chat.contact.name)}`)}
          >
            <div class="space" aria-hidden="true"></div>
            ${repeat(
              entries.slice(rows.first, rows.last),
              (entry) => entry.id,
              (entry, index) => this.renderEntry(entry, rows.first + index, entries.length, chat, agentName),
            )}
            <div class="space" aria-hidden="true"></div>
          </div>`,
        )}
        ${this.transcriptScroll.unseen
          ? html`<button part="new-messages" class="new-messages" type="button" @click=${this.showLatest}>
              ${msg('New messages')}${arrowDown}
            </button>`
          : nothing}
      </div>
      <div class="typing-row">
        ${chat.contactTyping
          ? html`<p part="typing" class="typing">
              <span class="dots" aria-hidden="true"><span></span><span></span><span></span></span>
              <bdi>${msg(str`${contactName(chat.contact.name)} is typing…`)}</bdi>
            </p>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderEntry(entry: TranscriptEntry, index: number, count: number, chat: Chat, agentName: string): TemplateResult {
    if (entry.kind === 'happening' || entry.message.from === 'system') {
      const text = entry.kind === 'happening' ? happeningText(entry.happening) : entry.message.text;
      return html`<div
        role="listitem"
        part="system-line"
        class="entry system"
        data-entry-id=${entry.id}
        aria-posinset=${index + 1}
        aria-setsize=${count}
      >
        <p><span>${text}</span> ${timeOf(entry.at)}</p>
      </div>`;
    }
    const message = entry.message;
    const author = contactName(message.from === 'contact' ? chat.contact.name : (message.authorName ?? agentName));
    return html`<div
      role="listitem"
      part="message ${message.from}-message"
      class="entry message"
      data-from=${message.from}
      data-delivery=${message.delivery ?? 'sent'}
      data-entry-id=${entry.id}
      aria-posinset=${index + 1}
      aria-setsize=${count}
    >
      <div part="bubble" class="bubble">
        <p class="meta"><bdi class="author">${author}</bdi> ${timeOf(message.at)}</p>
        ${this.renderMessageText(message)}
        ${this.renderDelivery(chat, message)}
      </div>
    </div>`;
  }

  /**
   * The text of a message, isolated from the text around it. A long one shows its start
   * and "Show all"; even then a platform that let a megabyte through is not followed
   * past `MESSAGE_SHOWN_LIMIT` characters.
   */
  private renderMessageText(message: TranscriptMessage) {
    const { text } = message;
    const long = text.length > MESSAGE_PREVIEW_LIMIT;
    const open = long && this.expanded.has(message.id);
    const limit = open ? MESSAGE_SHOWN_LIMIT : MESSAGE_PREVIEW_LIMIT;
    return html`<p class="text" dir="auto">${renderText(text.length > limit ? cap(text, limit) : text)}</p>
      ${long && !open
        ? html`<button type="button" class="show-all" @click=${() => this.expand(message.id)}>${msg('Show all')}</button>`
        : nothing}
      ${open && text.length > MESSAGE_SHOWN_LIMIT
        ? html`<p class="truncated">${msg(str`Shortened: the whole message has ${text.length.toLocaleString(currentLocale())} characters.`)}</p>`
        : nothing}`;
  }

  private expand(messageId: string): void {
    this.expanded = new Set([...this.expanded, messageId]);
  }

  private renderDelivery(chat: Chat, message: TranscriptMessage) {
    if (message.delivery === 'sending') {
      return html`<p part="delivery" class="delivery">${msg('Sending…')}</p>`;
    }
    if (message.delivery === 'failed') {
      return html`<p part="delivery" class="delivery failed">
        ${warningIcon}<span>${msg('Not sent.')}</span>
        <button type="button" class="retry" @click=${() => void this.session?.retryMessage(chat.id, message.id)}>
          ${msg('Retry')}
        </button>
      </p>`;
    }
    return nothing;
  }

  /**
   * What the session says happened in the chat on screen: a message of the contact or of
   * the platform, the agent's own, the chat's end. Read out when the agent follows the
   * conversation, else marked as waiting below; the agent's own brings the view down.
   */
  private arrived(event: SessionEvent): void {
    if (!('chat' in event) || event.chat.id !== this.chatId || this.shownChatId !== this.chatId) return;
    let entry: TranscriptEntry | undefined;
    if (event.type === 'message-received') entry = { kind: 'message', id: event.message.id, at: event.message.at, message: event.message };
    else if (event.type === 'chat-ended') {
      const happening = event.chat.endedBy === 'contact' ? ({ type: 'contact-left' } as const) : ({ type: 'ended' } as const);
      entry = { kind: 'happening', id: `${event.chat.id}:ended`, at: event.chat.endedAt ?? 0, happening };
    }
    const sentByAgent = event.type === 'message-sent';
    // Several in one go (a burst, a reconnect) are read out together.
    if (entry || sentByAgent) this.arrivals.add({ entry, sentByAgent });
  }

  private showArrivals(arrivals: readonly { entry?: TranscriptEntry; sentByAgent: boolean }[]): void {
    const noteworthy = arrivals.flatMap((arrival) => (arrival.entry ? [arrival.entry] : []));
    const sentByAgent = arrivals.some((arrival) => arrival.sentByAgent);
    const outcome = this.transcriptScroll.arrived({ sentByAgent, noteworthy: noteworthy.length > 0 });
    if (outcome === 'seen' && noteworthy.length > 0) {
      this.announcement = noteworthy.map((entry) => this.spoken(entry)).join(' ');
    } else if (outcome === 'newly-waiting') {
      this.announcement = msg('New messages below.');
    }
    this.requestUpdate();
  }

  private spoken(entry: TranscriptEntry): string {
    if (entry.kind === 'happening') return happeningText(entry.happening);
    if (entry.message.from === 'system') return entry.message.text;
    const author = contactName(entry.message.from === 'contact' ? (this.chat?.contact.name ?? '') : (entry.message.authorName ?? ''));
    return msg(str`${author}: ${excerpt(entry.message.text)}`);
  }

  /** The chat's entries: the ones shown, grown by what was added at the end, or built again. */
  private entriesOf(chat: Chat): TranscriptEntry[] {
    const cached = this.entriesCache;
    const sameFrame =
      cached?.chat.id === chat.id &&
      cached.chat.acceptedAt === chat.acceptedAt &&
      cached.chat.endedAt === chat.endedAt &&
      cached.chat.endedBy === chat.endedBy &&
      cached.chat.transfers === chat.transfers;
    if (sameFrame && cached.chat.messages === chat.messages) return cached.entries;
    const entries = (sameFrame && grownEntries(cached.entries, cached.chat.messages, chat.messages)) || transcriptEntries(chat);
    this.entriesCache = { chat, entries };
    return entries;
  }

  private readonly showLatest = (): void => {
    this.transcriptScroll.showLatest();
    // The button goes away; keep keyboard focus in the conversation.
    this.transcriptScroller?.focus({ preventScroll: true });
  };
}

function happeningText(happening: ChatHappening): string {
  switch (happening.type) {
    case 'accepted':
      return msg('You accepted the chat.');
    case 'contact-left':
      return msg('The contact left the chat.');
    case 'ended':
      return msg('The chat has ended.');
    case 'transferred': {
      const { fromAgentName, toName, note } = happening.transfer;
      return note
        ? msg(str`${fromAgentName} transferred the chat to ${toName}: “${note}”`)
        : msg(str`${fromAgentName} transferred the chat to ${toName}.`);
    }
  }
}

/**
 * Contact text is only ever text, without direction controls; http(s) addresses become
 * links that open apart from the workspace. A link whose text could mislead (controls,
 * non-ASCII letters) also shows the host it really goes to.
 */
function renderText(text: string) {
  return linkify(text).map((segment) => {
    if (segment.kind === 'text') return withoutDirectionControls(segment.text);
    const shown = withoutDirectionControls(segment.text);
    const misleading = shown !== segment.text || /[^\x00-\x7f]/.test(segment.text);
    return html`<a href=${segment.href} title=${segment.href} target="_blank" rel="noopener noreferrer" dir="ltr">${shown}</a>${misleading
        ? html` <span class="link-host">${new URL(segment.href).host}</span>`
        : nothing}`;
  });
}

/** The `<time>` of each moment shown, per language: rows render again as the transcript grows. */
const timeCache = new Map<string, Map<number, TemplateResult>>();
const TIME_CACHE_LIMIT = 2000;

function timeOf(at: number): TemplateResult {
  const locale = currentLocale();
  let times = timeCache.get(locale);
  if (!times) {
    times = new Map();
    timeCache.set(locale, times);
  }
  let time = times.get(at);
  if (!time) {
    if (times.size >= TIME_CACHE_LIMIT) times.clear();
    const date = new Date(at);
    const formats = timeFormatsOf(locale);
    time = html`<time class="time" datetime=${date.toISOString()} title=${formats.full.format(date)}>${formats.short.format(date)}</time>`;
    times.set(at, time);
  }
  return time;
}

const timeFormats = new Map<string, { short: Intl.DateTimeFormat; full: Intl.DateTimeFormat }>();

function timeFormatsOf(locale: string) {
  let formats = timeFormats.get(locale);
  if (!formats) {
    formats = {
      short: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    };
    timeFormats.set(locale, formats);
  }
  return formats;
}

const arrowDown = html`<svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
  <path d="M8 3v9M4 8l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

const warningIcon = html`<svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
  <path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
  <path d="M8 6v3.5M8 11.5v.5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
</svg>`;
