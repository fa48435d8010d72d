/**
 * The library without side effects: classes, types and functions. Import
 * `agent-chat-workspace` (or `./define.js`) to also register the custom elements.
 */
export * from './exports/core.js';
export * from './exports/simulator.js';
export * from './exports/on-demand.js';
// A server's check of what an agent's page sends: not in the standalone file, which only sends.
export { parseClientFrame } from './protocol/frames.js';
