/** Registers `<quick-reply-panel>` alone: `import 'agent-chat-workspace/define/quick-reply-panel.js'`. */
import { QuickReplyPanel } from '../elements/quick-reply-panel/quick-reply-panel.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('quick-reply-panel')) customElements.define('quick-reply-panel', QuickReplyPanel);

declare global {
  interface HTMLElementTagNameMap {
    'quick-reply-panel': QuickReplyPanel;
  }
}
