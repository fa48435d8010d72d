/** Registers `<contact-tab>` alone: `import 'agent-chat-workspace/define/contact-tab.js'`. */
import { ContactTab } from '../elements/contact-tab/contact-tab.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('contact-tab')) customElements.define('contact-tab', ContactTab);

declare global {
  interface HTMLElementTagNameMap {
    'contact-tab': ContactTab;
  }
}
