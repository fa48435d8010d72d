/**
 * Queries for a page in a frame. Its elements belong to another realm, so
 * `instanceof HTMLButtonElement` or `instanceof LitElement` from this page is false for
 * them: these go by tag names and duck typing instead.
 */
import { waitUntil } from '@open-wc/testing';
import { deepElements } from '../helpers.js';

export { deepQuery, deepQueryAll } from '../helpers.js';

interface Updating {
  isUpdatePending: boolean;
  updateComplete: Promise<boolean>;
}

function isUpdating(element: Element): element is Element & Updating {
  return 'isUpdatePending' in element && 'updateComplete' in element;
}

/** Waits until no Lit element below `root` (or `root` itself) has an update pending. */
export async function settleFrame(root: Element): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const pending = [root, ...deepElements(root.shadowRoot ?? root)].filter(
      (element): element is Element & Updating => isUpdating(element) && element.isUpdatePending,
    );
    if (pending.length === 0) {
      await new Promise((resolve) => setTimeout(resolve));
      const again = deepElements(root.shadowRoot ?? root).some((element) => isUpdating(element) && element.isUpdatePending);
      if (!again) return;
    }
    await Promise.all(pending.map((element) => element.updateComplete));
  }
}

/** Visible text of a node and its shadow content, whitespace folded. */
export function frameText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const shadow = (node as Partial<Element>).shadowRoot;
    if (shadow) visit(shadow);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The first button below `root` whose ARIA or visible name is `name`. */
export function frameButton(root: Element, name: string): HTMLButtonElement {
  const found = deepElements(root.shadowRoot ?? root).find(
    (element) =>
      element.localName === 'button' &&
      (element.getAttribute('aria-label') ?? frameText(element)).replace(/\s+/g, ' ').trim() === name,
  );
  if (!found) throw new Error(`No button named "${name}"`);
  return found as HTMLButtonElement;
}

/** Waits for `condition` to hold, for up to `timeoutMs`. */
export function until(condition: () => boolean, what: string, timeout = 5000): Promise<void> {
  return waitUntil(condition, `Timed out waiting for ${what}`, { timeout, interval: 20 });
}
