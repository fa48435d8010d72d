/** Registers `<transfer-dialog>` alone: `import 'agent-chat-workspace/define/transfer-dialog.js'`. */
import { TransferDialog } from '../elements/transfer-dialog/transfer-dialog.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('transfer-dialog')) customElements.define('transfer-dialog', TransferDialog);

declare global {
  interface HTMLElementTagNameMap {
    'transfer-dialog': TransferDialog;
  }
}
