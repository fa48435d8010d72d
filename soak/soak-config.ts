import { randomBytes } from 'node:crypto';

export const SOAK_SKILL = 'Support';

export interface SoakAccount {
  id: string;
  name: string;
  token: string;
}

/** N agents with fresh tokens, all serving one skill: the server's CONFIG for the run. */
export function soakConfiguration(agents: number, maxConcurrentChats: number) {
  const accounts: SoakAccount[] = Array.from({ length: agents }, (_, index) => ({
    id: `agent-${index + 1}`,
    name: `Soak Agent ${index + 1}`,
    token: `soak-${index + 1}-${randomBytes(12).toString('hex')}`,
  }));
  const config = {
    maxConcurrentChats,
    // Short enough that an offer made to an agent behind a long cut expires during the run.
    offerTimeoutMs: 15_000,
    maxMessageLength: 2000,
    dispositions: [
      { code: 'resolved', label: 'Resolved' },
      { code: 'follow-up', label: 'Follow-up' },
    ],
    directory: {
      agents: accounts.map((account) => ({ ...account, skills: [SOAK_SKILL] })),
      teams: [],
      skills: [{ id: 'support', name: SOAK_SKILL }],
    },
  };
  return { accounts, config };
}
