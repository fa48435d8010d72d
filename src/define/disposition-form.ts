/** Registers `<disposition-form>` alone: `import 'agent-chat-workspace/define/disposition-form.js'`. */
import { DispositionForm } from '../elements/disposition-form/disposition-form.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('disposition-form')) customElements.define('disposition-form', DispositionForm);

declare global {
  interface HTMLElementTagNameMap {
    'disposition-form': DispositionForm;
  }
}
