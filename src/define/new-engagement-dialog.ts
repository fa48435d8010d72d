/** Registers `<new-engagement-dialog>` alone: `import 'agent-chat-workspace/define/new-engagement-dialog.js'`. */
import { NewEngagementDialog } from '../elements/new-engagement-dialog/new-engagement-dialog.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('new-engagement-dialog')) customElements.define('new-engagement-dialog', NewEngagementDialog);

declare global {
  interface HTMLElementTagNameMap {
    'new-engagement-dialog': NewEngagementDialog;
  }
}
