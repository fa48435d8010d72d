/**
 * The agent chat workspace. Importing this module registers the custom elements;
 * `./classes.js` offers the same exports without that side effect.
 */
// The entry points most pages start from, named here; everything else follows.
export { ChatSession, SimulatedContactCenter, ChatWorkspace } from './classes.js';
export * from './classes.js';
export { elements } from './define.js';
