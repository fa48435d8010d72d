/**
 * Angular-style host, without Angular: what Angular does for
 *
 *   <chat-workspace [session]="session" (chat-accepted)="onAccepted($event)"></chat-workspace>
 *
 * in a component with `schemas: [CUSTOM_ELEMENTS_SCHEMA]`. Its DOM renderer (Renderer2)
 * creates the element and inserts it, `listen`s for `(chat-accepted)` with addEventListener
 * on the element, then the first change detection sets `[session]` as a property. The
 * renderer below makes the same DOM calls in the same order.
 */
import { expect } from '@open-wc/testing';
import { ChatWorkspace, type ChatAcceptedDetail, type ChatSession } from '../../src/index.js';
import { button, connectAgent, settle } from '../helpers.js';

/** The part of Angular's DomRenderer that such a template uses. */
const renderer = {
  createElement: (name: string) => document.createElement(name),
  appendChild: (parent: Element, child: Element) => parent.appendChild(child),
  removeChild: (parent: Element, child: Element) => parent.removeChild(child),
  /** `[name]="value"` on an element: a property, never an attribute. */
  setProperty: (element: Element, name: string, value: unknown) => {
    (element as unknown as Record<string, unknown>)[name] = value;
  },
  /** `(event)="handler($event)"`: a listener on the element; returns the unlisten function. */
  listen: (element: Element, eventName: string, callback: (event: Event) => void) => {
    element.addEventListener(eventName, callback);
    return () => element.removeEventListener(eventName, callback);
  },
};

/** The component class an Angular app would write. */
class AgentDeskComponent {
  readonly accepted: ChatAcceptedDetail[] = [];
  private heard: () => void = () => undefined;
  readonly firstAccepted = new Promise<void>((resolve) => (this.heard = resolve));

  constructor(readonly session: ChatSession) {}

  onAccepted(event: HTMLElementEventMap['chat-accepted']) {
    this.accepted.push(event.detail);
    this.heard();
  }
}

describe('Angular-style host', () => {
  let host: HTMLElement;
  let unlisten: (() => void) | undefined;

  beforeEach(() => {
    host = document.createElement('app-agent-desk');
    document.body.append(host);
  });

  afterEach(() => {
    unlisten?.();
    unlisten = undefined;
    host.remove();
  });

  it('sets [session] as a property and hears (chat-accepted) on the element', async () => {
    const { center, session } = connectAgent();
    const component = new AgentDeskComponent(session);

    // Creation pass: element, inserted, listener.
    const workspace = renderer.createElement('chat-workspace');
    renderer.appendChild(host, workspace);
    unlisten = renderer.listen(workspace, 'chat-accepted', (event) =>
      component.onAccepted(event as HTMLElementEventMap['chat-accepted']),
    );
    // First change detection: property bindings.
    renderer.setProperty(workspace, 'session', component.session);

    if (!(workspace instanceof ChatWorkspace)) throw new Error('<chat-workspace> is not defined');
    expect(workspace.session).to.equal(session);
    expect(workspace.hasAttribute('session')).to.equal(false);
    await settle(workspace);

    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await settle(workspace);
    button(workspace, 'Accept').click();
    await component.firstAccepted;
    await settle(workspace);

    expect(component.accepted).to.deep.equal([{ chatId, contact: { name: 'Marie Tremblay' }, skill: 'Billing' }]);
    renderer.removeChild(host, workspace);
    session.dispose();
  });
});
