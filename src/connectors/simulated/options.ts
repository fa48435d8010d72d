import type { SchedulerLike } from 'rxjs';
import { validateConfiguration } from '../events.js';
import {
  DEFAULT_CONFIGURATION,
  MAX_CONCURRENT_CHATS,
  MIN_CONCURRENT_CHATS,
  type Directory,
  type WorkspaceConfiguration,
} from '../types.js';

/**
 * Settings of a `SimulatedContactCenter`. Every one is optional; what is left out
 * takes the value of `DEFAULT_CONFIGURATION` (45 s offers, 3 chats at once, ...).
 */
export interface SimulatedContactCenterOptions
  extends Partial<Omit<WorkspaceConfiguration, 'directory'>> {
  /** Agents, teams and skills of the address book; each list is optional. */
  directory?: Partial<Directory>;
  /** The clock for offer expiry and message times; tests may pass a virtual one. */
  scheduler?: SchedulerLike;
}

/** Merges options over the defaults and rejects what a platform would refuse. */
export function buildConfiguration(options: SimulatedContactCenterOptions): WorkspaceConfiguration {
  const { scheduler: _scheduler, directory, ...settings } = options;
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  const candidate = {
    ...structuredClone(DEFAULT_CONFIGURATION),
    ...defined,
    directory: { ...DEFAULT_CONFIGURATION.directory, ...directory },
  };
  const capacity = candidate.maxConcurrentChats;
  if (!Number.isInteger(capacity) || capacity < MIN_CONCURRENT_CHATS || capacity > MAX_CONCURRENT_CHATS) {
    throw new RangeError(
      `SimulatedContactCenter: maxConcurrentChats must be a whole number from ${MIN_CONCURRENT_CHATS} to ${MAX_CONCURRENT_CHATS} (got ${String(capacity)}).`,
    );
  }
  const result = validateConfiguration(candidate);
  if (!result.ok) {
    throw new TypeError(`SimulatedContactCenter: option ${result.field} is invalid: ${result.message}.`);
  }
  return result.configuration;
}
