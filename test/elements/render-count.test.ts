import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import type { ChatWorkspace } from '../../src/index.js';
import { connectAgent, deepQuery, settle } from '../helpers.js';

/**
 * What a keystroke costs: the state is one immutable object, and each element takes the
 * narrow slice it shows, so a draft that changes re-renders the composer and nothing else
 * (issue 12). Counted on LitElement's update, which every element of ours goes through.
 */
function countRenders() {
  const rendered: string[] = [];
  const original = Object.getOwnPropertyDescriptor(LitElement.prototype, 'update')!.value as (changed: Map<PropertyKey, unknown>) => void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (LitElement.prototype as any).update = function (this: LitElement, changed: Map<PropertyKey, unknown>) {
    rendered.push(this.localName);
    original.call(this, changed);
  };
  return {
    rendered,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    restore: () => ((LitElement.prototype as any).update = original),
  };
}

describe('a keystroke in the composer', () => {
  it('re-renders the composer only, with twelve long chats open', async function () {
    this.timeout(30_000);
    const { center, session } = connectAgent({ maxConcurrentChats: 12, assistApps: [], advancedChat: true });
    await session.setAgentState('Available');
    for (let index = 0; index < 12; index++) {
      const chatId = center.startChat({ contact: { name: `Contact ${index}` }, skill: 'Billing', text: `Hello ${index}` });
      await session.acceptOffer(chatId);
      for (let message = 0; message < 200; message++) center.contactSays(chatId, `Message ${message} of chat ${index}`);
    }
    const element = await fixture<ChatWorkspace>(html`<chat-workspace .session=${session} style="width: 1100px; height: 700px"></chat-workspace>`);
    await settle(element);
    const box = deepQuery<HTMLTextAreaElement>(element, 'textarea[aria-label="Message"]')!;
    box.focus();
    // The first character makes a draft (a tab may show that); the next ones only change it.
    await sendKeys({ type: 'B' });
    await settle(element);
    // The tab list learns which tabs are out of sight from an IntersectionObserver, over
    // the first frames: let it finish before counting.
    for (let frame = 0; frame < 4; frame++) await nextFrame();
    await settle(element);

    const counter = countRenders();
    try {
      await sendKeys({ type: 'o' });
      await settle(element);
    } finally {
      counter.restore();
    }
    expect(box.value).to.equal('Bo');
    expect(session.state.work[session.state.activeChatId ?? '']?.draft).to.equal('Bo');
    expect(counter.rendered).to.deep.equal(['chat-composer']);
  });
});
