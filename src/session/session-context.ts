import { createContext } from '@lit/context';
import type { ChatSession } from './chat-session.js';

/** The key under which `<chat-workspace>` provides its `ChatSession` to the elements inside. */
export const sessionContext = createContext<ChatSession | undefined>(Symbol('chat-session'));
