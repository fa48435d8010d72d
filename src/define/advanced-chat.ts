/** Registers `<advanced-chat>` alone: `import 'agent-chat-workspace/define/advanced-chat.js'`. */
import { AdvancedChat } from '../elements/advanced-chat/advanced-chat.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('advanced-chat')) customElements.define('advanced-chat', AdvancedChat);

declare global {
  interface HTMLElementTagNameMap {
    'advanced-chat': AdvancedChat;
  }
}
