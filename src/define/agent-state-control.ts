/** Registers `<agent-state-control>` alone: `import 'agent-chat-workspace/define/agent-state-control.js'`. */
import { AgentStateControl } from '../elements/agent-state-control/agent-state-control.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('agent-state-control')) customElements.define('agent-state-control', AgentStateControl);

declare global {
  interface HTMLElementTagNameMap {
    'agent-state-control': AgentStateControl;
  }
}
