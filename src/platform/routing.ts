import type { AgentState, Directory, TransferTarget } from '../protocol/types.js';

/** Which agents a queue is for: a skill's, one agent's (a transfer), or a team's. */
export type Route = { kind: 'skill'; skill: string } | { kind: 'agent'; agentId: string } | { kind: 'team'; teamId: string };

export function routeKey(route: Route): string {
  switch (route.kind) {
    case 'skill':
      return `skill:${route.skill}`;
    case 'agent':
      return `agent:${route.agentId}`;
    case 'team':
      return `team:${route.teamId}`;
  }
}

/** Whether an agent may be offered chats of a route. */
export function canServe(directory: Directory, agentId: string, route: Route): boolean {
  switch (route.kind) {
    case 'skill':
      return servesSkill(directory, agentId, route.skill);
    case 'agent':
      return route.agentId === agentId;
    case 'team': {
      const team = directory.teams.find((entry) => entry.id === route.teamId);
      const member = directory.agents.find((agent) => agent.id === agentId);
      return !!team && !!member && (member.team === team.id || member.team === team.name);
    }
  }
}

/** The route and display name of a transfer destination, or an error message. */
export function resolveTarget(
  directory: Directory,
  target: TransferTarget,
): { route: Route; name: string } | { error: string } {
  switch (target.kind) {
    case 'agent': {
      const agent = directory.agents.find((entry) => entry.id === target.id);
      return agent ? { route: { kind: 'agent', agentId: agent.id }, name: agent.name } : { error: `No agent ${target.id} in the address book.` };
    }
    case 'team': {
      const team = directory.teams.find((entry) => entry.id === target.id);
      return team ? { route: { kind: 'team', teamId: team.id }, name: team.name } : { error: `No team ${target.id} in the address book.` };
    }
    case 'skill': {
      const skill = directory.skills.find((entry) => entry.id === target.id || entry.name === target.id);
      return skill ? { route: { kind: 'skill', skill: skill.name }, name: skill.name } : { error: `No skill ${target.id} in the address book.` };
    }
  }
}

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
 * Picks who gets the next chat of a route: among connected, Available agents below
 * capacity who serve it, the least loaded, then the one idle the longest.
 */
export function pickAgent<T extends RoutableAgent>(
  agents: Iterable<T>,
  route: Route,
  capacity: number,
  directory: Directory,
): T | undefined {
  let best: T | undefined;
  for (const agent of agents) {
    if (!agent.connected || agent.state !== 'Available' || agent.load >= capacity) continue;
    if (!canServe(directory, agent.id, route)) continue;
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
