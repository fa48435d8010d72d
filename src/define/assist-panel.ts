/** Registers `<assist-panel>` alone: `import 'agent-chat-workspace/define/assist-panel.js'`. */
import { AssistPanel } from '../elements/assist-panel/assist-panel.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('assist-panel')) customElements.define('assist-panel', AssistPanel);

declare global {
  interface HTMLElementTagNameMap {
    'assist-panel': AssistPanel;
  }
}
