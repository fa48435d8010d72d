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
    chatIds.push(center.startChat({ contact: pick(contacts), skill, text: pick(openers[skill] ?? []) }));
  };

  const scheduleNext = () =>
    later(15_000 + Math.random() * 20_000, () => {
      startOne();
      scheduleNext();
    });

  const answerAgents = setInterval(() => {
    for (const chatId of chatIds) {
      const chat = center.chat(chatId);
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
