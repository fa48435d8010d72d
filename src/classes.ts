/**
 * The library without side effects: classes, types and functions. Import
 * `agent-chat-workspace` (or `./define.js`) to also register the custom elements.
 */
export {
  ChatSession,
  type ChatSessionOptions,
  type CommandResult,
  type SessionEvent,
  type SessionEventType,
} from './session/chat-session.js';
export type {
  Chat,
  ConnectionStatus,
  Offer,
  SessionCommand,
  WorkspaceError,
  WorkspaceState,
} from './session/state.js';
export * as selectors from './session/selectors.js';
export { sessionContext } from './session/session-context.js';

export type { ConnectionState, ContactCenterConnector } from './connectors/connector.js';
export {
  WebSocketConnector,
  type WebSocketConnectorOptions,
  type WebSocketFactory,
  type WebSocketLike,
} from './connectors/websocket/websocket-connector.js';
export type { BackoffOptions } from './connectors/websocket/backoff.js';
export type { AgentCommand, AgentCommandName } from './protocol/commands.js';
export {
  PROTOCOL_VERSION,
  parseClientFrame,
  parseServerFrame,
  type ClientFrame,
  type CommandOutcome,
  type ServerFrame,
} from './protocol/frames.js';
export type { ChatStorage } from './session/chat-memory.js';
export {
  parseConnectorEvent,
  type ConnectorEvent,
  type ConnectorEventType,
  type OfferWithdrawalReason,
} from './protocol/events.js';
export * from './protocol/types.js';
export {
  SimulatedContactCenter,
  type SimulatedChat,
  type SimulatedChatState,
  type SimulatedContactCenterOptions,
  type StartChatRequest,
} from './connectors/simulated/simulated-contact-center.js';
export { SimulatedConnector } from './connectors/simulated/simulated-connector.js';

export * from './events/workspace-events.js';
export { currentLocale, localeSettled, resolveLocale, useLocale, type WorkspaceLocale } from './i18n/localization.js';

export { ChatWorkspace } from './elements/chat-workspace/chat-workspace.js';
export {
  DEFAULT_SHORTCUTS,
  type WorkspaceShortcutAction,
  type WorkspaceShortcuts,
} from './elements/chat-workspace/workspace-shortcuts.js';
export { AgentStateControl } from './elements/agent-state-control/agent-state-control.js';
export { OfferPrompt } from './elements/offer-prompt/offer-prompt.js';
export { ContactTab } from './elements/contact-tab/contact-tab.js';
export { ChatConversation } from './elements/chat-conversation/chat-conversation.js';
export { ChatComposer } from './elements/chat-composer/chat-composer.js';
export { ChatActions } from './elements/chat-actions/chat-actions.js';
export { LaunchArea } from './elements/launch-area/launch-area.js';
export * from './events/quick-reply-events.js';
export { FocusGroupController, type FocusGroupOptions } from './controllers/focus-group-controller.js';
export { SessionController, type SessionControllerOptions } from './controllers/session-controller.js';
export { ModalController, focusTargetAround, type ModalOptions } from './controllers/modal-controller.js';
export {
  QuickReplySearch,
  composeTextContext,
  quickReplySearchContext,
  type QuickReplySearchFollower,
} from './controllers/quick-reply-search.js';
export {
  ShortcutsController,
  matchesKeyCombo,
  parseKeyCombo,
  type KeyCombo,
  type ParsedKeyCombo,
  type ShortcutBinding,
  type ShortcutBindingInForce,
  type ShortcutsOptions,
} from './controllers/shortcuts-controller.js';
export { HiddenPageTitleController, type HiddenPageTitleOptions } from './controllers/hidden-page-title-controller.js';
export { QuickReplyPanel } from './elements/quick-reply-panel/quick-reply-panel.js';
export { TransferDialog } from './elements/transfer-dialog/transfer-dialog.js';
export { DispositionForm } from './elements/disposition-form/disposition-form.js';
export { NewEngagementDialog } from './elements/new-engagement-dialog/new-engagement-dialog.js';
export { AssistPanel, type ComposeText } from './elements/assist-panel/assist-panel.js';
export {
  assistAppUrl,
  type AssistApi,
  type AssistAppElement,
  type AssistChat,
} from './elements/assist-panel/assist-app.js';
export { SuggestedReplies } from './elements/suggested-replies/suggested-replies.js';
export { rankQuickReplies, type RankedReply } from './elements/suggested-replies/rank-replies.js';
