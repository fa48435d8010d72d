import { expect, fixture, html } from '@open-wc/testing';
import { SuggestedReplies, rankQuickReplies, type AssistApi, type AssistChat, type QuickReply } from '../../src/index.js';
import { similarity, topicWords } from '../../src/elements/suggested-replies/rank-replies.js';

const REPLIES: QuickReply[] = [
  { id: 'greeting', title: 'Greeting', text: 'Hello {{contact.name}}, how can I help you today?' },
  { id: 'double-charge', title: 'Double charge', category: 'Billing', text: 'Sorry you were charged twice, {{contact.name}}. I will refund the duplicate charge on your invoice.' },
  { id: 'payment-method', title: 'Payment method', category: 'Billing', text: 'You can change your payment method in the customer portal.' },
  { id: 'modem-reset', title: 'Modem reset', category: 'Technical Support', text: 'Unplug your modem for 30 seconds, then plug it back in. Is the internet still slow?' },
  { id: 'password', title: 'Portal password', category: 'Technical Support', text: 'I sent you a link to reset your customer portal password.' },
];

const ids = (ranked: ReturnType<typeof rankQuickReplies>) => ranked.map(({ reply }) => reply.id);

describe('rankQuickReplies', () => {
  it('puts the reply about a double charge first for "I was charged twice for my invoice"', () => {
    const ranked = rankQuickReplies(REPLIES, ['Bonjour! I was charged twice for my November invoice.']);
    expect(ids(ranked)[0]).to.equal('double-charge');
    expect(ranked[0]?.score).to.be.greaterThan(ranked[1]?.score ?? 0);
  });

  it('finds the modem reply for a restarting modem, and the password one for an expired password', () => {
    expect(ids(rankQuickReplies(REPLIES, ['My modem keeps restarting every few minutes.']))).to.deep.equal(['modem-reset']);
    expect(ids(rankQuickReplies(REPLIES, ['I cannot log in to the customer portal, it says my password expired.']))[0]).to.equal('password');
  });

  it('folds accents and French stop words: "Mode de paiement" finds the payment method once the words match', () => {
    expect([...topicWords('Élevé, le Modem! les factures')]).to.deep.equal(['eleve', 'modem', 'facture']);
    expect(ids(rankQuickReplies(REPLIES, ['Je voudrais changer ma méthode de PAYMENT.']))).to.deep.equal(['payment-method']);
  });

  it('keeps at most three, best first, ties in the configured order, none without a shared word', () => {
    const ranked = rankQuickReplies(REPLIES, ['customer portal password payment modem charge']);
    expect(ranked).to.have.length(3);
    const scores = ranked.map(({ score }) => score);
    expect([...scores].sort((a, b) => b - a)).to.deep.equal(scores);
    expect(rankQuickReplies(REPLIES, ['Okay, thank you.'])).to.deep.equal([]);
    expect(rankQuickReplies(REPLIES, [])).to.deep.equal([]);
  });

  it('scores word sets by cosine similarity', () => {
    expect(similarity(new Set(['a1', 'b1']), new Set(['a1', 'b1']))).to.equal(1);
    expect(similarity(new Set(['a1', 'b1']), new Set(['a1', 'c1', 'd1', 'e1']))).to.be.closeTo(1 / Math.sqrt(8), 1e-9);
    expect(similarity(new Set(), new Set(['a1']))).to.equal(0);
  });
});

describe('<suggested-replies> assist app', () => {
  if (!customElements.get('test-suggested-replies')) customElements.define('test-suggested-replies', SuggestedReplies);

  it('shows the best replies with their score and inserts one with its variables filled', async () => {
    const inserted: string[] = [];
    const chat: AssistChat = {
      id: 'chat-1',
      contact: { name: 'Marie Tremblay' },
      skill: 'Billing',
      status: 'active',
      messages: [{ id: 'm1', from: 'contact', text: 'I was charged twice on my invoice', at: 0 }],
    };
    const assist: AssistApi = {
      insertText: async (text) => (inserted.push(text), true),
      variables: { 'contact.name': 'Marie Tremblay' },
      quickReplies: REPLIES,
    };
    const element = await fixture<SuggestedReplies>(
      html`<test-suggested-replies .chat=${chat} .assist=${assist}></test-suggested-replies>`,
    );
    const buttons = Array.from(element.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="suggestion"]') ?? []);
    expect(buttons.length).to.be.within(1, 3);
    expect(buttons[0]?.querySelector('.title')?.textContent).to.equal('Double charge');
    expect(buttons[0]?.querySelector('[part="score"]')?.textContent?.trim()).to.match(/^\d+% match$/);
    buttons[0]?.click();
    expect(inserted).to.deep.equal([
      'Sorry you were charged twice, Marie Tremblay. I will refund the duplicate charge on your invoice.',
    ]);
    await expect(element).to.be.accessible();
  });
});
