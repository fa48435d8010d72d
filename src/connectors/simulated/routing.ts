import type { AgentState, Directory } from '../types.js';

/** What routing needs to know about one agent. */
export interface RoutableAgent {
  id: string;
  state: AgentState;
  connected: boolean;
  /** Chats offered to, held by, or in after-contact work with this agent. */
  load: number;
  /** When the agent last became free for a new chat (epoch ms). */
  idleSince: number;
}

/**
 * Whether an agent serves a skill. A skill the directory does not name, an agent the
 * directory does not list, and an agent listed with no skills all mean "every agent".
 */
export function servesSkill(directory: Directory, agentId: string, skill: string): boolean {
  const known = directory.skills.some((entry) => entry.name === skill || entry.id === skill);
  if (!known) return true;
  const entry = directory.agents.find((agent) => agent.id === agentId);
  return !entry || entry.skills.length === 0 || entry.skills.includes(skill);
}

/**
 * Picks who gets the next chat of a skill: among connected, Available agents below
 * capacity who serve it, the least loaded, then the one idle the longest.
 */
export function pickAgent<T extends RoutableAgent>(
  agents: Iterable<T>,
  skill: string,
  capacity: number,
  directory: Directory,
): T | undefined {
  let best: T | undefined;
  for (const agent of agents) {
    if (!agent.connected || agent.state !== 'Available' || agent.load >= capacity) continue;
    if (!servesSkill(directory, agent.id, skill)) continue;
    if (
      !best ||
      agent.load < best.load ||
      (agent.load === best.load && agent.idleSince < best.idleSince)
    ) {
      best = agent;
    }
  }
  return best;
}
