import type { SimulatedContactCenter } from '../src/index.js';

const contacts = [
  { name: 'Marie Tremblay', email: 'marie.tremblay@example.com' },
  { name: 'Jean-François Roy', email: 'jf.roy@example.com' },
  { name: 'Priya Natarajan', email: 'priya.n@example.com' },
  { name: 'Olivier Gagnon', email: 'olivier.gagnon@example.com' },
  { name: 'Emily Chen', email: 'emily.chen@example.com' },
  { name: 'Sophie Côté', email: 'sophie.cote@example.com' },
  { name: 'Daniel Okafor', email: 'daniel.okafor@example.com' },
  { name: 'Chloé Bouchard', email: 'chloe.bouchard@example.com' },
];

const openers: Record<string, string[]> = {
  Billing: [
    'Bonjour! I was charged twice for my November invoice.',
    'Hi, can you explain the new fee on my bill?',
    'Bonjour, je voudrais changer mon mode de paiement.',
  ],
  'Technical Support': [
    'My modem keeps restarting every few minutes.',
    'Bonjour! Internet is very slow since this morning.',
    'I cannot log in to the customer portal, it says my password expired.',
  ],
};

const replies = [
  'Okay, thank you.',
  'Yes, that is the account under my name.',
  "Merci! I'll wait.",
  'The reference number is 40021-B.',
  'I tried that already, it did not help.',
];

const cases: Record<string, { subject: string; priority: string }[]> = {
  Billing: [
    { subject: 'Double charge on the November invoice', priority: 'High' },
    { subject: 'Payment method change', priority: 'Normal' },
  ],
  'Technical Support': [
    { subject: 'Modem restarts every few minutes', priority: 'High' },
    { subject: 'Customer portal password expired', priority: 'Low' },
  ],
};

let caseNumber = 1040;

/** A case from the demo CRM, with an earlier interaction or two (R15). */
function demoCase(skill: string) {
  const picked = pick(cases[skill] ?? cases.Billing ?? []);
  caseNumber += 1;
  const day = 24 * 60 * 60 * 1000;
  return {
    id: `CASE-${caseNumber}`,
    subject: picked.subject,
    status: 'open',
    priority: picked.priority,
    interactions: [
      { at: Date.now() - 6 * day, channel: 'email', summary: 'First report by email.' },
      { at: Date.now() - 2 * day, channel: 'phone', summary: 'Called back; asked for details.' },
    ],
  };
}

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)] as T;
}

/**
 * Simulated customers for the demo: a new chat every 15–35 seconds, and contacts who
 * answer the agent a few seconds after each reply.
 */
export function startTraffic(center: SimulatedContactCenter): () => void {
  const chatIds: string[] = [];
  const answered = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const later = (delay: number, work: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, delay);
    timers.add(timer);
  };

  const startOne = () => {
    const skill = pick(Object.keys(openers));
    chatIds.push(center.startChat({ contact: pick(contacts), skill, text: pick(openers[skill] ?? []), case: demoCase(skill) }));
  };

  const scheduleNext = () =>
    later(15_000 + Math.random() * 20_000, () => {
      startOne();
      scheduleNext();
    });

  const answerAgents = setInterval(() => {
    for (const chatId of chatIds) {
      const chat = center.chat(chatId);
      // The simulated contact shares their shop page a moment after the agent asks (co-browse).
      if (chat?.state === 'active' && chat.cobrowse === 'requested' && !answered.has(`cobrowse:${chatId}`)) {
        answered.add(`cobrowse:${chatId}`);
        later(2_000, () => {
          if (center.chat(chatId)?.cobrowse === 'requested') void center.contactAcceptsCobrowse(chatId).catch(() => undefined);
          answered.delete(`cobrowse:${chatId}`);
        });
      }
      const last = chat?.messages.at(-1);
      if (chat?.state !== 'active' || last?.from !== 'agent' || answered.has(last.id)) continue;
      answered.add(last.id);
      later(3_000 + Math.random() * 5_000, () => {
        if (center.chat(chatId)?.state === 'active') center.contactSays(chatId, pick(replies));
      });
    }
  }, 1_000);

  later(2_000, startOne);
  scheduleNext();

  return () => {
    clearInterval(answerAgents);
    timers.forEach(clearTimeout);
  };
}
