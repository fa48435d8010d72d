import { validateConfiguration } from '../protocol/events.js';
import { clone } from './clone.js';
import {
  DEFAULT_CONFIGURATION,
  MAX_CONCURRENT_CHATS,
  MIN_CONCURRENT_CHATS,
  type Directory,
  type WorkspaceConfiguration,
} from '../protocol/types.js';

/**
 * The administrator's settings as a platform accepts them: every one optional; what is
 * left out takes the value of `DEFAULT_CONFIGURATION` (45 s offers, 3 chats at once, ...).
 */
export interface ConfigurationOptions extends Partial<Omit<WorkspaceConfiguration, 'directory'>> {
  /** Agents, teams and skills of the address book; each list is optional. */
  directory?: Partial<Directory>;
}

/** Settings that `DEFAULT_CONFIGURATION` leaves out, because absent means something. */
const OPTIONAL_SETTINGS: readonly (keyof WorkspaceConfiguration)[] = ['defaultDisposition'];

/**
 * Merges settings over the defaults and rejects what a platform would refuse. `owner`
 * starts the error messages (`SimulatedContactCenter`, `CONFIG`).
 */
export function buildConfiguration(options: ConfigurationOptions, owner: string): WorkspaceConfiguration {
  const { directory, ...settings } = options;
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  // Settings without a default are known too: absent is their default.
  const known = new Set([...Object.keys(DEFAULT_CONFIGURATION), ...OPTIONAL_SETTINGS]);
  const candidate = {
    ...clone(DEFAULT_CONFIGURATION),
    ...Object.fromEntries(Object.entries(defined).filter(([key]) => known.has(key))),
    directory: { ...DEFAULT_CONFIGURATION.directory, ...directory },
  };
  const capacity = candidate.maxConcurrentChats;
  if (!Number.isInteger(capacity) || capacity < MIN_CONCURRENT_CHATS || capacity > MAX_CONCURRENT_CHATS) {
    throw new RangeError(
      `${owner}: maxConcurrentChats must be a whole number from ${MIN_CONCURRENT_CHATS} to ${MAX_CONCURRENT_CHATS} (got ${String(capacity)}).`,
    );
  }
  const result = validateConfiguration(candidate);
  if (!result.ok) {
    throw new TypeError(`${owner}: option ${result.field} is invalid: ${result.message}.`);
  }
  const { defaultDisposition, dispositions } = result.configuration;
  if (defaultDisposition !== undefined && !dispositions.some((option) => option.code === defaultDisposition)) {
    throw new TypeError(`${owner}: option defaultDisposition must be the code of one of dispositions (got ${defaultDisposition}).`);
  }
  return result.configuration;
}
