/**
 * The agent chat workspace. Importing this module registers the custom elements;
 * `./classes.js` offers the same exports without that side effect.
 */
export * from './classes.js';
export { elements } from './define.js';
