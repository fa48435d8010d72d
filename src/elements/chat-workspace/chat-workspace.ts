import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LangController } from '../../controllers/lang-controller.js';
import { FocusGroupController } from '../../controllers/focus-group-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import type { SelectableAgentState } from '../../protocol/types.js';
import type { ChatSession, CommandResult } from '../../session/chat-session.js';
import { contactWaitingSince, selectActiveChat, shallowEqual } from '../../session/selectors.js';
import {
  QuickReplySearch,
  composeTextContext,
  quickReplySearchContext,
  type ComposeText,
} from '../../controllers/quick-reply-search.js';
import type { Chat, WorkspaceState } from '../../session/state.js';
import { sessionContext, workspaceRelayContext } from '../../session/session-context.js';
import { HostEventsController } from './host-events.js';
import { OfferAlertsController } from './offer-alerts-controller.js';
import { ShortcutHelp } from './shortcut-help.js';
import { shortcutHelpStyles } from './shortcut-help.styles.js';
import { WorkspaceShortcutsController, type WorkspaceShortcuts } from './workspace-shortcuts.js';
import type { AgentStateControl } from '../agent-state-control/agent-state-control.js';
import { contactName } from '../../internal/contact-text.js';
import { renderConnection } from './connection-status.js';
import { hiddenTabsOf, renderHiddenTabs } from './hidden-tabs.js';
import type { ContactTab } from '../contact-tab/contact-tab.js';
import { renderErrors } from './workspace-errors.js';
import { styles } from './chat-workspace.styles.js';
import { AssistController } from './assist-controller.js';
import { assistStyles } from './assist.styles.js';

/** The chats' ids in the order their tabs show. A sort by a fixed time: stable between messages. */
function tabOrderOf(chats: readonly Chat[], order: 'accepted' | 'longest-wait'): string[] {
  if (order !== 'longest-wait') return chats.map((chat) => chat.id);
  const since = (chat: Chat) => contactWaitingSince(chat) ?? Number.POSITIVE_INFINITY;
  return [...chats].sort((a, b) => since(a) - since(b)).map((chat) => chat.id);
}

/** The dialogs that act on the chat shown: focus in them is focus on the chat. */
const CHAT_DIALOGS = new Set(['transfer-dialog', 'new-engagement-dialog']);

/** Below this width (px) the workspace switches to its narrow layout. */
export const NARROW_WIDTH = 520;

/** Below this width (px) the agent assist panel overlays the chat instead of taking a column beside it. */
export const ASSIST_BESIDE_WIDTH = 700;

/** What the workspace's own markup shows of the session. */
interface WorkspaceView {
  activeChatId?: string;
  contactName: string;
  ended: boolean;
  skill: string;
  available: boolean;
  capacity: number;
  assistApps: number;
  errors: WorkspaceState['errors'];
  connection: WorkspaceState['connection'];
  connectionReason?: string;
  connectionCause?: WorkspaceState['connectionCause'];
}

/**
 * @tagname chat-workspace
 * @summary The agent's chat workspace: agent state, chat offers, the open chats and
 * their conversation. Give it a `ChatSession`; every element inside takes it from here.
 *
 * @fires {ChatOfferedEvent} chat-offered - A chat waits for the agent's Accept. `detail`: `ChatOfferedDetail`.
 * @fires {ChatAcceptedEvent} chat-accepted - The agent accepted a chat; a CRM opens the customer's record. `detail`: `ChatAcceptedDetail`.
 * @fires {ChatEndedEvent} chat-ended - A chat ended; after-contact work begins. `detail`: `ChatEndedDetail`.
 * @fires {ChatActivatedEvent} chat-activated - The chat shown changed (a tab switch, an accepted or closed chat). `detail`: `ChatActivatedDetail`.
 * @fires {AgentStateChangedEvent} agent-state-changed - The platform confirmed a new agent state. `detail`: `AgentStateChangedDetail`.
 * @fires {DispositionSavedEvent} disposition-saved - After-contact work was saved and the chat closed. `detail`: `DispositionSavedDetail`.
 * @fires {WrapUpExpiredEvent} wrap-up-expired - After-contact work ran out of time and the platform closed the chat with the default disposition, if any. `detail`: `WrapUpExpiredDetail`.
 * @fires {EngagementCreatedEvent} engagement-created - The agent scheduled a follow-up contact. `detail`: `EngagementCreatedDetail`.
 * @fires {TransferRequestedEvent} transfer-requested - Cancelable: the agent chose where to transfer a chat; `preventDefault()` keeps it. `detail`: `TransferRequestedDetail`.
 * @fires {ChatTransferredEvent} chat-transferred - A chat left this workspace for an agent, team or skill. `detail`: `ChatTransferredDetail`.
 * @fires {TransferDialogRequestedEvent} transfer-dialog-requested - Cancelable: the agent pressed Transfer; `preventDefault()` keeps the built-in dialog closed (a host may open its own). `detail`: `TransferDialogRequestedDetail`.
 * @fires {CaseUpdatedEvent} case-updated - The platform recorded the agent's change to a chat's case (status, note). `detail`: `CaseUpdatedDetail`.
 * @fires {CobrowseStartedEvent} cobrowse-started - The contact accepted co-browsing: their page shows in the "Co-browse" region. `detail`: `CobrowseStartedDetail`.
 * @fires {CobrowseEndedEvent} cobrowse-ended - A co-browse stopped ("End co-browse", the contact, or the chat ended). `detail`: `CobrowseEndedDetail`.
 * @fires {NewEngagementRequestedEvent} new-engagement-requested - Cancelable: the agent pressed New engagement; `preventDefault()` keeps the built-in dialog closed. `detail`: `NewEngagementRequestedDetail`.
 * @fires {ConnectionChangedEvent} connection-changed - The connection to the contact center changed (connecting, connected, reconnecting, offline); the workspace shows it too. `detail`: `ConnectionChangedDetail`.
 * @fires {AssistAppOpenedEvent} assist-app-opened - An agent assist app was shown for a chat (the panel opened, the agent chose the app, or the chat changed). `detail`: `AssistAppOpenedDetail`.
 *
 * @slot header-end - Host content at the end of the header, after the workspace's own buttons (a CRM's phone or status controls).
 * @slot chat-actions - Host actions in the active chat's header, after Transfer, Copy and End chat (the chat is the one of `chat-activated`).
 * @slot beside - Host content in a column beside the active chat (a row below it in a narrow workspace), for instance the CRM's record of the contact.
 * @slot empty - What the workspace shows when no chat is open, instead of its own line.
 *
 * @csspart base - The workspace's frame.
 * @csspart header - The bar with the agent state.
 * @csspart offers - The stack of chat offers.
 * @csspart errors - The problems the agent should know about: one summary line, the list on demand.
 * @csspart error-list - The list of every kept problem, opened with "Details".
 * @csspart connection - The line that says the connection is being restored, or lost.
 * @csspart tabs - The vertical list of contact tabs.
 * @csspart panel - The active chat: its header, actions, launch area, transcript and composer.
 * @csspart conversation - The active chat's transcript.
 * @csspart composer - The active chat's message box.
 * @csspart quick-replies - The quick-reply panel and its ">>" button.
 * @csspart wrap-up - The after-contact form of an ended chat.
 * @csspart advanced - The chat's case and co-browse (`advancedChat`): the "Case" and "Co-browse" regions.
 * @csspart shortcuts-button - The header's "Keyboard shortcuts" button.
 * @csspart shortcut-help - The keyboard-shortcut help, a modal dialog.
 * @csspart assist - The "Agent assist" panel at the right of the chat (an overlay in a narrow workspace).
 * @csspart assist-button - The header's "Agent assist" button, which hides and shows the panel.
 * @csspart beside - The column around the host's `beside` content.
 * @csspart empty - What shows when no chat is open.
 *
 * @cssprop --cw-beside-width - Width of the host's `beside` column (280px; 240px beside the assist panel).
 * @cssprop --cw-font-family - Font of the whole workspace.
 * @cssprop --cw-font-size - Base font size.
 * @cssprop --cw-color-text - Main text colour.
 * @cssprop --cw-color-text-muted - Secondary text colour.
 * @cssprop --cw-color-surface - Background of cards and panels.
 * @cssprop --cw-color-surface-raised - Background of the workspace frame and quiet areas.
 * @cssprop --cw-color-border - Borders and dividers.
 * @cssprop --cw-color-accent - Primary actions, focus and highlights.
 * @cssprop --cw-color-accent-text - Text on the accent colour.
 * @cssprop --cw-color-danger - Errors.
 * @cssprop --cw-color-available - The Available state dot.
 * @cssprop --cw-color-refused - The Refused state dot and hint.
 * @cssprop --cw-radius - Corner radius of cards.
 * @cssprop --cw-space - The spacing unit.
 */
@localized()
export class ChatWorkspace extends LitElement {
  static override styles = [styles, shortcutHelpStyles, assistStyles];

  /** The session to show, shared with every element inside through context. */
  @provide({ context: sessionContext })
  @property({ attribute: false })
  session?: ChatSession;

  /** The "/" quick-reply search between the active chat's composer and the quick-reply panel. */
  @provide({ context: quickReplySearchContext })
  protected readonly quickReplySearch = new QuickReplySearch();

  /** How quick replies and assist apps write into the composer: `composeMessage`. */
  @provide({ context: composeTextContext })
  protected readonly composeText: ComposeText = (text, chatId) => this.composeMessage(text, chatId);

  /** The workspace tells the host page what happens: the elements inside need not. */
  @provide({ context: workspaceRelayContext })
  protected readonly relaysHostEvents = true;

  /** Plays a short chime when a chat is offered. */
  @property({ type: Boolean, reflect: true, attribute: 'offer-sound' }) offerSound = false;

  /**
   * Plays the offer chime again every so many milliseconds (at least 2000) until every
   * offer is answered, withdrawn or expired; with `offer-sound` only. The attribute alone
   * (`offer-sound-repeat`) repeats every 5000 ms; 0, the default, plays it once.
   */
  @property({
    attribute: 'offer-sound-repeat',
    converter: { fromAttribute: (value) => (value === null ? 0 : value.trim() === '' ? 5000 : Number(value) || 0) },
  })
  offerSoundRepeat = 0;

  /**
   * Shows a desktop notification when a chat is offered; a click on it brings the window
   * forward and focuses the offer's Accept. Permission is asked when the agent chooses
   * Available in the state control.
   */
  @property({ type: Boolean, reflect: true, attribute: 'offer-notifications' }) offerNotifications = false;

  /**
   * Keyboard shortcuts, working while the focus is anywhere in the workspace. Map an action
   * to a key combination to change it, or to `false` or `null` to turn it off; actions left
   * out keep their default. `false` turns them all off. Actions and defaults: `acceptOffer`
   * Alt+Shift+O (the oldest offer), `rejectOffer` Alt+Shift+R, `nextChat` Alt+Shift+N,
   * `previousChat` Alt+Shift+P, `focusComposer` Alt+Shift+M, `quickReplies` Alt+Shift+Q,
   * `transfer` Alt+Shift+X, `endChat` Alt+Shift+E (twice, as the button), `help` Alt+Shift+H.
   * A combination is modifiers (`Alt`, `Shift`, `Ctrl`, `Meta`) and a letter, digit or
   * `KeyboardEvent.code`, joined by "+", such as `"Alt+Shift+K"`; keys are matched by position
   * (`event.code`), so they work the same on every layout.
   */
  @property({ attribute: false }) shortcuts: WorkspaceShortcuts | false | null = {};

  /**
   * `light`, `dark`, or `auto` to follow the reader's colour scheme. Reflected, as it
   * is a styling hook.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * The order of the contact tabs: `accepted` (the default: as the chats came), or
   * `longest-wait`: the contacts who have waited longest for a reply first, then the others.
   */
  @property({ attribute: 'tab-order' }) tabOrder: 'accepted' | 'longest-wait' = 'accepted';

  /** The narrow layout (tabs as a strip above the chat) at any width; it also applies by itself below 520 px. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Whether the list of problems is open under their summary line. */
  @state() private errorDetailsOpen = false;

  private readonly errorActions = {
    dismiss: (id: number) => this.session?.dismissError(id),
    dismissAll: () => {
      this.errorDetailsOpen = false;
      this.session?.dismissAllErrors();
    },
    toggleDetails: () => (this.errorDetailsOpen = !this.errorDetailsOpen),
  };

  /** Tabs scrolled out of sight on either side, which a count and a button point to. */
  @state() private hiddenTabs = { before: 0, after: 0 };

  /** Whether the workspace is narrower than `NARROW_WIDTH`, as a side panel often is. */
  @state() private narrow = false;

  /** Whether the host put content in the `beside` slot. */
  @state() private hasBeside = false;

  /** Whether the workspace is too narrow for the assist panel beside the chat (`ASSIST_BESIDE_WIDTH`). */
  @state() private assistOverlays = false;
  private shownActiveChatId?: string;
  private readonly resizeObserver = new ResizeObserver(([entry]) => {
    if (entry) this.narrow = entry.contentRect.width < NARROW_WIDTH;
    if (entry) this.assistOverlays = entry.contentRect.width < ASSIST_BESIDE_WIDTH;
    this.countHiddenTabs();
  });

  private readonly hostEvents = new HostEventsController(this, {
    chatAccepted: () => {
      // Over the chat, the panel takes the focus the composer would (it is behind the panel).
      if (this.assist.chatAccepted(this.compact || this.narrow || this.assistOverlays)) void this.keepFocus(() => this.assist.focusTarget());
      else void this.keepFocus(() => this.renderRoot.querySelector<HTMLElement>('chat-composer'));
    },
    chatLeft: () => void this.afterChatLeft(),
    chatEnded: (chatId) => void this.afterChatEnded(chatId),
    lastOfferRefused: () => void this.keepFocus(() => this.renderRoot.querySelector<HTMLElement>('agent-state-control')),
  });

  private readonly assist = new AssistController(this);
  private readonly offerAlerts = new OfferAlertsController(this);
  private readonly shortcutKeys = new WorkspaceShortcutsController(this);
  private readonly shortcutHelp = new ShortcutHelp(this);

  private readonly chatIds = new SessionController(
    this,
    (session) => session.select((state) => tabOrderOf(state.chats, this.tabOrder), shallowEqual),
    { dependsOn: () => [this.tabOrder] },
  );

  private readonly shown = new SessionController(this, (session) =>
    session.select((state): WorkspaceView => {
      const active = selectActiveChat(state);
      return {
        activeChatId: active?.id,
        contactName: contactName(active?.contact.name ?? ''),
        ended: active?.status === 'ended',
        skill: active?.skill ?? '',
        available: state.agent.state === 'Available',
        capacity: state.configuration.maxConcurrentChats,
        assistApps: state.configuration.assistApps.length,
        errors: state.errors,
        connection: state.connection,
        connectionReason: state.connectionReason,
        connectionCause: state.connectionCause,
      };
    }, shallowEqual),
  );

  constructor() {
    super();
    new LangController(this);
    // Arrows, Home and End move between the contact tabs; Tab enters the tablist on the active chat.
    new FocusGroupController<HTMLElement & { chatId: string }>(this, {
      items: () => Array.from(this.renderRoot.querySelectorAll('[role="tablist"] > contact-tab')),
      // Vertical beside the chat, horizontal as a strip: both arrow pairs work either way.
      direction: 'both',
      isCurrent: (tab) => tab.chatId === this.session?.state.activeChatId,
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  override render() {
    const view = this.shown.value;
    return html`
      <div part="base" class="workspace">
        ${this.renderHeader(view)}
        ${renderConnection(view?.connection ?? 'connected', view?.connectionReason, view?.connectionCause)}
        ${view ? renderErrors(view.errors, this.errorDetailsOpen, this.errorActions) : nothing}
        <div class="stage">
          <offer-prompt part="offers" class="offers"></offer-prompt>
          ${view?.activeChatId ? this.renderBody(view, view.activeChatId) : this.renderEmpty(view)}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${this.hostEvents.backgroundNews}</div>
        <transfer-dialog></transfer-dialog>
        <new-engagement-dialog></new-engagement-dialog>
        ${this.shortcutHelp.render(this.shortcutKeys.bindings)}
      </div>
    `;
  }

  private renderHeader(view: WorkspaceView | undefined) {
    const chatCount = this.chatIds.value?.length ?? 0;
    return html`<header part="header">
      <h2>${msg('Chats')}</h2>
      ${view ? html`<span class="load" title=${msg('Open chats and capacity')}>${chatCount}/${view.capacity}</span>` : nothing}
      <agent-state-control @change=${this.onStateChosen}></agent-state-control>
      ${view?.activeChatId && view.assistApps > 0 ? this.assist.renderButton() : nothing}
      ${this.renderShortcutsButton()}
      <slot name="header-end"></slot>
    </header>`;
  }

  /** The open chats: the tabs, the active chat's panel, the host's content beside it and the assist panel. */
  private renderBody(view: WorkspaceView, chatId: string) {
    const compact = this.compact || this.narrow;
    const assist = view.assistApps > 0;
    const assistOverlay = compact || this.assistOverlays;
    const classes = [
      'body',
      compact ? 'compact' : '',
      assist && this.assist.open && !assistOverlay ? 'with-assist' : '',
      this.hasBeside ? 'with-beside' : '',
    ];
    return html`<div class=${classes.filter(Boolean).join(' ')} @pointerdown=${this.assist.pressOutside}>
      ${this.renderTabRail(compact)}
      ${this.renderChatPanel(view, chatId)}
      <div part="beside" class="beside" ?hidden=${!this.hasBeside}>
        <slot name="beside" @slotchange=${this.onBesideChange}></slot>
      </div>
      ${assist ? this.assist.render(chatId, assistOverlay) : nothing}
    </div>`;
  }

  private renderTabRail(compact: boolean) {
    const chatIds = this.chatIds.value ?? [];
    return html`<div class="tab-rail">
      ${renderHiddenTabs(this.hiddenTabs.before, 'before', compact, this.scrollTabs)}
      <div
        part="tabs"
        class="tabs"
        role="tablist"
        aria-orientation=${compact ? 'horizontal' : 'vertical'}
        aria-label=${msg('Chats')}
        @scroll=${this.countHiddenTabs}
      >
        ${repeat(chatIds, (id) => id, (id) => html`<contact-tab chat-id=${id} ?compact=${compact}></contact-tab>`)}
      </div>
      ${renderHiddenTabs(this.hiddenTabs.after, 'after', compact, this.scrollTabs)}
    </div>`;
  }

  private renderChatPanel(view: WorkspaceView, chatId: string) {
    return html`<section part="panel" class="panel" role="tabpanel" aria-label=${view.contactName}>
      <div class="chat-head">
        <div class="who">
          <h3><bdi>${view.contactName}</bdi></h3>
          <span class="skill">${view.skill}</span>
        </div>
        <div class="head-actions">
          <chat-actions chat-id=${chatId} @transfer-dialog-requested=${this.openTransfer}></chat-actions>
          <slot name="chat-actions"></slot>
        </div>
      </div>
      <launch-area chat-id=${chatId} @new-engagement-requested=${this.openEngagement}></launch-area>
      <advanced-chat part="advanced" chat-id=${chatId}></advanced-chat>
      <chat-conversation part="conversation" chat-id=${chatId}></chat-conversation>
      ${view.ended
        ? html`<disposition-form part="wrap-up" chat-id=${chatId}></disposition-form>`
        : html`<div class="compose">
            <quick-reply-panel part="quick-replies" placement="above" chat-id=${chatId}></quick-reply-panel>
            <chat-composer part="composer" chat-id=${chatId}></chat-composer>
          </div>`}
    </section>`;
  }

  private renderEmpty(view: WorkspaceView | undefined) {
    return html`<div part="empty" class="empty">
      <slot name="empty">
        <p>
          ${view?.available
            ? msg('You are available. New chats will appear here.')
            : msg('No chats yet. Choose Available to receive chats.')}
        </p>
      </slot>
    </div>`;
  }

  /** Whether the host put content in the `beside` slot: the body then gives it a column. */
  private readonly onBesideChange = (event: Event): void => {
    this.hasBeside = (event.target as HTMLSlotElement).assignedElements().length > 0;
  };

  /** Shows the agent assist panel, or hides it, as its header button does. */
  toggleAssist(): void {
    this.assist.toggle();
  }

  private renderShortcutsButton() {
    const help = this.shortcutKeys.comboFor('help');
    if (this.shortcutKeys.bindings.length === 0) return nothing;
    return html`<button
      part="shortcuts-button"
      class="shortcuts-button"
      type="button"
      aria-label=${msg('Keyboard shortcuts')}
      title=${help ? `${msg('Keyboard shortcuts')} (${help})` : msg('Keyboard shortcuts')}
      aria-keyshortcuts=${help ?? nothing}
      aria-haspopup="dialog"
      @click=${() => void this.shortcutHelp.show()}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <rect x="1.5" y="4.5" width="17" height="11" rx="2" fill="none" stroke="currentColor" stroke-width="1.5" />
        <path d="M5 8h1M9.5 8h1M14 8h1M5 12h10" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
      </svg>
    </button>`;
  }

  /** Opens the keyboard-shortcut help, or closes it when it is open; focus goes back where it was on closing. */
  toggleShortcutHelp(): void {
    this.shortcutHelp.toggle();
  }

  /**
   * Brings a chat offer into view and focuses its Accept button, as a click on its desktop
   * notification does. Resolves `false` when the chat is not offered to this agent.
   */
  async focusOffer(chatId: string): Promise<boolean> {
    if (!this.session?.state.offers.some((offer) => offer.chatId === chatId)) return false;
    await this.updateComplete;
    const prompt = this.renderRoot.querySelector('offer-prompt');
    if (!prompt) return false;
    await prompt.updateComplete;
    const acceptOf = () => {
      const root = prompt.shadowRoot;
      const offer =
        root?.querySelector(`[part~="offer"][data-chat-id="${CSS.escape(chatId)}"]`) ??
        root?.getElementById(`offer-${chatId}`)?.closest('[part~="offer"]');
      return offer?.querySelector<HTMLElement>('[part~="accept"]');
    };
    let accept = acceptOf();
    const more = prompt.shadowRoot?.querySelector<HTMLElement>('[part~="more"]');
    if (!accept && more) {
      // Behind "+N more": shown first.
      more.click();
      await prompt.updateComplete;
      accept = acceptOf();
    }
    accept?.scrollIntoView({ block: 'nearest' });
    accept?.focus();
    return accept !== undefined && accept !== null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const activeChatId = this.shown.value?.activeChatId;
    if (activeChatId !== this.shownActiveChatId) {
      this.shownActiveChatId = activeChatId;
      // However many chats there are, the one shown has its tab in sight.
      const tabs = Array.from(this.renderRoot.querySelectorAll<ContactTab>('contact-tab'));
      // Once the tabs have their size: a new tab is empty until it renders.
      void Promise.all(tabs.map((tab) => tab.updateComplete)).then(() => {
        tabs.find((tab) => tab.chatId === activeChatId)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        this.countHiddenTabs();
      });
    }
    this.countHiddenTabs();
  }

  /** Counts the tabs out of sight before and after the visible part of the list. */
  private readonly countHiddenTabs = (): void => {
    const list = this.renderRoot.querySelector<HTMLElement>('[role="tablist"]');
    const next = list ? hiddenTabsOf(list) : { before: 0, after: 0 };
    if (next.before !== this.hiddenTabs.before || next.after !== this.hiddenTabs.after) this.hiddenTabs = next;
  };

  /** Brings the next hidden tabs on one side into sight. */
  private readonly scrollTabs = (side: 'before' | 'after'): void => {
    const list = this.renderRoot.querySelector<HTMLElement>('[role="tablist"]');
    if (!list) return;
    const horizontal = list.getAttribute('aria-orientation') === 'horizontal';
    const page = (horizontal ? list.clientWidth : list.clientHeight) * 0.8;
    const by = side === 'after' ? page : -page;
    list.scrollBy(horizontal ? { left: by, behavior: 'smooth' } : { top: by, behavior: 'smooth' });
  };

  /** Puts the cursor in the active chat's message box. */
  focusComposer(): void {
    this.renderRoot.querySelector<HTMLElement>('chat-composer')?.focus();
  }

  /** Shows a chat of the workspace and puts the cursor in its message box. Resolves `false` for an unknown chat. */
  async focusChat(chatId: string): Promise<boolean> {
    if (!this.session?.state.chats.some((chat) => chat.id === chatId)) return false;
    this.session.activateChat(chatId);
    await this.updateComplete;
    await this.renderRoot.querySelector('chat-composer')?.updateComplete;
    this.focusComposer();
    return true;
  }

  /**
   * Writes text into a chat's message box (the active one by default) at the caret,
   * without sending it, for a CRM that prepares an answer. Resolves `false` when there
   * is no such chat in progress.
   */
  async composeMessage(text: string, chatId = this.session?.state.activeChatId): Promise<boolean> {
    const chat = this.session?.state.chats.find((candidate) => candidate.id === chatId);
    if (!chat || chat.status !== 'active' || !(await this.focusChat(chat.id))) return false;
    this.renderRoot.querySelector('chat-composer')?.insertText(text);
    return true;
  }

  /** Sets the agent's state, as the agent state control does. */
  setAgentState(state: SelectableAgentState): Promise<CommandResult> {
    return this.session?.setAgentState(state) ?? Promise.resolve({ ok: false, reason: 'The workspace has no session.' });
  }

  // Both requests are cancelable and bubble out to the page: the dialog opens once every
  // listener had its turn, unless the host took the request over with preventDefault().
  private readonly openTransfer = (event: CustomEvent<{ chatId: string }>): void => {
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.renderRoot.querySelector('transfer-dialog')?.show(event.detail.chatId);
    });
  };

  private readonly openEngagement = (event: CustomEvent<{ chatId: string }>): void => {
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.renderRoot.querySelector('new-engagement-dialog')?.show(event.detail.chatId);
    });
  };

  /**
   * A chat left (transferred, or saved and closed). When the agent was working in it, focus
   * goes to the tab now shown, or to the agent state when no chat is left: never the page,
   * and never the next customer's Transfer button, which now stands where the old one was.
   */
  private async afterChatLeft(): Promise<void> {
    await this.updateComplete;
    // The transfer dialog gives focus back to its opener as it closes; move on from there.
    await this.renderRoot.querySelector('transfer-dialog')?.whenClosed();
    if (!this.focusWasOnTheChat()) return;
    const tab = this.renderRoot.querySelector<HTMLElement>('contact-tab[aria-selected="true"]');
    (tab ?? this.renderRoot.querySelector<HTMLElement>('agent-state-control'))?.focus();
  }

  /** The agent confirmed End chat in the chat shown: the after-contact form takes the focus. */
  private async afterChatEnded(chatId: string): Promise<void> {
    if (this.session?.state.activeChatId !== chatId) return;
    await this.updateComplete;
    if (!this.focusWasOnTheChat()) return;
    const form = this.renderRoot.querySelector<HTMLElement>('disposition-form');
    await (form as (HTMLElement & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
    form?.focus();
  }

  /** Whether focus is in the chat's panel or its dialogs, or lost (on the page, or on a control gone). */
  private focusWasOnTheChat(): boolean {
    const active = this.shadowRoot?.activeElement;
    if (!active || !active.isConnected) return true;
    return active.closest('.panel') !== null || CHAT_DIALOGS.has(active.localName);
  }

  /** Moves focus on when the control that had it goes away (an answered offer). */
  private async keepFocus(target: () => HTMLElement | null | undefined | Promise<HTMLElement | null | undefined>): Promise<void> {
    if (this.shadowRoot?.activeElement?.localName !== 'offer-prompt') return;
    await this.updateComplete;
    (await target())?.focus();
  }

  private readonly onStateChosen = (event: Event): void => {
    this.offerAlerts.stateChosen((event.currentTarget as AgentStateControl).value);
  };
}
