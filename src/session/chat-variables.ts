import type { Chat, WorkspaceState } from './state.js';

/** The values the workspace knows for `{{...}}` variables in the context of a chat. */
export function chatVariables(state: WorkspaceState, chat: Chat | undefined): Record<string, string | undefined> {
  return {
    'agent.name': state.agent.name,
    'agent.id': state.agent.id,
    'contact.name': chat?.contact.name,
    'contact.email': chat?.contact.email,
    'contact.phone': chat?.contact.phone,
    'chat.id': chat?.id,
    skill: chat?.skill,
  };
}
