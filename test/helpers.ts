import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import {
  ChatSession,
  SimulatedContactCenter,
  type SimulatedContactCenterOptions,
} from '../src/index.js';

export const AGENT = { id: 'agent-1', name: 'Alex Martin' } as const;

/**
 * A simulated center with agent-1 connected through a session. A `scheduler` in the
 * options clocks both, so a test moves their time (a `ManualScheduler`) by hand.
 */
export function connectAgent(options: SimulatedContactCenterOptions = {}) {
  const center = new SimulatedContactCenter(options);
  const clock = options.scheduler ? { scheduler: options.scheduler } : {};
  const session = new ChatSession(center.connect(AGENT), { ...clock, logger: { warn: () => undefined } });
  return { center, session };
}

/** Every element below `root`, through shadow roots. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const child of Array.from(node.children)) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/**
 * Waits until no Lit element below `root` (or `root` itself) has an update pending, nor
 * work its `updateComplete` covers (the workspace's parts loading on demand).
 */
export async function settle(root: Element): Promise<void> {
  const litElements = () =>
    [root, ...deepElements(root.shadowRoot ?? root)].filter((element): element is LitElement => element instanceof LitElement);
  for (let round = 0; round < 20; round++) {
    await Promise.all(litElements().map((element) => element.updateComplete));
    await Promise.resolve();
    if (!litElements().some((element) => element.isUpdatePending)) return;
  }
}

/** The accessible-name text of an element, as tests compare it. */
function nameOf(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Finds buttons by their visible or ARIA name, through shadow roots. */
export function buttons(root: Element, name: string): HTMLButtonElement[] {
  return deepElements(root.shadowRoot ?? root).filter(
    (element): element is HTMLButtonElement => element instanceof HTMLButtonElement && nameOf(element) === name,
  );
}

export function button(root: Element, name: string): HTMLButtonElement {
  const [found] = buttons(root, name);
  if (!found) throw new Error(`No button named "${name}"`);
  return found;
}

/** Finds the first element matching a selector, through shadow roots. */
export function deepQuery<T extends Element = Element>(root: Element, selector: string): T | undefined {
  return deepElements(root.shadowRoot ?? root).find((element) => element.matches(selector)) as T | undefined;
}

export function deepQueryAll<T extends Element = Element>(root: Element, selector: string): T[] {
  return deepElements(root.shadowRoot ?? root).filter((element) => element.matches(selector)) as T[];
}

/** Visible text of an element and its shadow content, whitespace folded. */
export function deepText(root: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Presses modifiers and a key (by `event.code`) as a person does: down, press, up. */
export async function press(...keys: string[]): Promise<void> {
  const key = keys.at(-1) ?? '';
  const modifiers = keys.slice(0, -1);
  for (const modifier of modifiers) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of modifiers.reverse()) await sendKeys({ up: modifier });
}

/** One of the workspace's keyboard shortcuts: Alt+Shift and a key. */
export const altShift = (code: string) => press('Alt', 'Shift', code);

/** The focused element, through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
