import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChatWorkspace } from '../../src/index.js';
import { connectAgent, settle } from '../helpers.js';

/**
 * A host page that mounts and removes the workspace again and again (a CRM that opens
 * and closes its agent panel) must not pile up DOM nodes or event listeners (issue 9).
 * Chromium counts both; `page-metrics` (scripts/wtr-hardening-plugin.mjs) reads them
 * after a forced garbage collection.
 */
interface PageMetrics {
  Nodes: number;
  JSEventListeners: number;
  Documents: number;
}

const MOUNTS = 200;
/**
 * What may differ without a leak: a few nodes and listeners that live and die with the
 * test runner's own work between two readings. One leaked workspace keeps hundreds of
 * nodes, and one listener left per mount makes 200.
 */
const SLACK = { Nodes: 60, JSEventListeners: 20, Documents: 0 } as const;

async function pageMetrics(): Promise<PageMetrics> {
  const metrics = await executeServerCommand<PageMetrics | undefined, undefined>('page-metrics');
  if (!metrics) throw new Error('no page metrics');
  return { Nodes: metrics.Nodes, JSEventListeners: metrics.JSEventListeners, Documents: metrics.Documents };
}

/** One host's turn: a session, the workspace, two offers, one chat with messages; then away. */
async function mountAndRemove(round: number): Promise<void> {
  const { center, session } = connectAgent({ maxConcurrentChats: 3 });
  const workspace = document.createElement('chat-workspace') as ChatWorkspace;
  workspace.session = session;
  document.body.append(workspace);
  await session.setAgentState('Available');
  const marie = center.startChat({ contact: { name: `Marie ${round}` }, skill: 'Billing', text: 'Bonjour!' });
  center.startChat({ contact: { name: `Jean ${round}` }, skill: 'Billing', text: 'Salut' });
  await settle(workspace);
  await session.acceptOffer(marie);
  center.contactSays(marie, 'I have a question about my bill.');
  await session.sendMessage(marie, 'Happy to help.');
  // Jean's offer stays up, with its countdown, when the host takes the workspace away.
  await settle(workspace);
  workspace.remove();
  session.dispose();
}

/** The page's counts while one workspace is shown (a function: no variable of the test keeps it). */
async function metricsWhileMounted(): Promise<PageMetrics> {
  const { session } = connectAgent();
  const workspace = document.createElement('chat-workspace') as ChatWorkspace;
  workspace.session = session;
  document.body.append(workspace);
  await settle(workspace);
  const metrics = await pageMetrics();
  workspace.remove();
  session.dispose();
  return metrics;
}

/** Lets timers and microtasks that finish a removal run before counting. */
function quiet(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

describe('mounting and removing the workspace', () => {
  it(`${MOUNTS} times leaves the page's DOM nodes and event listeners where they were`, async function () {
    this.timeout(180_000);
    // The first mounts load what a page keeps once: templates, styles, the clock, the locale.
    for (let round = 0; round < 5; round++) await mountAndRemove(round);
    await quiet();
    const baseline = await pageMetrics();

    // The counts see a mounted workspace, so an unchanged count below means something.
    const mounted = await metricsWhileMounted();
    expect(mounted.Nodes - baseline.Nodes, 'nodes of one mounted workspace').to.be.greaterThan(SLACK.Nodes);

    for (let round = 0; round < MOUNTS; round++) await mountAndRemove(round);
    await quiet();
    const after = await pageMetrics();

    const grown = {
      Nodes: after.Nodes - baseline.Nodes,
      JSEventListeners: after.JSEventListeners - baseline.JSEventListeners,
      Documents: after.Documents - baseline.Documents,
    };
    console.log(`page metrics: baseline ${JSON.stringify(baseline)}, one mounted ${JSON.stringify(mounted)}, after ${MOUNTS} mounts ${JSON.stringify(after)}`);
    expect(grown.Nodes, `DOM nodes grew by ${grown.Nodes}`).to.be.at.most(SLACK.Nodes);
    expect(grown.JSEventListeners, `event listeners grew by ${grown.JSEventListeners}`).to.be.at.most(SLACK.JSEventListeners);
    expect(grown.Documents, `documents grew by ${grown.Documents}`).to.be.at.most(SLACK.Documents);
  });
});
