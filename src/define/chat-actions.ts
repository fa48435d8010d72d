/** Registers `<chat-actions>` alone: `import 'agent-chat-workspace/define/chat-actions.js'`. */
import { ChatActions } from '../elements/chat-actions/chat-actions.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('chat-actions')) customElements.define('chat-actions', ChatActions);

declare global {
  interface HTMLElementTagNameMap {
    'chat-actions': ChatActions;
  }
}
