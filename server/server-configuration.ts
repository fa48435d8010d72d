import { buildConfiguration, type ConfigurationOptions } from '../src/platform/configuration.js';
import type { WorkspaceConfiguration } from '../src/protocol/types.js';

/** An agent allowed to connect: who they are, and the secret their workspace presents. */
export interface AgentAccount {
  id: string;
  name: string;
  token: string;
}

/** What the server serves: the platform's configuration, and who may connect. */
export interface ServerConfiguration {
  configuration: WorkspaceConfiguration;
  /** By agent id. An agent of the address book without a token cannot connect. */
  accounts: ReadonlyMap<string, AgentAccount>;
}

/**
 * Reads a CONFIG document: `SimulatedContactCenter`'s options, with a `token` on each
 * agent of `directory.agents`. The tokens are taken out before the rest is validated,
 * so no secret ever reaches a workspace inside the configuration event.
 *
 * @throws TypeError or RangeError saying which field is wrong.
 */
export function readServerConfiguration(input: unknown, owner = 'CONFIG'): ServerConfiguration {
  if (!isRecord(input)) throw new TypeError(`${owner}: must be a JSON object.`);
  const directory = input.directory;
  if (directory !== undefined && !isRecord(directory)) throw new TypeError(`${owner}: directory must be an object.`);
  const agents = directory?.agents;
  if (agents !== undefined && !Array.isArray(agents)) throw new TypeError(`${owner}: directory.agents must be an array.`);

  const tokens = new Map<string, string>();
  const publicAgents = (agents ?? []).map((agent: unknown, index) => {
    if (!isRecord(agent)) throw new TypeError(`${owner}: directory.agents.${index} must be an object.`);
    const { token, ...rest } = agent;
    if (token !== undefined) {
      if (typeof token !== 'string' || token.length === 0) {
        throw new TypeError(`${owner}: directory.agents.${index}.token must be a non-empty string.`);
      }
      if (typeof rest.id === 'string') tokens.set(rest.id, token);
    }
    return rest;
  });
  const options = {
    ...input,
    ...(directory ? { directory: { ...directory, ...(agents ? { agents: publicAgents } : {}) } } : {}),
  } as ConfigurationOptions;
  const configuration = buildConfiguration(options, owner);

  const accounts = new Map<string, AgentAccount>();
  for (const agent of configuration.directory.agents) {
    const token = tokens.get(agent.id);
    if (token !== undefined) accounts.set(agent.id, { id: agent.id, name: agent.name, token });
  }
  return { configuration, accounts };
}

/** The agents of the address book who have no token, so the operator hears why they cannot connect. */
export function agentsWithoutToken(server: ServerConfiguration): string[] {
  return server.configuration.directory.agents.filter((agent) => !server.accounts.has(agent.id)).map((agent) => agent.id);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
