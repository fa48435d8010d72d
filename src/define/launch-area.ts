/** Registers `<launch-area>` alone: `import 'agent-chat-workspace/define/launch-area.js'`. */
import { LaunchArea } from '../elements/launch-area/launch-area.js';

// A literal call, so custom-elements.json can read the tag from here. The guard lets a
// second copy of the library on the page (two bundles) load without throwing.
if (!customElements.get('launch-area')) customElements.define('launch-area', LaunchArea);

declare global {
  interface HTMLElementTagNameMap {
    'launch-area': LaunchArea;
  }
}
