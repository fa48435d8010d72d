import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { formatReport, type SoakReport } from '../../soak/report.js';

/**
 * The soak of `npm run soak`, shortened to 20 s: 8 agents over WebSocketConnector in Node
 * (each through its own TCP proxy), contacts over HTTP, connection cuts, one SIGKILL and
 * restart of the server, page reloads (one behind a cut, one while the server is down);
 * then every chat checked on both sides.
 */

type SoakResult = { done: false } | { done: true; code: number | null; report?: SoakReport; log: string };

describe('soak: load and faults against the reference server', () => {
  it('loses, duplicates and reorders nothing across cuts, a server kill and reloads', async function () {
    // The run lasts 20 s plus its start and settle; the suite's 10 s suit every other test.
    this.timeout(60_000);
    const { id } = await executeServerCommand<{ id: string }, { agents: number; seconds: number; seed: number }>('soak-start', {
      agents: 8,
      seconds: 20,
      seed: 9,
    });
    let result: SoakResult = { done: false };
    // Each call waits up to 15 s for the end (a browser command may not take 20 s); three
    // calls give the ~22 s run room and still fail, with a message, before mocha's minute.
    for (let polls = 0; !result.done && polls < 3; polls++) {
      result = await executeServerCommand<SoakResult, { id: string }>('soak-result', { id });
    }
    if (!result.done) throw new Error('The soak did not finish within 45 s.');
    const { report } = result;
    if (!report) throw new Error(`The soak failed to run (exit ${String(result.code)}):\n${result.log}`);
    console.log(formatReport(report));

    expect(report.totals, 'nothing lost, duplicated or out of order').to.deep.equal({ lost: 0, duplicated: 0, outOfOrder: 0 });
    expect(report.failures).to.deep.equal([]);
    expect(report.ok).to.equal(true);
    expect(result.code).to.equal(0);
    // It really moved messages, under real faults.
    expect(report.options.agents).to.be.at.least(8);
    expect(report.sides.agentToServer.sent, 'agent messages').to.be.above(200);
    expect(report.sides.contactToServer.sent, 'contact messages').to.be.above(200);
    expect(report.sides.contactToAgent.delivered, 'contact messages received by the agents').to.be.above(200);
    expect(report.faults.kills).to.equal(1);
    expect(report.faults.restarts).to.equal(1);
    expect(report.faults.silentCuts + report.faults.resetCuts, 'cuts').to.be.at.least(1);
    expect(report.faults.reloads, 'reloads').to.be.at.least(2);
    expect(report.reloads.draftsLost, 'drafts lost across a reload').to.equal(0);
    expect(report.faults.reconnects, 'connections that were restored').to.be.at.least(8);
  });
});
