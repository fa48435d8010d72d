/** Registers `<offer-prompt>` alone: `import 'agent-chat-workspace/define/offer-prompt.js'`. */
import { OfferPrompt } from '../elements/offer-prompt/offer-prompt.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('offer-prompt')) customElements.define('offer-prompt', OfferPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'offer-prompt': OfferPrompt;
  }
}
