/**
 * Vue 3 host, written both ways Vue users write it: a render function (`h`) and a template
 * compiled the way Vue's build tools compile it, with `<chat-workspace>` declared a custom
 * element. `.session` / `:session.prop` set a DOM property; `onChatAccepted` /
 * `@chat-accepted` listen to the `chat-accepted` event on the element.
 */
import { expect } from '@open-wc/testing';
import { compile, type CompilerOptions } from '@vue/compiler-dom';
import * as Vue from 'vue';
import { createApp, h, registerRuntimeCompiler, type App, type RenderFunction } from 'vue';
import type { ChatAcceptedDetail, ChatWorkspace } from '../../src/index.js';
import { button, connectAgent, settle } from '../helpers.js';

// What a bundler defines for Vue's esm-bundler build (Vite's Vue plugin does it).
Object.assign(globalThis, {
  __VUE_OPTIONS_API__: true,
  __VUE_PROD_DEVTOOLS__: false,
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
});

// `template` strings need Vue's compiler. The `vue` package's browser build is runtime
// only; this wires in Vue's own compiler the way its full build (`vue/dist/vue.esm-bundler.js`)
// does, without the cache: the template below is compiled with the app's `compilerOptions`
// (`isCustomElement` included), into the same bindings a .vue file gets at build time.
registerRuntimeCompiler((template: string, options: CompilerOptions) => {
  const { code } = compile(template, { hoistStatic: true, ...options, mode: 'function' });
  const render = new Function('Vue', code)(Vue) as RenderFunction & { _rc?: boolean };
  render._rc = true;
  return render;
});

/** Drives one offer through the simulator and clicks Accept inside the workspace. */
async function acceptAnOffer(workspace: ChatWorkspace, { center, session }: ReturnType<typeof connectAgent>) {
  await session.setAgentState('Available');
  const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
  await settle(workspace);
  button(workspace, 'Accept').click();
  return chatId;
}

/** A handler that records what it hears, and a promise of the first event. */
function acceptedHandler() {
  const received: HTMLElementEventMap['chat-accepted'][] = [];
  let heard: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (heard = resolve));
  const onAccepted = (event: HTMLElementEventMap['chat-accepted']) => {
    received.push(event);
    heard();
  };
  return { received, first, onAccepted };
}

describe('Vue 3 host', () => {
  let container: HTMLElement;
  let app: App | undefined;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
  });

  async function mountAndAccept(vueApp: App, agent: ReturnType<typeof connectAgent>) {
    vueApp.mount(container);
    const workspace = container.querySelector('chat-workspace');
    if (!workspace) throw new Error('Vue rendered no <chat-workspace>');
    expect(workspace.session, 'a property, not an attribute').to.equal(agent.session);
    expect(workspace.hasAttribute('session')).to.equal(false);
    await settle(workspace);
    return { workspace, chatId: await acceptAnOffer(workspace, agent) };
  }

  it('binds .session and onChatAccepted in a render function', async () => {
    const agent = connectAgent();
    const { received, first, onAccepted } = acceptedHandler();
    app = createApp({
      render: () => h('chat-workspace', { '.session': agent.session, onChatAccepted: onAccepted }),
    });

    const { workspace, chatId } = await mountAndAccept(app, agent);
    await first;
    await settle(workspace);

    expect(received).to.have.length(1);
    const detail: ChatAcceptedDetail = received[0].detail;
    expect(detail).to.deep.equal({ chatId, contact: { name: 'Marie Tremblay' }, skill: 'Billing' });
    agent.session.dispose();
  });

  it('binds :session.prop and @chat-accepted in a template, with isCustomElement', async () => {
    const agent = connectAgent();
    const { received, first, onAccepted } = acceptedHandler();
    const warnings: string[] = [];
    app = createApp({
      template: '<chat-workspace :session.prop="session" @chat-accepted="onAccepted"></chat-workspace>',
      setup: () => ({ session: agent.session, onAccepted }),
    });
    app.config.compilerOptions.isCustomElement = (tag) => tag === 'chat-workspace';
    app.config.warnHandler = (message) => warnings.push(message);

    const { workspace, chatId } = await mountAndAccept(app, agent);
    await first;
    await settle(workspace);

    expect(received).to.have.length(1);
    const detail: ChatAcceptedDetail = received[0].detail;
    expect(detail).to.deep.equal({ chatId, contact: { name: 'Marie Tremblay' }, skill: 'Billing' });
    expect(warnings, 'Vue warned (e.g. "Failed to resolve component")').to.deep.equal([]);
    agent.session.dispose();
  });
});
