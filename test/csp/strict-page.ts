import { errors, sentinels, violations } from './violation-log.js';
import { ChatSession, SimulatedContactCenter } from '../../src/index.js';

/** What the strict page hands to the test in the runner's page, which drives it. */
export interface StrictPage {
  ChatSession: typeof ChatSession;
  SimulatedContactCenter: typeof SimulatedContactCenter;
  violations: typeof violations;
  sentinels: typeof sentinels;
  errors: typeof errors;
}

declare global {
  interface Window {
    strictPage?: StrictPage;
  }
}

window.strictPage = { ChatSession, SimulatedContactCenter, violations, sentinels, errors };
