import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { OnDemandTag } from './on-demand.js';
import type { WorkspaceDialogs } from './workspace-dialogs.js';
import type { WorkspaceView } from './workspace-view.js';

/** What the active chat's panel needs of the workspace. */
export interface PanelContext {
  /** Whether an element loaded on demand is registered (rendered only then). */
  has: (tag: OnDemandTag) => boolean;
  dialogs: WorkspaceDialogs;
}

/** The active chat: its header and actions, launch area, advanced chat, transcript, then composer or after-contact form. */
export function renderChatPanel(view: WorkspaceView, chatId: string, context: PanelContext) {
  return html`<section part="panel" class="panel" role="tabpanel" aria-label=${view.contactName}>
    <div class="chat-head">
      <div class="who">
        <h3><bdi>${view.contactName}</bdi></h3>
        <span class="skill">${view.skill}</span>
      </div>
      <div class="head-actions">
        <chat-actions chat-id=${chatId} @transfer-dialog-requested=${context.dialogs.openTransfer}></chat-actions>
        <slot name="chat-actions"></slot>
      </div>
    </div>
    <launch-area chat-id=${chatId} @new-engagement-requested=${context.dialogs.openEngagement}></launch-area>
    ${context.has('advanced-chat') ? html`<advanced-chat part="advanced" chat-id=${chatId}></advanced-chat>` : nothing}
    <chat-conversation part="conversation" chat-id=${chatId}></chat-conversation>
    ${view.ended ? renderWrapUp(chatId, context) : renderCompose(chatId, context)}
  </section>`;
}

/** The after-contact form; nothing in the moment it may still be loading (it is loaded while the chat is open). */
function renderWrapUp(chatId: string, context: PanelContext) {
  return context.has('disposition-form') ? html`<disposition-form part="wrap-up" chat-id=${chatId}></disposition-form>` : nothing;
}

function renderCompose(chatId: string, context: PanelContext) {
  return html`<div class="compose">
    ${context.has('quick-reply-panel')
      ? html`<quick-reply-panel part="quick-replies" placement="above" chat-id=${chatId}></quick-reply-panel>`
      : nothing}
    <chat-composer part="composer" chat-id=${chatId}></chat-composer>
  </div>`;
}

/** What shows when no chat is open: the host's `empty` slot, else a line that says what comes next. */
export function renderEmpty(view: WorkspaceView | undefined) {
  return html`<div part="empty" class="empty">
    <slot name="empty">
      <p>
        ${view?.available ? msg('You are available. New chats will appear here.') : msg('No chats yet. Choose Available to receive chats.')}
      </p>
    </slot>
  </div>`;
}
