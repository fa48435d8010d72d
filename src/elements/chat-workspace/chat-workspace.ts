import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LangController } from '../../controllers/lang-controller.js';
import { FocusGroupController } from '../../controllers/focus-group-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import type { SelectableAgentState } from '../../protocol/types.js';
import type { ChatSession, CommandResult } from '../../session/chat-session.js';
import { shallowEqual } from '../../session/selectors.js';
import {
  QuickReplySearch,
  composeTextContext,
  quickReplySearchContext,
  type ComposeText,
} from '../../controllers/quick-reply-search.js';
import { sessionContext, workspaceRelayContext } from '../../session/session-context.js';
import { HostEventsController } from './host-events.js';
import { OfferAlertsController } from './offer-alerts-controller.js';
import { ShortcutHelp } from './shortcut-help.js';
import { WorkspaceShortcutsController, type WorkspaceShortcuts } from './workspace-shortcuts.js';
import type { AgentStateControl } from '../agent-state-control/agent-state-control.js';
import { renderConnection } from './connection-status.js';
import { TabRail } from './tab-rail.js';
import { focusOfferAccept } from './offer-focus.js';
import { selectWorkspaceView, type WorkspaceView } from './workspace-view.js';
import { WorkspaceFocus } from './workspace-focus.js';
import { styles } from './chat-workspace.styles.js';
import { CHAT_PARTS, OnDemandElements, OnDemandPart } from './on-demand.js';
import { WorkspaceDialogs } from './workspace-dialogs.js';
import { renderChatPanel, renderEmpty } from './workspace-panel.js';
import { completeAfterLoads, prefetchFor } from './workspace-readiness.js';
import { afterLocaleLoads } from '../../i18n/localization.js';

/** Below this width (px) the workspace switches to its narrow layout. */
export const NARROW_WIDTH = 520;

/** Below this width (px) the agent assist panel overlays the chat instead of taking a column beside it. */
export const ASSIST_BESIDE_WIDTH = 700;

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
  static override styles = styles;

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

  /** Whether the workspace is narrower than `NARROW_WIDTH`, as a side panel often is. */
  @state() private narrow = false;

  /** Whether the host put content in the `beside` slot. */
  @state() private hasBeside = false;

  /** Whether the workspace is too narrow for the assist panel beside the chat (`ASSIST_BESIDE_WIDTH`). */
  @state() private assistOverlays = false;
  private readonly resizeObserver = new ResizeObserver(([entry]) => {
    if (entry) this.narrow = entry.contentRect.width < NARROW_WIDTH;
    if (entry) this.assistOverlays = entry.contentRect.width < ASSIST_BESIDE_WIDTH;
    this.tabRail.countHidden();
  });

  private readonly focusMoves = new WorkspaceFocus(this);
  /** The dialogs, the after-contact form, quick replies, assist and advanced chat: loaded when first needed. */
  // The update under way alone (Lit's promise), for what `getUpdateComplete()` itself waits for.
  private readonly onDemand = new OnDemandElements(this, () => super.getUpdateComplete());
  private readonly dialogs = new WorkspaceDialogs(this, this.onDemand);
  /** The error summary, loaded once there is a problem to show. */
  private readonly errors = new OnDemandPart(this.onDemand, () =>
    import('./workspace-errors.js').then(({ WorkspaceErrors }) => new WorkspaceErrors(this)),
  );
  private readonly hostEvents = new HostEventsController(this, {
    chatAccepted: () => {
      // Over the chat, the panel takes the focus the composer would (it is behind the panel).
      const assist = this.assist.value;
      if (assist?.chatAccepted(this.compact || this.narrow || this.assistOverlays)) {
        void this.focusMoves.fromAnsweredOffer(() => this.onDemand.load('assist-panel').then(() => assist.focusTarget()));
      } else {
        void this.focusMoves.fromAnsweredOffer(() => this.renderRoot.querySelector<HTMLElement>('chat-composer'));
      }
    },
    chatLeft: () => void this.focusMoves.afterChatLeft(),
    chatEnded: (chatId) => {
      if (this.session?.state.activeChatId !== chatId) return;
      // The form is loaded ahead (willUpdate); should the chat end first, focus waits for it.
      void this.onDemand.load('disposition-form').then(() => this.focusMoves.afterChatEnded());
    },
    lastOfferRefused: () => void this.focusMoves.fromAnsweredOffer(() => this.renderRoot.querySelector<HTMLElement>('agent-state-control')),
  });

  /** The assist panel's button and frame, loaded with their styles when the configuration has assist apps. */
  private readonly assist = new OnDemandPart(this.onDemand, () =>
    import('./assist-controller.js').then(({ AssistController }) => new AssistController(this)),
  );
  private readonly offerAlerts = new OfferAlertsController(this, this.onDemand);
  private readonly shortcutKeys = new WorkspaceShortcutsController(this);
  private readonly shortcutHelp = new ShortcutHelp(this, this.onDemand);

  private readonly tabRail = new TabRail(this);

  private readonly shown = new SessionController(this, (session) => session.select(selectWorkspaceView, shallowEqual));

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

  /** The first render waits for the locale's catalogue (loaded on demand), so the workspace never shows in English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterLocaleLoads(() => super.scheduleUpdate());
  }

  /**
   * Complete means what the update asked for is shown: the elements it loads on demand are
   * in and rendered, a dialog it opens is open, the locale's catalogue is in.
   */
  protected override getUpdateComplete(): Promise<boolean> {
    return completeAfterLoads(this, this.onDemand, () => super.getUpdateComplete());
  }

  /** Loads the parts the session's configuration and chats will soon need, before they show. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const view = this.shown.value;
    if (view) prefetchFor(view, this.onDemand, { errors: this.errors, assist: this.assist });
  }

  override render() {
    const view = this.shown.value;
    return html`
      <div part="base" class="workspace">
        ${this.renderHeader(view)}
        ${renderConnection(view?.connection ?? 'connected', view?.connectionReason, view?.connectionCause)}
        ${view && this.errors.value ? this.errors.value.render(view.errors) : nothing}
        <div class="stage">
          ${this.onDemand.has('offer-prompt') ? html`<offer-prompt part="offers" class="offers"></offer-prompt>` : nothing}
          ${view?.activeChatId ? this.renderChats(view, view.activeChatId) : renderEmpty(view)}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${this.hostEvents.backgroundNews}</div>
        ${this.onDemand.has('transfer-dialog') ? html`<transfer-dialog></transfer-dialog>` : nothing}
        ${this.onDemand.has('new-engagement-dialog') ? html`<new-engagement-dialog></new-engagement-dialog>` : nothing}
        ${this.shortcutHelp.render(this.shortcutKeys.bindings)}
      </div>
    `;
  }

  private renderHeader(view: WorkspaceView | undefined) {
    const chatCount = this.tabRail.count;
    return html`<header part="header">
      <h2>${msg('Chats')}</h2>
      ${view ? html`<span class="load" title=${msg('Open chats and capacity')}>${chatCount}/${view.capacity}</span>` : nothing}
      <agent-state-control @change=${this.onStateChosen}></agent-state-control>
      ${view?.activeChatId ? this.shownAssist(view)?.renderButton() : nothing}
      ${this.shortcutHelp.renderButton(this.shortcutKeys.comboFor('help'), this.shortcutKeys.bindings.length > 0)}
      <slot name="header-end"></slot>
    </header>`;
  }

  /** The open chats, once their parts are registered: never a chat with empty parts filling in. */
  private renderChats(view: WorkspaceView, chatId: string) {
    return CHAT_PARTS.every((tag) => this.onDemand.has(tag)) ? this.renderBody(view, chatId) : nothing;
  }

  /** The open chats: the tabs, the active chat's panel, the host's content beside it and the assist panel. */
  private renderBody(view: WorkspaceView, chatId: string) {
    const compact = this.compact || this.narrow;
    const assist = this.shownAssist(view);
    const assistOverlay = compact || this.assistOverlays;
    const classes = [
      'body',
      compact ? 'compact' : '',
      assist?.open && !assistOverlay ? 'with-assist' : '',
      this.hasBeside ? 'with-beside' : '',
    ];
    return html`<div class=${classes.filter(Boolean).join(' ')} @pointerdown=${assist?.pressOutside}>
      ${this.tabRail.render(compact)}
      ${renderChatPanel(view, chatId, { has: (tag) => this.onDemand.has(tag), dialogs: this.dialogs })}
      <div part="beside" class="beside" ?hidden=${!this.hasBeside}>
        <slot name="beside" @slotchange=${this.onBesideChange}></slot>
      </div>
      ${assist ? assist.render(chatId, assistOverlay) : nothing}
    </div>`;
  }

  /** Whether the host put content in the `beside` slot: the body then gives it a column. */
  private readonly onBesideChange = (event: Event): void => {
    this.hasBeside = (event.target as HTMLSlotElement).assignedElements().length > 0;
  };

  /** The assist panel's controller, when the configuration has assist apps and the panel and its frame are loaded. */
  private shownAssist(view: WorkspaceView) {
    return view.assistApps > 0 && this.onDemand.has('assist-panel') ? this.assist.value : undefined;
  }

  /** Shows the agent assist panel, or hides it, as its header button does. */
  toggleAssist(): void {
    this.assist.load().then((assist) => assist.toggle(), () => undefined);
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
    return prompt ? focusOfferAccept(prompt, chatId) : false;
  }


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

  private readonly onStateChosen = (event: Event): void => {
    this.offerAlerts.stateChosen((event.currentTarget as AgentStateControl).value);
  };
}
