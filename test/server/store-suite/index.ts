/** The store suite's entry for the test runner's Node side (bundled by scripts/wtr-server-plugin.mjs). */
export { runStoreSuite } from './store-cases.js';
export { postgresOpener, sqliteOpener } from './open-stores.js';
