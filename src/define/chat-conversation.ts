/** Registers `<chat-conversation>` alone: `import 'agent-chat-workspace/define/chat-conversation.js'`. */
import { ChatConversation } from '../elements/chat-conversation/chat-conversation.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('chat-conversation')) customElements.define('chat-conversation', ChatConversation);

declare global {
  interface HTMLElementTagNameMap {
    'chat-conversation': ChatConversation;
  }
}
