/**
 * The simulator for pages on the standalone file: `dist/standalone/simulator.min.js`,
 * beside `dist/standalone.min.js`, whose modules it shares. A production page, with a real
 * connector, does not load it.
 */
export * from './exports/simulator.js';
