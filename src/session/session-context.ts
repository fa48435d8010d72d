import { createContext } from '@lit/context';
import type { ChatSession } from './chat-session.js';

/** The key under which `<chat-workspace>` provides its `ChatSession` to the elements inside. */
export const sessionContext = createContext<ChatSession | undefined>(Symbol('chat-session'));

/**
 * Provided (as `true`) by `<chat-workspace>`, which tells the host page what happens in
 * its session: the elements inside it then do not say it a second time.
 */
export const workspaceRelayContext = createContext<boolean>(Symbol('workspace-relays-host-events'));
