/**
 * Registers `<chat-workspace>` and every element it renders, so this import alone gives a
 * working workspace: `import 'agent-chat-workspace/define/chat-workspace.js'`.
 */
import { ChatWorkspace } from '../elements/chat-workspace/chat-workspace.js';
import './advanced-chat.js';
import './agent-state-control.js';
import './assist-panel.js';
import './chat-actions.js';
import './chat-composer.js';
import './chat-conversation.js';
import './contact-tab.js';
import './disposition-form.js';
import './launch-area.js';
import './new-engagement-dialog.js';
import './offer-prompt.js';
import './quick-reply-panel.js';
import './transfer-dialog.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('chat-workspace')) customElements.define('chat-workspace', ChatWorkspace);

declare global {
  interface HTMLElementTagNameMap {
    'chat-workspace': ChatWorkspace;
  }
}
