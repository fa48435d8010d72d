/** Registers `<chat-composer>` alone: `import 'agent-chat-workspace/define/chat-composer.js'`. */
import { ChatComposer } from '../elements/chat-composer/chat-composer.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('chat-composer')) customElements.define('chat-composer', ChatComposer);

declare global {
  interface HTMLElementTagNameMap {
    'chat-composer': ChatComposer;
  }
}
