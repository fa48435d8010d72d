/**
 * What every page of the workspace needs: the session, the WebSocket connector, the
 * protocol, the events, the controllers and the elements shown from the start (the
 * workspace, the agent state). The standalone file (src/standalone.ts) carries exactly
 * this in its first download.
 */
export {
  ChatSession,
  type ChatSessionOptions,
  type CommandResult,
  type SessionEvent,
  type SessionEventType,
} from '../session/chat-session.js';
export type {
  Chat,
  ConnectionStatus,
  Offer,
  SessionCommand,
  WorkspaceError,
  WorkspaceState,
} from '../session/state.js';
export * as selectors from '../session/selectors.js';
export { sessionContext } from '../session/session-context.js';

export type { ConnectionState, ContactCenterConnector } from '../connectors/connector.js';
export {
  WebSocketConnector,
  type WebSocketConnectorOptions,
  type WebSocketFactory,
  type WebSocketLike,
} from '../connectors/websocket/websocket-connector.js';
export type { BackoffOptions } from '../connectors/websocket/backoff.js';
export type { AgentCommand, AgentCommandName } from '../protocol/commands.js';
export {
  PROTOCOL_VERSION,
  parseServerFrame,
  type ClientFrame,
  type CommandOutcome,
  type ServerFrame,
} from '../protocol/frames.js';
export type { ChatStorage } from '../session/chat-memory.js';
export {
  parseConnectorEvent,
  type ConnectorEvent,
  type ConnectorEventType,
  type OfferWithdrawalReason,
} from '../protocol/events.js';
export * from '../protocol/types.js';

export * from '../events/workspace-events.js';
export { currentLocale, localeSettled, resolveLocale, useLocale, type WorkspaceLocale } from '../i18n/localization.js';

export { ChatWorkspace } from '../elements/chat-workspace/chat-workspace.js';
export {
  DEFAULT_SHORTCUTS,
  type WorkspaceShortcutAction,
  type WorkspaceShortcuts,
} from '../elements/chat-workspace/workspace-shortcuts.js';
export { AgentStateControl } from '../elements/agent-state-control/agent-state-control.js';
export * from '../events/quick-reply-events.js';
export { FocusGroupController, type FocusGroupOptions } from '../controllers/focus-group-controller.js';
export { SessionController, type SessionControllerOptions } from '../controllers/session-controller.js';
export { ModalController, focusTargetAround, type ModalOptions } from '../controllers/modal-controller.js';
export {
  QuickReplySearch,
  composeTextContext,
  quickReplySearchContext,
  type QuickReplySearchFollower,
} from '../controllers/quick-reply-search.js';
export {
  ShortcutsController,
  matchesKeyCombo,
  parseKeyCombo,
  type KeyCombo,
  type ParsedKeyCombo,
  type ShortcutBinding,
  type ShortcutBindingInForce,
  type ShortcutsOptions,
} from '../controllers/shortcuts-controller.js';
export { HiddenPageTitleController, type HiddenPageTitleOptions } from '../controllers/hidden-page-title-controller.js';
export {
  assistAppUrl,
  type AssistApi,
  type AssistAppElement,
  type AssistChat,
} from '../elements/assist-panel/assist-app.js';
