import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ChatWorkspace } from '../../src/index.js';
import { deepQuery, deepQueryAll, frameButton, frameText, settleFrame, until } from './frame-queries.js';
import type { StrictPage } from './strict-page.js';

/**
 * The workspace under the strictest policy a host page may set (issue 9): no inline
 * style or script, no data: images, and Trusted Types for every HTML sink. The runner's
 * own page carries no policy, so the test drives a page in a frame that is served with
 * one (scripts/wtr-hardening-plugin.mjs) and counts what that page reports.
 */
const STRICT_CSP =
  "default-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const STRICT_PAGE = new URL('./strict-page.html', import.meta.url).href;
/** The same page, whose policy also names the simulator's recorder policy (README). */
const STRICT_COBROWSE_PAGE = new URL('./strict-cobrowse-page.html', import.meta.url).href;

interface OpenedPage {
  frame: HTMLIFrameElement;
  view: Window;
  document: Document;
  page: StrictPage;
}

async function openStrictPage(url = STRICT_PAGE): Promise<OpenedPage> {
  const frame = document.createElement('iframe');
  // Within the runner's viewport, where a real mouse click can reach.
  frame.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; border: 0; background: white';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  const view = frame.contentWindow;
  if (!view) throw new Error('the strict page did not open');
  // Module scripts run before `load`: without them (a blocked script) there is no strictPage.
  const page = view.strictPage;
  if (!page) throw new Error('the strict page ran no script');
  return { frame, view, document: view.document, page };
}

/**
 * Waits until every violation so far has reached the page's listener: one more, made on
 * purpose on a marked element, comes after them all (violations-log.ts keeps it apart).
 */
async function violationsDelivered({ document: page, page: strictPage }: OpenedPage): Promise<void> {
  const counted = strictPage.sentinels.count;
  const sentinel = page.createElement('span');
  sentinel.setAttribute('data-sentinel', '');
  page.body.append(sentinel);
  sentinel.setAttribute('style', 'outline: 0');
  await until(() => strictPage.sentinels.count > counted, 'the sentinel violation');
  sentinel.remove();
}

function busyCenter(page: StrictPage) {
  const center = new page.SimulatedContactCenter({
    maxConcurrentChats: 3,
    dispositions: [
      { code: 'resolved', label: 'Resolved' },
      { code: 'follow-up', label: 'Follow-up needed' },
    ],
    quickReplies: [{ id: 'greeting', title: 'Greeting', text: 'Hello {{contact.name}}, my name is {{agent.name}}.' }],
    directory: {
      agents: [
        { id: 'agent-1', name: 'Alex Martin', skills: [] },
        { id: 'agent-2', name: 'Sam Rivera', skills: [] },
      ],
      teams: [{ id: 'tier-2', name: 'Tier 2' }],
      skills: [{ id: 'technical-support', name: 'Technical Support' }],
    },
  });
  const session = new page.ChatSession(center.connect({ id: 'agent-1', name: 'Alex Martin' }), {
    logger: { warn: () => undefined },
  });
  return { center, session };
}

/** A trusted mouse click at the middle of an element of the frame. */
async function clickInFrame(frame: HTMLIFrameElement, element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const outer = frame.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  const position: [number, number] = [
    Math.round(outer.left + inner.left + inner.width / 2),
    Math.round(outer.top + inner.top + inner.height / 2),
  ];
  await sendMouse({ type: 'click', position });
}

function composerOf(workspace: Element): HTMLTextAreaElement {
  const box = deepQuery<HTMLTextAreaElement>(workspace, 'textarea[aria-label="Message"]');
  if (!box) throw new Error('No composer');
  return box;
}

describe('the workspace under a strict Content-Security-Policy', () => {
  let opened: OpenedPage | undefined;

  afterEach(() => {
    opened?.frame.remove();
    opened = undefined;
  });

  it('is served with the policy as a header, and with no inline script or style', async () => {
    const response = await fetch(STRICT_PAGE);
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    // The dev server adds its own script to the page: it must not be an inline one.
    const served = new DOMParser().parseFromString(await response.text(), 'text/html');
    expect(served.querySelectorAll('script:not([src]), style, [style]')).to.have.length(0);
    const sources = Array.from(served.querySelectorAll('script[src]'), (script) => new URL(script.getAttribute('src') ?? '', STRICT_PAGE));
    expect(sources.map((source) => source.origin)).to.deep.equal(sources.map(() => location.origin));

    opened = await openStrictPage();
    expect(opened.document.querySelectorAll('script:not([src])')).to.have.length(0);
  });

  it('enforces it: an inline style and an untrusted HTML write are reported (so zero below means something)', async () => {
    opened = await openStrictPage();
    const { document: page, view } = opened;
    expect('trustedTypes' in view, 'Trusted Types in this browser').to.equal(true);
    const probe = page.createElement('p');
    page.body.append(probe);
    expect(() => {
      probe.innerHTML = '<b>plain string</b>';
    }).to.throw();
    probe.setAttribute('style', 'color: red');
    await violationsDelivered(opened);
    expect(opened.page.violations.map((violation) => violation.directive).sort()).to.deep.equal([
      'require-trusted-types-for',
      'style-src-attr',
    ]);
  });

  it('runs an offer, a chat, quick replies, transfer, copy and after-contact work with zero violations', async function () {
    this.timeout(60_000);
    opened = await openStrictPage();
    const { document: page, view, page: strictPage } = opened;
    const { center, session } = busyCenter(strictPage);
    const workspace = page.createElement('chat-workspace') as ChatWorkspace;
    workspace.style.height = '560px';
    workspace.session = session;
    page.body.append(workspace);
    await settleFrame(workspace);
    expect(frameText(workspace), 'the workspace rendered').to.include('Chats');
    expect(view.getComputedStyle(workspace).display, 'its adopted styles apply').to.not.equal('inline');

    // Available, from the state control; its arrow is an inline SVG.
    const state = deepQuery<HTMLSelectElement>(workspace, 'select[aria-label="Agent state"]');
    if (!state) throw new Error('no agent state control');
    expect(deepQuery(workspace, 'svg.arrow'), 'the select arrow').to.exist;
    state.value = 'Available';
    state.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => center.agentState('agent-1') === 'Available', 'Available');

    // An offer with its countdown and its draining bar.
    const marie = center.startChat({ contact: { name: 'Marie Tremblay', email: 'marie@example.com' }, skill: 'Billing', text: 'Bonjour!' });
    await settleFrame(workspace);
    const offer = deepQuery(workspace, 'offer-prompt');
    if (!offer) throw new Error('no offer prompt');
    const countdown = deepQuery(offer, '[part="countdown"]');
    expect(frameText(countdown ?? offer)).to.match(/^0:4\d$/);
    const bar = deepQuery<HTMLElement>(offer, '.progress span');
    if (!bar) throw new Error('no countdown bar');
    expect(view.getComputedStyle(bar).animationDuration, 'the bar drains over the 45 s of the offer').to.equal('45s');
    frameButton(workspace, 'Accept').click();
    await until(() => center.chat(marie)?.state === 'active', 'the chat accepted');
    await settleFrame(workspace);
    expect(deepQueryAll(workspace, '[role="tab"]')).to.have.length(1);

    // Type and send with Enter; the contact answers.
    composerOf(workspace).focus();
    await sendKeys({ type: 'Bonjour Marie' });
    await sendKeys({ press: 'Enter' });
    await until(() => center.chat(marie)?.messages.at(-1)?.text === 'Bonjour Marie', 'the agent message sent');
    center.contactSays(marie, 'I have a question about my bill.');
    await settleFrame(workspace);
    const conversation = deepQuery(workspace, 'chat-conversation');
    if (!conversation) throw new Error('no conversation');
    await until(() => frameText(conversation).includes('I have a question about my bill.'), 'the contact message shown');
    expect(frameText(conversation)).to.include('Bonjour Marie');

    // Quick replies: open, pick Greeting, Insert.
    frameButton(workspace, 'Quick replies').click();
    await settleFrame(workspace);
    const panel = deepQuery(workspace, 'quick-reply-panel');
    if (!panel) throw new Error('no quick-reply panel');
    const greeting = deepQueryAll(panel, 'button').find((candidate) => frameText(candidate).startsWith('Greeting'));
    if (!greeting) throw new Error('no Greeting reply');
    (greeting as HTMLButtonElement).click();
    await settleFrame(workspace);
    frameButton(workspace, 'Insert').click();
    await settleFrame(workspace);
    expect(composerOf(workspace).value).to.equal('Hello Marie Tremblay, my name is Alex Martin.');

    // Transfer dialog: open, search, close.
    frameButton(workspace, 'Transfer').click();
    await settleFrame(workspace);
    const transfer = deepQuery(workspace, 'transfer-dialog');
    if (!transfer) throw new Error('no transfer dialog');
    const dialog = deepQuery<HTMLDialogElement>(transfer, 'dialog');
    expect(dialog?.open).to.equal(true);
    deepQuery<HTMLInputElement>(transfer, 'input[type="search"]')?.focus();
    await sendKeys({ type: 'sam' });
    await settleFrame(workspace);
    expect(frameText(transfer)).to.include('Sam Rivera');
    expect(frameText(transfer)).to.not.include('Tier 2');
    frameButton(transfer, 'Close').click();
    await settleFrame(workspace);
    expect(dialog?.open).to.equal(false);

    // Copy all chat content, with a real click: the clipboard wants a user's gesture.
    await clickInFrame(opened.frame, frameButton(workspace, 'Copy all chat content'));
    await until(() => /copied to the clipboard|could not be copied/.test(frameText(workspace)), 'the copy notice');
    expect(frameText(workspace)).to.include('Chat content copied to the clipboard.');

    // End chat with two clicks, then after-contact work.
    frameButton(workspace, 'End chat').click();
    await settleFrame(workspace);
    frameButton(workspace, 'End chat').click();
    await until(() => center.chat(marie)?.state === 'ended', 'the chat ended');
    await settleFrame(workspace);
    const form = deepQuery(workspace, 'disposition-form');
    if (!form) throw new Error('no after-contact form');
    const disposition = deepQuery<HTMLSelectElement>(form, 'select');
    if (!disposition) throw new Error('no disposition select');
    disposition.value = 'resolved';
    disposition.dispatchEvent(new Event('change', { bubbles: true }));
    deepQuery<HTMLTextAreaElement>(form, 'textarea')?.focus();
    await sendKeys({ type: 'Answered the bill question' });
    await settleFrame(workspace);
    frameButton(workspace, 'Save and close').click();
    await until(() => center.chat(marie)?.state === 'closed', 'the chat closed');
    expect(center.chat(marie)?.disposition).to.deep.include({ code: 'resolved', notes: 'Answered the bill question' });
    await settleFrame(workspace);
    expect(deepQueryAll(workspace, '[role="tab"]')).to.have.length(0);

    // The dark theme and Canadian French.
    workspace.setAttribute('theme', 'dark');
    await settleFrame(workspace);
    expect(view.getComputedStyle(workspace).getPropertyValue('--cw-color-surface').trim()).to.equal('#1b2129');
    workspace.lang = 'fr-CA';
    await until(() => frameText(workspace).includes('Disponible'), 'the workspace in French');

    await violationsDelivered(opened);
    expect(strictPage.violations, 'CSP and Trusted Types violations').to.deep.equal([]);
    expect(strictPage.errors, 'uncaught errors in the strict page').to.deep.equal([]);
    session.dispose();
  });

  it('co-browses: the simulated contact page records, the agent replays, with zero violations', async function () {
    this.timeout(30_000);
    opened = await openStrictPage(STRICT_COBROWSE_PAGE);
    const response = await fetch(STRICT_COBROWSE_PAGE);
    expect(response.headers.get('content-security-policy')).to.equal(`${STRICT_CSP} agent-chat-workspace; report-uri /__csp-reports`);
    await executeServerCommand('csp-reports');
    const { document: page, page: strictPage } = opened;
    const center = new strictPage.SimulatedContactCenter({ advancedChat: true });
    const session = new strictPage.ChatSession(center.connect({ id: 'agent-1', name: 'Alex Martin' }), {
      logger: { warn: () => undefined },
    });
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    const workspace = page.createElement('chat-workspace') as ChatWorkspace;
    workspace.style.height = '640px';
    workspace.session = session;
    page.body.append(workspace);
    await settleFrame(workspace);

    frameButton(workspace, 'Co-browse').click();
    await until(() => center.chat(chatId)?.cobrowse === 'requested', 'the request');
    await center.contactAcceptsCobrowse(chatId);
    await settleFrame(workspace);
    const replayed = () =>
      deepQuery<HTMLIFrameElement>(workspace, '[role="region"][aria-label="Co-browse"] iframe')?.contentDocument ?? undefined;
    await until(() => replayed()?.querySelector('h1')?.textContent === 'Checkout', 'the replayed "Checkout"');
    await until(() => replayed()?.querySelector<HTMLInputElement>('#card')?.value === '*******************', 'the masked card');
    // The replayed page keeps its look: the shop's stylesheet applies in the replay.
    const heading = replayed()?.querySelector('header');
    expect(heading && replayed()?.defaultView?.getComputedStyle(heading).backgroundColor).to.equal('rgb(34, 51, 68)');
    // The replay frame's violations reach only the policy's report address. One made on
    // purpose in it, last, tells when the reports of the earlier ones are in.
    const reports: { directive: string }[] = [];
    replayed()?.body.setAttribute('style', 'outline: 0');
    await waitUntil(async () => {
      reports.push(...(await executeServerCommand<{ directive: string }[], undefined>('csp-reports')));
      return reports.some((report) => report.directive === 'style-src-attr');
    }, 'the replay frame’s sentinel report');
    const sentinel = reports.findIndex((report) => report.directive === 'style-src-attr');
    reports.splice(sentinel, 1);
    expect(reports, 'violations reported from the replay frame').to.deep.equal([]);

    frameButton(workspace, 'End co-browse').click();
    await until(() => center.chat(chatId)?.cobrowse === undefined, 'the co-browse ended');
    await violationsDelivered(opened);
    expect(strictPage.violations, 'CSP and Trusted Types violations').to.deep.equal([]);
    expect(strictPage.errors, 'uncaught errors in the strict page').to.deep.equal([]);
    session.dispose();
  });
});
