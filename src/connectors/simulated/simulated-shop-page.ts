/** The card number the simulated contact types into the shop page: it must never reach the agent. */
export const SIMULATED_CARD_NUMBER = '4111 1111 1111 1111';

interface ShopRecorderApi {
  start(emit: (event: unknown) => void): () => void;
}

/** How often the page's recording goes out, in batches (ms). */
const BATCH_INTERVAL_MS = 100;
/** The most events per batch (the platform's limit is higher). */
const BATCH_SIZE = 200;

/**
 * The Trusted Types policy that vouches for the recorder's address (and no other) on a
 * page that requires Trusted Types for scripts: such a page names it in its policy.
 */
export const RECORDER_POLICY = 'agent-chat-workspace';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

let recorderPolicy: ScriptUrlPolicy | undefined;

/**
 * The recorder module beside this one (its TypeScript source under a dev server, as the
 * demo and the tests run; its build elsewhere), as a TrustedScriptURL where the
 * browser has Trusted Types. The policy is made once per page and signs that address only.
 */
function recorderUrl(): unknown {
  const extension = new URL(import.meta.url).pathname.endsWith('.ts') ? 'ts' : 'js';
  const url = new URL(`./shop-recorder.${extension}`, import.meta.url).href;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  recorderPolicy ??= factory.createPolicy(RECORDER_POLICY, {
    createScriptURL: (candidate) => {
      if (candidate !== url) throw new TypeError(`${RECORDER_POLICY} signs the co-browse recorder's address only.`);
      return candidate;
    },
  });
  return recorderPolicy.createScriptURL(url);
}

const SHOP_CSS = `
  body { font: 16px/1.4 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
  header { background: #234; color: #fff; padding: 12px 24px; font-weight: 600; }
  main { max-width: 520px; margin: 24px auto; background: #fff; padding: 24px; border: 1px solid #ccc; border-radius: 8px; }
  label { display: block; margin: 12px 0 4px; }
  input { width: 100%; box-sizing: border-box; padding: 8px; font: inherit; border: 1px solid #888; border-radius: 4px; }
  .total { margin-top: 16px; font-weight: 600; }
  button { margin-top: 16px; padding: 8px 16px; font: inherit; background: #0b5394; color: #fff; border: 0; border-radius: 4px; }
`;

/**
 * Builds the shop's checkout with DOM calls and a constructed stylesheet: no HTML string
 * and no inline style, so the page builds under a host's strict CSP and Trusted Types too.
 */
function buildShopPage(doc: Document): void {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  };
  doc.documentElement.lang = 'en';
  doc.title = 'Checkout - Example Shop';
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view) {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(SHOP_CSS);
    doc.adoptedStyleSheets = [sheet];
  }
  const main = element('main');
  main.append(
    element('h1', 'Checkout'),
    element('p', '1 × Wireless headphones'),
    element('p', 'Total: $89.00', { class: 'total' }),
    element('label', 'Name on card', { for: 'name' }),
    element('input', undefined, { id: 'name', autocomplete: 'cc-name' }),
    element('label', 'Card number', { for: 'card' }),
    element('input', undefined, { id: 'card', inputmode: 'numeric', autocomplete: 'cc-number' }),
    element('button', 'Pay now', { type: 'button' }),
  );
  doc.body.replaceChildren(element('header', 'Example Shop'), main);
}

/**
 * The simulated contact's own browser page (a shop's checkout), built off-screen in a
 * frame the simulator owns, and recorded with rrweb in that frame: the recorder masks
 * every input before an event leaves the page. `send` receives each batch of events.
 */
export class SimulatedShopPage {
  private frame?: HTMLIFrameElement;
  private stopRecording?: () => void;
  private pending: unknown[] = [];
  private flushTimer?: ReturnType<typeof setInterval>;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(
    private readonly contactName: string,
    private readonly send: (events: unknown[]) => void,
  ) {}

  /** Opens the page, starts recording and has the contact fill in the form. */
  async start(): Promise<void> {
    const frame = document.createElement('iframe');
    frame.title = 'Simulated contact page';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    // Off-screen, never in the host's layout or in its accessibility tree.
    frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:800px;height:600px;border:0;visibility:hidden;';
    this.frame = frame;
    document.body.append(frame);
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    if (!doc || !win) throw new Error('The simulated contact page could not open.');
    buildShopPage(doc);
    const api = await this.loadRecorder(doc, win);
    if (this.stopped) return;
    this.stopRecording = api.start((event) => this.pending.push(event));
    this.flushTimer = setInterval(() => this.flush(), BATCH_INTERVAL_MS);
    this.flush();
    this.fillIn(doc);
  }

  /** Stops recording and removes the page. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.flushTimer);
    clearTimeout(this.typingTimer);
    this.stopRecording?.();
    this.stopRecording = undefined;
    this.pending = [];
    this.frame?.remove();
    this.frame = undefined;
  }

  /** Loads the recorder module into the page's own frame: rrweb records the realm it runs in. */
  private loadRecorder(doc: Document, win: Window): Promise<ShopRecorderApi> {
    return new Promise((resolve, reject) => {
      const frameWindow = win as Window & { shopRecorder?: ShopRecorderApi };
      win.addEventListener('shop-recorder-ready', () => {
        if (frameWindow.shopRecorder) resolve(frameWindow.shopRecorder);
        else reject(new Error('The co-browse recorder did not start.'));
      });
      const script = doc.createElement('script');
      script.type = 'module';
      script.onerror = () => reject(new Error('The co-browse recorder could not load.'));
      try {
        (script as { src: unknown }).src = recorderUrl();
      } catch {
        reject(new Error(`The co-browse recorder could not load: allow the Trusted Types policy "${RECORDER_POLICY}".`));
        return;
      }
      doc.head.append(script);
    });
  }

  private flush(): void {
    while (this.pending.length > 0 && !this.stopped) this.send(this.pending.splice(0, BATCH_SIZE));
  }

  /** The contact types their name, then the card number, a few characters at a time. */
  private fillIn(doc: Document): void {
    const steps: { input: HTMLInputElement; text: string }[] = [];
    const name = doc.getElementById('name') as HTMLInputElement | null;
    const card = doc.getElementById('card') as HTMLInputElement | null;
    if (name) steps.push({ input: name, text: this.contactName });
    if (card) steps.push({ input: card, text: SIMULATED_CARD_NUMBER });
    let step = 0;
    let length = 0;
    const type = () => {
      if (this.stopped) return;
      const current = steps[step];
      if (!current) return;
      length = Math.min(current.text.length, length + 4);
      current.input.focus();
      current.input.value = current.text.slice(0, length);
      current.input.dispatchEvent(new Event('input', { bubbles: true }));
      if (length >= current.text.length) {
        current.input.dispatchEvent(new Event('change', { bubbles: true }));
        step += 1;
        length = 0;
      }
      this.typingTimer = setTimeout(type, 120);
    };
    this.typingTimer = setTimeout(type, 200);
  }
}
