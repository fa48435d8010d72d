import { AgentStateControl } from './elements/agent-state-control/agent-state-control.js';
import { AssistPanel } from './elements/assist-panel/assist-panel.js';
import { AdvancedChat } from './elements/advanced-chat/advanced-chat.js';
import { ChatActions } from './elements/chat-actions/chat-actions.js';
import { ChatComposer } from './elements/chat-composer/chat-composer.js';
import { ChatConversation } from './elements/chat-conversation/chat-conversation.js';
import { ChatWorkspace } from './elements/chat-workspace/chat-workspace.js';
import { ContactTab } from './elements/contact-tab/contact-tab.js';
import { DispositionForm } from './elements/disposition-form/disposition-form.js';
import { LaunchArea } from './elements/launch-area/launch-area.js';
import { NewEngagementDialog } from './elements/new-engagement-dialog/new-engagement-dialog.js';
import { OfferPrompt } from './elements/offer-prompt/offer-prompt.js';
import { QuickReplyPanel } from './elements/quick-reply-panel/quick-reply-panel.js';
import { TransferDialog } from './elements/transfer-dialog/transfer-dialog.js';

/** Every element of the workspace, by tag name. */
export const elements = {
  'chat-workspace': ChatWorkspace,
  'agent-state-control': AgentStateControl,
  'offer-prompt': OfferPrompt,
  'contact-tab': ContactTab,
  'chat-conversation': ChatConversation,
  'chat-composer': ChatComposer,
  'chat-actions': ChatActions,
  'launch-area': LaunchArea,
  'quick-reply-panel': QuickReplyPanel,
  'transfer-dialog': TransferDialog,
  'disposition-form': DispositionForm,
  'new-engagement-dialog': NewEngagementDialog,
  'assist-panel': AssistPanel,
  'advanced-chat': AdvancedChat,
} as const;

// Literal calls, so custom-elements.json can read the tags from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('chat-workspace')) customElements.define('chat-workspace', ChatWorkspace);
if (!customElements.get('agent-state-control')) customElements.define('agent-state-control', AgentStateControl);
if (!customElements.get('offer-prompt')) customElements.define('offer-prompt', OfferPrompt);
if (!customElements.get('contact-tab')) customElements.define('contact-tab', ContactTab);
if (!customElements.get('chat-conversation')) customElements.define('chat-conversation', ChatConversation);
if (!customElements.get('chat-composer')) customElements.define('chat-composer', ChatComposer);
if (!customElements.get('chat-actions')) customElements.define('chat-actions', ChatActions);
if (!customElements.get('launch-area')) customElements.define('launch-area', LaunchArea);
if (!customElements.get('quick-reply-panel')) customElements.define('quick-reply-panel', QuickReplyPanel);
if (!customElements.get('transfer-dialog')) customElements.define('transfer-dialog', TransferDialog);
if (!customElements.get('disposition-form')) customElements.define('disposition-form', DispositionForm);
if (!customElements.get('new-engagement-dialog')) customElements.define('new-engagement-dialog', NewEngagementDialog);
if (!customElements.get('assist-panel')) customElements.define('assist-panel', AssistPanel);
if (!customElements.get('advanced-chat')) customElements.define('advanced-chat', AdvancedChat);

declare global {
  interface HTMLElementTagNameMap {
    'chat-workspace': ChatWorkspace;
    'agent-state-control': AgentStateControl;
    'offer-prompt': OfferPrompt;
    'contact-tab': ContactTab;
    'chat-conversation': ChatConversation;
    'chat-composer': ChatComposer;
    'chat-actions': ChatActions;
    'launch-area': LaunchArea;
    'quick-reply-panel': QuickReplyPanel;
    'transfer-dialog': TransferDialog;
    'disposition-form': DispositionForm;
    'new-engagement-dialog': NewEngagementDialog;
    'assist-panel': AssistPanel;
    'advanced-chat': AdvancedChat;
  }
}
