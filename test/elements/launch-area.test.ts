import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LaunchArea } from '../../src/elements/launch-area/launch-area.js';
import '../../src/index.js';
import { button, connectAgent, settle } from '../helpers.js';

if (!customElements.get('launch-area')) customElements.define('launch-area', LaunchArea);

describe('<launch-area>', () => {
  it('shows New engagement and the configured http(s) links filled in for the contact (R5)', async () => {
    const { center, session } = connectAgent({
      customLinks: [
        { label: 'Customer lookup', url: 'https://crm.example.com/search?q={{contact.name}}&agent={{agent.id}}' },
        { label: 'Evil', url: 'javascript:alert("{{contact.name}}")' },
        { label: 'Knowledge base', url: 'https://help.example.com/' },
      ],
    });
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Jean-François <Roy>' }, skill: 'Billing', text: 'Bonjour' });
    await session.acceptOffer(chatId);
    const element = await fixture<LaunchArea>(html`<launch-area .session=${session} chat-id=${chatId}></launch-area>`);
    await settle(element);

    expect(button(element, 'New engagement')).to.exist;
    const links = [...(element.shadowRoot?.querySelectorAll('a') ?? [])];
    expect(links.map((link) => link.textContent?.trim())).to.deep.equal(['Customer lookup', 'Knowledge base']);
    expect(links[0]?.getAttribute('href')).to.equal(
      'https://crm.example.com/search?q=Jean-Fran%C3%A7ois%20%3CRoy%3E&agent=agent-1',
    );
    for (const link of links) {
      expect(link.rel).to.equal('noopener noreferrer');
      expect(link.target).to.equal('_blank');
    }
    await expect(element).to.be.accessible();
  });

  it('follows the chat it is given', async () => {
    const { center, session } = connectAgent({
      maxConcurrentChats: 2,
      customLinks: [{ label: 'Lookup', url: 'https://crm.example.com/?q={{contact.name}}' }],
    });
    await session.setAgentState('Available');
    const first = center.startChat({ contact: { name: 'Marie' }, skill: 'Billing', text: 'a' });
    const second = center.startChat({ contact: { name: 'Priya' }, skill: 'Billing', text: 'b' });
    await session.acceptOffer(first);
    await session.acceptOffer(second);
    const element = await fixture<LaunchArea>(html`<launch-area .session=${session} chat-id=${first}></launch-area>`);
    expect(element.shadowRoot?.querySelector('a')?.getAttribute('href')).to.equal('https://crm.example.com/?q=Marie');
    element.chatId = second;
    await settle(element);
    expect(element.shadowRoot?.querySelector('a')?.getAttribute('href')).to.equal('https://crm.example.com/?q=Priya');
  });

  it('asks the workspace for a new engagement about the current chat', async () => {
    const { session } = connectAgent();
    const element = await fixture<LaunchArea>(html`<launch-area .session=${session} chat-id="chat-9"></launch-area>`);
    const requested = oneEvent(element, 'new-engagement-requested');
    button(element, 'New engagement').click();
    expect((await requested).detail).to.deep.equal({ chatId: 'chat-9' });
  });
});
