/** What one soak run does; every figure is bounded so the run ends by itself. */
export interface SoakOptions {
  /** Agents, each with up to `maxConcurrentChats` chats (1..200). */
  agents: number;
  /** How long contacts and agents type, before the run settles and checks (5..3600). */
  seconds: number;
  /** Seeds the plan of the run: faults, what is typed and when. */
  seed: number;
  /** Chats an agent may hold at once (the server's maxConcurrentChats). */
  maxConcurrentChats: number;
  /** How long the run may wait, after the typing stops, for every side to catch up. */
  settleTimeoutMs: number;
  /** Mean pause between two messages of one side in one chat. */
  typingMeanMs: number;
  /**
   * The server's STREAM_LIMIT (events kept per agent for replay); 0 keeps its default. A
   * small one sends reconnecting workspaces snapshots instead of replays.
   */
  streamLimit: number;
  /** Print the report as one JSON line (for the test runner) instead of the table. */
  json: boolean;
  /** The server's store: one process on SQLite, or `processes` on one PostgreSQL database. */
  store: 'sqlite' | 'postgres';
  /** Server processes on PostgreSQL (1..8); one on SQLite. */
  processes: number;
  /** Run once on 1 process first, then on `processes`, and print both side by side (not with --json). */
  compare: boolean;
}

export const DEFAULT_OPTIONS: SoakOptions = {
  agents: 40,
  seconds: 120,
  seed: 1,
  maxConcurrentChats: 12,
  settleTimeoutMs: 30_000,
  typingMeanMs: 5_000,
  streamLimit: 0,
  json: false,
  store: 'postgres',
  processes: 3,
  compare: true,
};

/** A flag or variable that is wrong: the message says which, no stack trace needed. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}

const LIMITS = {
  agents: [1, 200],
  seconds: [5, 3600],
  seed: [0, 2 ** 32 - 1],
  maxConcurrentChats: [1, 12],
  settleTimeoutMs: [1_000, 600_000],
  typingMeanMs: [200, 60_000],
  streamLimit: [0, 1_000_000],
  processes: [1, 8],
} as const;

type NumericOption = keyof typeof LIMITS;

const FLAGS: Readonly<Record<string, NumericOption>> = {
  '--agents': 'agents',
  '--seconds': 'seconds',
  '--seed': 'seed',
  '--chats': 'maxConcurrentChats',
  '--settle-ms': 'settleTimeoutMs',
  '--typing-ms': 'typingMeanMs',
  '--stream-limit': 'streamLimit',
  '--processes': 'processes',
};

const ENV: Readonly<Record<string, NumericOption>> = {
  SOAK_AGENTS: 'agents',
  SOAK_SECONDS: 'seconds',
  SOAK_SEED: 'seed',
};

/**
 * Reads `--agents N --seconds N --seed N` (and `--chats`, `--settle-ms`, `--typing-ms`,
 * `--stream-limit`, `--store sqlite|postgres`, `--processes N`, `--single`, `--json`), falling back to SOAK_AGENTS, SOAK_SECONDS and SOAK_SEED, then the defaults.
 *
 * @throws OptionError naming the flag that is wrong.
 */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): SoakOptions {
  const options: SoakOptions = { ...DEFAULT_OPTIONS };
  for (const [variable, key] of Object.entries(ENV)) {
    const raw = env[variable];
    if (raw !== undefined && raw !== '') options[key] = checked(variable, key, raw);
  }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--json') {
      options.json = true;
      continue;
    }
    if (argument === '--single') {
      options.compare = false;
      continue;
    }
    if (argument === '--store' || argument.startsWith('--store=')) {
      const store = argument.includes('=') ? argument.split('=')[1] : argv[++index];
      if (store !== 'sqlite' && store !== 'postgres') throw new OptionError(`--store is sqlite or postgres (got "${store ?? ''}").`);
      options.store = store;
      continue;
    }
    const [flag, inline] = argument.split('=', 2) as [string, string | undefined];
    const key = FLAGS[flag];
    if (!key) throw new OptionError(`Unknown option ${argument}; use --agents, --seconds, --seed, --chats, --settle-ms, --typing-ms, --stream-limit, --store, --processes, --single or --json.`);
    const raw = inline ?? argv[++index];
    if (raw === undefined) throw new OptionError(`${flag} needs a value.`);
    options[key] = checked(flag, key, raw);
  }
  return options;
}

/** The options a caller gave, completed and checked (the test runner's command uses it). */
export function withDefaults(partial: Partial<SoakOptions>): SoakOptions {
  const options: SoakOptions = { ...DEFAULT_OPTIONS, ...partial };
  for (const key of Object.keys(LIMITS) as NumericOption[]) options[key] = checked(key, key, String(options[key]));
  return options;
}

function checked(name: string, key: NumericOption, raw: string): number {
  const value = Number(raw);
  const [min, max] = LIMITS[key];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OptionError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}
