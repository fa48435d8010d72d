import { contactName } from '../../internal/contact-text.js';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { distinctUntilChanged, map } from 'rxjs';
import { clockText } from '../../controllers/clock-text.js';
import { SessionController } from '../../controllers/session-controller.js';
import { formatDuration, initialOf } from '../../internal/format.js';
import { SessionElement } from '../../internal/session-element.js';
import type { ChatSession } from '../../session/chat-session.js';
import { contactWaitingSince } from '../../session/selectors.js';
import type { Chat } from '../../session/state.js';
import { contactColorIndex } from './contact-color.js';
import { styles } from './contact-tab.styles.js';

interface TabView {
  chat: Chat | undefined;
  selected: boolean;
  /** The configured wait thresholds (ms); 0: none. */
  waitWarningMs: number;
  waitAlertMs: number;
}

/** How long the contact has waited, against the configured thresholds. */
export type WaitLevel = 'normal' | 'warning' | 'alert';

export function waitLevelOf(waitedMs: number, warningMs: number, alertMs: number): WaitLevel {
  if (alertMs > 0 && waitedMs >= alertMs) return 'alert';
  if (warningMs > 0 && waitedMs >= warningMs) return 'warning';
  return 'normal';
}

type TimerKind = 'handle' | 'wait' | 'acw';

/**
 * The contact's colour (stable for a name) and name, the unread count, and up to two timers
 * (`role="timer"`, m:ss, then h:mm:ss): grey, the handling time since Accept, until the tab
 * closes; blue, the time since the contact's last message, while the contact sent the last
 * message; purple, the time since the chat ended, while after-contact work is pending. The
 * session's one clock rewrites the timers' text; a tick never re-renders the tab.
 *
 * The tab's accessible name is exactly the contact's name; the unread count and the timers'
 * values are its `aria-description`, and its `title` is the whole name. Click, Enter or Space shows the chat; inside a `<chat-workspace>` the
 * arrow keys, Home and End move between tabs.
 *
 * @tagname contact-tab
 * @summary One chat of the workspace, as a tab left of the conversation (R4).
 *
 * @csspart base - The tab's content, edged with the contact's colour.
 * @csspart avatar - The contact's initial on the contact's colour.
 * @csspart name - The contact's name.
 * @csspart unread - The count of contact messages that arrived while another chat was shown.
 * @csspart timers - The row of timers.
 * @csspart timer - Every timer.
 * @csspart timer-handle - The grey timer: total handling time since Accept.
 * @csspart timer-wait - The blue timer: how long the contact has waited for a reply; `data-level` is `warning` or `alert` past the configured `waitWarningMs` and `waitAlertMs`.
 * @csspart timer-acw - The purple timer: time since the chat ended (after-contact work).
 *
 * @cssprop --cw-contact-color-1 - Contact palette, colour 1 of 12 (blue); a contact's colour comes from a hash of the name.
 * @cssprop --cw-contact-color-2 - Contact palette, colour 2 (teal).
 * @cssprop --cw-contact-color-3 - Contact palette, colour 3 (red).
 * @cssprop --cw-contact-color-4 - Contact palette, colour 4 (purple).
 * @cssprop --cw-contact-color-5 - Contact palette, colour 5 (amber).
 * @cssprop --cw-contact-color-6 - Contact palette, colour 6 (green).
 * @cssprop --cw-contact-color-7 - Contact palette, colour 7 (pink).
 * @cssprop --cw-contact-color-8 - Contact palette, colour 8 (indigo).
 * @cssprop --cw-contact-color-9 - Contact palette, colour 9 (orange).
 * @cssprop --cw-contact-color-10 - Contact palette, colour 10 (cyan).
 * @cssprop --cw-contact-color-11 - Contact palette, colour 11 (olive).
 * @cssprop --cw-contact-color-12 - Contact palette, colour 12 (brown).
 * @cssprop --cw-contact-color-text - The initial on the contact's colour.
 * @cssprop --cw-timer-handle-bg - Background of the handling-time timer (grey).
 * @cssprop --cw-timer-handle-color - Text of the handling-time timer.
 * @cssprop --cw-timer-wait-bg - Background of the waiting timer (blue).
 * @cssprop --cw-timer-wait-color - Text of the waiting timer.
 * @cssprop --cw-timer-wait-warning-bg - Background of the waiting timer past `waitWarningMs` (amber); past `waitAlertMs` it takes the danger colour.
 * @cssprop --cw-timer-wait-warning-color - Text of the waiting timer past `waitWarningMs`.
 * @cssprop --cw-timer-acw-bg - Background of the after-contact-work timer (purple).
 * @cssprop --cw-timer-acw-color - Text of the after-contact-work timer.
 * @cssprop --cw-unread-bg - Background of the unread count.
 * @cssprop --cw-unread-color - Text of the unread count.
 */
export class ContactTab extends SessionElement {
  static override styles = styles;

  /** The id of the chat this tab stands for. */
  @property({ attribute: 'chat-id' }) chatId = '';

  /** A smaller tab for a strip of tabs in a narrow workspace. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private readonly shown = new SessionController<TabView>(
    this,
    (session) =>
      session.state$.pipe(
        map((state) => ({
          chat: state.chats.find((chat) => chat.id === this.chatId),
          selected: state.activeChatId === this.chatId,
          waitWarningMs: state.configuration.waitWarningMs,
          waitAlertMs: state.configuration.waitAlertMs,
        })),
        // Other chats change all the time (drafts, messages): this tab re-renders for its own only.
        distinctUntilChanged(
          (before, after) =>
            before.chat === after.chat &&
            before.selected === after.selected &&
            before.waitWarningMs === after.waitWarningMs &&
            before.waitAlertMs === after.waitAlertMs,
        ),
      ),
    { dependsOn: () => [this.chatId] },
  );

  /** The timers' values for screen readers: a tab's content is presentational to them. */
  private readonly clock = new SessionController(this, (session) => session.clock$, {
    onValue: (now) => this.describe(now),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'tab');
    // Focusable on its own; a focus group (the workspace's tablist) then roves the tabindex.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.addEventListener('click', this.activate);
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.activate);
    this.removeEventListener('keydown', this.onKeydown);
  }

  /**
   * The tab's accessible name comes from its content: the contact's name, then the timers'
   * labels (not their ticking values, so the name stays stable). An `aria-label` would make
   * axe's label-in-name rule reject the visible timers. The timers stay in the
   * accessibility tree with role `timer`. Set here, after the controllers' hostUpdate.
   */
  protected override update(changed: PropertyValues<this>): void {
    const { chat, selected = false } = this.shown.value ?? {};
    this.setAttribute('aria-selected', String(selected));
    // The whole name on hover, however narrow the tab.
    this.toggleAttributeValue('title', chat ? contactName(chat.contact.name) : undefined);
    this.describe(this.clock.value ?? this.session?.now);
    super.update(changed);
  }

  /**
   * What a screen reader says after the name: unread messages, then each timer with its
   * value ("Handling time 4:12. Contact waiting 0:45."). A tab's children are
   * presentational in ARIA, so the timers inside cannot say it themselves.
   */
  private describe(now: number | undefined): void {
    const chat = this.shown.value?.chat;
    if (!chat || now === undefined) {
      this.removeAttribute('aria-description');
      return;
    }
    const parts = chat.unread > 0 ? [unreadText(chat.unread)] : [];
    parts.push(msg(str`Handling time ${formatDuration(now - chat.acceptedAt)}`));
    const waitingSince = contactWaitingSince(chat);
    if (waitingSince !== undefined) {
      parts.push(msg(str`Contact waiting ${formatDuration(now - waitingSince)}`));
      const level = waitLevelOf(now - waitingSince, this.shown.value?.waitWarningMs ?? 0, this.shown.value?.waitAlertMs ?? 0);
      if (level === 'warning') parts.push(msg('Waiting long'));
      if (level === 'alert') parts.push(msg('Waiting too long'));
    }
    if (chat.status === 'ended' && chat.endedAt !== undefined) {
      parts.push(msg(str`After-contact work ${formatDuration(now - chat.endedAt)}`));
    }
    this.setAttribute('aria-description', `${parts.join('. ')}.`);
  }

  override render() {
    const chat = this.shown.value?.chat;
    const session = this.session;
    if (!chat || !session) return nothing;
    const name = contactName(chat.contact.name);
    const waitingSince = contactWaitingSince(chat);
    return html`
      <div part="base" class="tab" data-status=${chat.status} data-color=${contactColorIndex(name)}>
        <span part="avatar" class="avatar" aria-hidden="true">${initialOf(name)}</span>
        <span class="details">
          <span class="heading">
            <bdi part="name" class="name">${name}</bdi>
            ${chat.unread > 0
              ? html`<span part="unread" class="unread" title=${unreadText(chat.unread)} aria-hidden="true">${chat.unread}</span>`
              : nothing}
          </span>
          <span part="timers" class="timers">
            ${this.renderTimer(session, 'handle', chat.acceptedAt, msg('Handling time'))}
            ${waitingSince === undefined
              ? nothing
              : this.renderWaitTimer(session, waitingSince)}
            ${chat.status === 'ended' && chat.endedAt !== undefined
              ? this.renderTimer(session, 'acw', chat.endedAt, msg('After-contact work'))
              : nothing}
          </span>
        </span>
      </div>
    `;
  }

  private renderTimer(session: ChatSession, kind: TimerKind, since: number, label: string) {
    return html`<span part="timer timer-${kind}" class="timer ${kind}" role="timer" aria-label=${label} title=${label}
      >${clockText(session.clock$, (now) => formatDuration(now - since))}</span
    >`;
  }

  /**
   * The blue timer; past the configured thresholds it changes look (`data-level`), with a
   * mark that is not only a colour: "!" at the warning, "!!" at the alert.
   */
  private renderWaitTimer(session: ChatSession, since: number) {
    const { waitWarningMs = 0, waitAlertMs = 0 } = this.shown.value ?? {};
    const level = (now: number) => waitLevelOf(now - since, waitWarningMs, waitAlertMs);
    return html`<span
      part="timer timer-wait"
      class="timer wait"
      role="timer"
      aria-label=${msg('Contact waiting')}
      title=${msg('Contact waiting')}
      data-level=${clockText(session.clock$, level)}
      ><span class="wait-mark" aria-hidden="true">${clockText(session.clock$, (now) => waitMark(level(now)))}</span
      >${clockText(session.clock$, (now) => formatDuration(now - since))}</span
    >`;
  }

  private toggleAttributeValue(name: string, value: string | undefined): void {
    if (value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  private readonly activate = (): void => {
    if (this.chatId && !this.shown.value?.selected) this.session?.activateChat(this.chatId);
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate();
    }
  };
}

function waitMark(level: WaitLevel): string {
  return level === 'alert' ? '!!' : level === 'warning' ? '!' : '';
}

function unreadText(count: number): string {
  return count === 1 ? msg('1 unread message') : msg(str`${count} unread messages`);
}
