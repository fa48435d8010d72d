/**
 * Registers the parts of a chat that `<chat-workspace>` shows once the agent is Available or
 * has chats: one module, so the standalone file loads them as one chunk then.
 */
import './chat-actions.js';
import './chat-composer.js';
import './chat-conversation.js';
import './contact-tab.js';
import './launch-area.js';
import './offer-prompt.js';
