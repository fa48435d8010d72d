/**
 * React 19 host: React sets `session` as a property (it is `in` the element) and listens to
 * `chat-accepted` through the `onchat-accepted` prop (React 19 adds a listener for any
 * `on…` function prop of a custom element, with the event name as written after `on`).
 */
import { expect } from '@open-wc/testing';
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import type { ChatAcceptedDetail, ChatSession, ChatWorkspace } from '../../src/index.js';
import { button, connectAgent, settle } from '../helpers.js';

// What a React + TypeScript app declares once so that `<chat-workspace>` type-checks in TSX
// (README, "Framework hosts"); this test builds the same props with `createElement`.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'chat-workspace': React.DetailedHTMLProps<React.HTMLAttributes<ChatWorkspace>, ChatWorkspace> & {
        session?: ChatSession;
        'onchat-accepted'?: (event: CustomEvent<ChatAcceptedDetail>) => void;
      };
    }
  }
}

describe('React 19 host', () => {
  let container: HTMLElement;
  let root: ReactDOMClient.Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = ReactDOMClient.createRoot(container);
  });

  afterEach(() => {
    ReactDOM.flushSync(() => root.unmount());
    container.remove();
  });

  it('sets session as a property and hears chat-accepted through onchat-accepted', async () => {
    const { center, session } = connectAgent();
    const received: HTMLElementEventMap['chat-accepted'][] = [];
    let heard: () => void = () => undefined;
    const accepted = new Promise<void>((resolve) => (heard = resolve));
    const props: React.JSX.IntrinsicElements['chat-workspace'] = {
      session,
      'onchat-accepted': (event) => {
        received.push(event);
        heard();
      },
    };
    function AgentDesk() {
      return React.createElement('chat-workspace', props);
    }

    ReactDOM.flushSync(() => root.render(React.createElement(AgentDesk)));
    const workspace = container.querySelector('chat-workspace');
    if (!workspace) throw new Error('React rendered no <chat-workspace>');
    expect(workspace.session, 'a property, not an attribute').to.equal(session);
    expect(workspace.hasAttribute('session')).to.equal(false);
    await settle(workspace);

    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await settle(workspace);
    button(workspace, 'Accept').click();
    await accepted;
    await settle(workspace);

    expect(received).to.have.length(1);
    const detail: ChatAcceptedDetail = received[0].detail;
    expect(detail).to.deep.equal({ chatId, contact: { name: 'Marie Tremblay' }, skill: 'Billing' });
    session.dispose();
  });
});
