import { demoAgentTokens, demoConfiguration } from '../demo/configuration.js';
import { readServerConfiguration, type ServerConfiguration } from './server-configuration.js';

/** What `npm run server` serves without CONFIG: the demo's contact center, with the tokens the demo page knows. */
export function demoServerConfiguration(): ServerConfiguration {
  const agents = (demoConfiguration.directory?.agents ?? []).map((agent) => ({ ...agent, token: demoAgentTokens[agent.id] }));
  return readServerConfiguration(
    { ...demoConfiguration, directory: { ...demoConfiguration.directory, agents } },
    'The demo configuration',
  );
}
