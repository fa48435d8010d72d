import { contactName } from '../../internal/contact-text.js';
import { selectActiveChat } from '../../session/selectors.js';
import type { WorkspaceState } from '../../session/state.js';

/** What the workspace's own markup shows of the session (its parts select their own). */
export interface WorkspaceView {
  activeChatId?: string;
  contactName: string;
  ended: boolean;
  skill: string;
  available: boolean;
  capacity: number;
  assistApps: number;
  advancedChat: boolean;
  errors: WorkspaceState['errors'];
  connection: WorkspaceState['connection'];
  connectionReason?: string;
  connectionCause?: WorkspaceState['connectionCause'];
}

/** The workspace's view of the state: a new object each time, compared shallowly. */
export function selectWorkspaceView(state: WorkspaceState): WorkspaceView {
  const active = selectActiveChat(state);
  return {
    activeChatId: active?.id,
    contactName: contactName(active?.contact.name ?? ''),
    ended: active?.status === 'ended',
    skill: active?.skill ?? '',
    available: state.agent.state === 'Available',
    capacity: state.configuration.maxConcurrentChats,
    assistApps: state.configuration.assistApps.length,
    advancedChat: state.configuration.advancedChat,
    errors: state.errors,
    connection: state.connection,
    connectionReason: state.connectionReason,
    connectionCause: state.connectionCause,
  };
}
