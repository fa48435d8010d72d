/**
 * The elements a workspace shows only once something happened: the chat's parts once the
 * agent is Available or has chats; a dialog once opened; the after-contact form, quick
 * replies, assist and advanced chat once a chat or the configuration calls for them. The
 * standalone file loads them then (src/elements/chat-workspace/on-demand.ts).
 */
export { OfferPrompt } from '../elements/offer-prompt/offer-prompt.js';
export { ContactTab } from '../elements/contact-tab/contact-tab.js';
export { ChatConversation } from '../elements/chat-conversation/chat-conversation.js';
export { ChatComposer } from '../elements/chat-composer/chat-composer.js';
export { ChatActions } from '../elements/chat-actions/chat-actions.js';
export { LaunchArea } from '../elements/launch-area/launch-area.js';
export { SuggestedReplies } from '../elements/suggested-replies/suggested-replies.js';
export { QuickReplyPanel } from '../elements/quick-reply-panel/quick-reply-panel.js';
export { TransferDialog } from '../elements/transfer-dialog/transfer-dialog.js';
export { DispositionForm } from '../elements/disposition-form/disposition-form.js';
export { NewEngagementDialog } from '../elements/new-engagement-dialog/new-engagement-dialog.js';
export { AssistPanel, type ComposeText } from '../elements/assist-panel/assist-panel.js';
export { rankQuickReplies, type RankedReply } from '../elements/suggested-replies/rank-replies.js';
