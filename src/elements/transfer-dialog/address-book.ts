import type { Directory, Presence, TransferTarget, UnavailableReason } from '../../protocol/types.js';

/** The groups of the address book, in the order the dialog lists them. */
export type AddressBookKind = TransferTarget['kind'];

export const ADDRESS_BOOK_KINDS: readonly AddressBookKind[] = ['agent', 'team', 'skill'];

/** One destination of a transfer, as the dialog lists it. */
export interface AddressBookEntry {
  /** Unique among the entries: kind and id. */
  key: string;
  target: TransferTarget;
  name: string;
  /** Agents only: whether they can take a chat now, when the platform reports it. */
  presence?: Presence;
  /** Agents only: the label of the reason they gave with Unavailable, if any. */
  presenceReason?: string;
  /** Agents only: the name of their team. */
  teamName?: string;
  /** The name folded for search (see `foldForSearch`). */
  searchText: string;
}

/**
 * Text as search compares it: without case or accents, so "equipe" finds "Équipe"
 * and "SAM" finds "Sam".
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Every destination of the address book: agents (without the agent who transfers),
 * then teams, then skills, each in the administrator's order.
 */
export function addressBookEntries(
  directory: Directory,
  presence: Readonly<Record<string, Presence>>,
  selfId: string,
  /** Colleagues' Unavailable reasons (codes) by agent id, and the configured reasons that label them. */
  presenceReasons: Readonly<Record<string, string>> = {},
  reasons: readonly UnavailableReason[] = [],
): AddressBookEntry[] {
  const reasonLabel = (agentId: string) => {
    const code = presence[agentId] === 'Unavailable' ? presenceReasons[agentId] : undefined;
    return code === undefined ? {} : { presenceReason: reasons.find((reason) => reason.code === code)?.label ?? code };
  };
  const teamName = (team: string | undefined) =>
    team === undefined ? undefined : (directory.teams.find((entry) => entry.id === team || entry.name === team)?.name ?? team);
  const entry = (kind: AddressBookKind, id: string, name: string): AddressBookEntry => ({
    key: `${kind}:${id}`,
    target: { kind, id },
    name,
    searchText: foldForSearch(name),
  });
  return [
    ...directory.agents
      .filter((agent) => agent.id !== selfId)
      .map((agent) => ({
        ...entry('agent', agent.id, agent.name),
        presence: presence[agent.id],
        ...reasonLabel(agent.id),
        teamName: teamName(agent.team),
      })),
    ...directory.teams.map((team) => entry('team', team.id, team.name)),
    ...directory.skills.map((skill) => entry('skill', skill.id, skill.name)),
  ];
}

/** The entries whose name holds every word of the query, in any order; all of them for a blank query. */
export function filterEntries(entries: readonly AddressBookEntry[], query: string): AddressBookEntry[] {
  const words = foldForSearch(query).split(/\s+/).filter((word) => word !== '');
  return entries.filter((entry) => words.every((word) => entry.searchText.includes(word)));
}
