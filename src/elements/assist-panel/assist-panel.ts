import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FocusGroupController } from '../../controllers/focus-group-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { emit } from '../../events/workspace-events.js';
import { SessionElement } from '../../internal/session-element.js';
import type { AssistApp, QuickReply } from '../../protocol/types.js';
import { chatVariables } from '../../session/chat-variables.js';
import { shallowEqual } from '../../session/selectors.js';
import { consume } from '@lit/context';
import { composeTextContext, type ComposeText } from '../../controllers/quick-reply-search.js';
import type { Chat } from '../../session/state.js';
import { assistAppUrl, isCustomElementName, type AssistApi, type AssistAppElement, type AssistChat } from './assist-app.js';
import { styles } from './assist-panel.styles.js';

export type { ComposeText } from '../../controllers/quick-reply-search.js';

interface AssistView {
  chat: Chat | undefined;
  apps: readonly AssistApp[];
  quickReplies: readonly QuickReply[];
  variables: Readonly<Record<string, string | undefined>>;
}

const viewsEqual = (a: AssistView, b: AssistView) =>
  a.apps === b.apps &&
  a.quickReplies === b.quickReplies &&
  shallowEqual(a.variables, b.variables) &&
  a.chat?.id === b.chat?.id &&
  a.chat?.contact === b.chat?.contact &&
  a.chat?.skill === b.chat?.skill &&
  a.chat?.status === b.chat?.status &&
  a.chat?.messages === b.chat?.messages;

/**
 * @tagname assist-panel
 * @summary The agent assist apps (R16) for one chat: a tab per configured app, and the
 * app shown. A custom-element app (`tag`) gets `chat` and a read-only `assist` API; a URL
 * app is a sandboxed frame (scripts, forms and popups, never same-origin) with `chatId`,
 * `contact` and `skill` in its query string. `<chat-workspace>` shows it in its "Agent
 * assist" panel.
 *
 * @fires {AssistAppOpenedEvent} assist-app-opened - An app was shown for a chat: the panel opened, the agent chose its tab, or the chat changed. `detail`: `AssistAppOpenedDetail`.
 *
 * @csspart tabs - The list of the apps' tabs.
 * @csspart tab - One app's tab.
 * @csspart app - The area of the app shown.
 * @csspart frame - The sandboxed frame of a URL app.
 */
export class AssistPanel extends SessionElement {
  static override styles = styles;

  /** The chat the apps are about. */
  @property({ attribute: 'chat-id' }) chatId = '';

  /** Whether the agent can see the panel; `assist-app-opened` fires only while it is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * How `assist.insertText()` writes into the message box. Inside `<chat-workspace>` the
   * workspace's `composeMessage` (what quick replies use too); set it when the panel stands
   * alone. Without either, apps cannot insert.
   */
  @property({ attribute: false }) compose?: ComposeText;

  @consume({ context: composeTextContext })
  private providedCompose?: ComposeText;

  @state() private selectedAppId?: string;

  private readonly shown = new SessionController(
    this,
    (session) =>
      session.select((state): AssistView => {
        const chat = state.chats.find((candidate) => candidate.id === this.chatId);
        const { assistApps: apps, quickReplies } = state.configuration;
        return { chat, apps, quickReplies, variables: chatVariables(state, chat) };
      }, viewsEqual),
    { dependsOn: () => [this.chatId] },
  );

  /** The custom-element apps created so far, by app id: they keep their state across tabs and chats. */
  private readonly appElements = new Map<string, AssistAppElement>();
  private shownView?: AssistView;
  private context?: { chat: AssistChat; assist: AssistApi };
  private openedKey = '';

  constructor() {
    super();
    new FocusGroupController<HTMLElement>(this, {
      items: () => Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')),
      direction: 'both',
    });
  }

  /** The app shown: the one the agent chose, else the first. */
  get selectedApp(): AssistApp | undefined {
    const apps = this.shown.value?.apps ?? [];
    return apps.find((app) => app.id === this.selectedAppId) ?? apps[0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const view = this.shown.value;
    if (view === this.shownView) return;
    this.shownView = view;
    this.context = view?.chat ? this.contextFor(view.chat, view) : undefined;
    for (const element of this.appElements.values()) this.give(element);
  }

  override render() {
    const view = this.shown.value;
    const selected = this.selectedApp;
    if (!view || view.apps.length === 0) return html`<p class="none">${msg('No agent assist app is configured.')}</p>`;
    return html`
      <div part="tabs" class="tabs" role="tablist" aria-label=${msg('Agent assist apps')}>
        ${view.apps.map(
          (app, index) => html`<button
            part="tab"
            role="tab"
            type="button"
            id="tab-${index}"
            aria-selected=${app === selected ? 'true' : 'false'}
            aria-controls="app"
            @click=${() => this.select(app.id)}
          >
            ${app.title}
          </button>`,
        )}
      </div>
      <div part="app" class="app" id="app" role="tabpanel" aria-labelledby="tab-${view.apps.indexOf(selected as AssistApp)}">
        ${selected ? this.renderApp(selected) : nothing}
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const app = this.selectedApp;
    const chatId = this.context?.chat.id;
    const key = this.open && app && chatId ? `${app.id}\n${chatId}` : '';
    if (key === this.openedKey) return;
    this.openedKey = key;
    if (app && chatId && key) emit(this, 'assist-app-opened', { appId: app.id, title: app.title, chatId });
  }

  private renderApp(app: AssistApp) {
    const context = this.context;
    if (!context) return html`<p class="none">${msg('Accept a chat to see its assist apps.')}</p>`;
    if (app.tag) {
      if (!isCustomElementName(app.tag)) return html`<p class="none">${msg('This app cannot be shown.')}</p>`;
      return this.elementFor(app.id, app.tag);
    }
    const src = assistAppUrl(app, context.chat);
    if (!src) return html`<p class="none">${msg('This app cannot be shown.')}</p>`;
    // No allow-same-origin: the page runs as an opaque origin, away from the workspace's.
    return html`<iframe
      part="frame"
      title=${app.title}
      src=${src}
      sandbox="allow-scripts allow-forms allow-popups"
      referrerpolicy="no-referrer"
    ></iframe>`;
  }

  private elementFor(appId: string, tag: string): AssistAppElement {
    let element = this.appElements.get(appId);
    if (!element || element.localName !== tag) {
      element = document.createElement(tag) as AssistAppElement;
      this.appElements.set(appId, element);
      this.give(element);
    }
    return element;
  }

  private give(element: AssistAppElement): void {
    element.chat = this.context?.chat;
    element.assist = this.context?.assist;
  }

  private contextFor(chat: Chat, view: AssistView): { chat: AssistChat; assist: AssistApi } {
    const assistChat: AssistChat = Object.freeze({
      id: chat.id,
      contact: Object.freeze({ ...chat.contact }),
      skill: chat.skill,
      status: chat.status,
      messages: Object.freeze(chat.messages.map(({ id, from, text, at, authorName }) =>
        Object.freeze({ id, from, text, at, ...(authorName === undefined ? {} : { authorName }) }),
      )),
    });
    const assist: AssistApi = Object.freeze({
      insertText: (text: string) => (this.compose ?? this.providedCompose)?.(String(text), chat.id) ?? Promise.resolve(false),
      variables: Object.freeze({ ...view.variables }),
      quickReplies: view.quickReplies,
    });
    return { chat: assistChat, assist };
  }

  private select(appId: string): void {
    this.selectedAppId = appId;
  }
}
