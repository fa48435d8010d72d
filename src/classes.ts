/**
 * The library without side effects: classes, types and functions. Import
 * `agent-chat-workspace` (or `./define.js`) to also register the custom elements.
 */
export * from './exports/core.js';
export * from './exports/simulator.js';
export * from './exports/on-demand.js';
