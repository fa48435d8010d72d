/**
 * Registers every element of the workspace. Each tag also has a module of its own,
 * `./define/<tag>.js`, for a page that wants only some of them.
 */
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
// Each one, not only the workspace's: an element it stops rendering stays registered here.
import './define/chat-workspace.js';
import './define/agent-state-control.js';
import './define/offer-prompt.js';
import './define/contact-tab.js';
import './define/chat-conversation.js';
import './define/chat-composer.js';
import './define/chat-actions.js';
import './define/launch-area.js';
import './define/quick-reply-panel.js';
import './define/transfer-dialog.js';
import './define/disposition-form.js';
import './define/new-engagement-dialog.js';
import './define/assist-panel.js';
import './define/advanced-chat.js';

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
