import { expect } from '@open-wc/testing';
import { SimulatedContactCenter } from '../../src/index.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

const alex = { id: 'agent-1', name: 'Alex Martin' };
const dispositions = [{ code: 'resolved', label: 'Resolved' }];

describe('SimulatedContactCenter: after-contact work and Unavailable reasons', () => {
  it('takes the options, with no limit and no reasons by default', () => {
    expect(new SimulatedContactCenter().configuration).to.include({ acwTimeoutMs: 0, wrapUpBeforeNextOffer: false });
    expect(new SimulatedContactCenter().configuration.unavailableReasons).to.deep.equal([]);
    const center = new SimulatedContactCenter({
      acwTimeoutMs: 120_000,
      wrapUpBeforeNextOffer: true,
      dispositions,
      defaultDisposition: 'resolved',
      unavailableReasons: [{ code: 'lunch', label: 'Lunch' }],
    });
    expect(center.configuration).to.deep.include({ acwTimeoutMs: 120_000, wrapUpBeforeNextOffer: true, defaultDisposition: 'resolved' });
  });

  it('names the option that is wrong', () => {
    expect(() => new SimulatedContactCenter({ acwTimeoutMs: -1 })).to.throw(TypeError, /acwTimeoutMs/);
    expect(() => new SimulatedContactCenter({ dispositions, defaultDisposition: 'lost' })).to.throw(TypeError, /defaultDisposition/);
    expect(() => new SimulatedContactCenter({ unavailableReasons: [{ code: '', label: 'Lunch' }] })).to.throw(TypeError, /unavailableReasons/);
  });

  it('closes an ended chat on its scheduler’s clock, with the default disposition, and frees the agent for the next', async () => {
    const scheduler = new ManualScheduler();
    const center = new SimulatedContactCenter({ scheduler, acwTimeoutMs: 30_000, dispositions, defaultDisposition: 'resolved', maxConcurrentChats: 1 });
    const connector = center.connect(alex);
    await connector.setAgentState('Available');
    const first = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await connector.acceptOffer(first);
    center.contactLeaves(first);
    const second = center.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    expect(center.chat(second)?.state).to.equal('queued');
    await connector.extendWrapUp(first);
    scheduler.advance(30_000);
    expect(center.chat(first)?.state, 'extended once: 60 s in all').to.equal('ended');
    scheduler.advance(30_000);
    expect(center.chat(first)).to.deep.include({ state: 'closed', disposition: { code: 'resolved', tags: [], notes: '' } });
    expect(center.chat(second)).to.include({ state: 'offered', agentId: alex.id });
  });
});
