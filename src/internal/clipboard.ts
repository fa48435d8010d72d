/**
 * Puts text on the clipboard. The Clipboard API is refused in some embedding contexts
 * (an iframe without permission, an unfocused document); the older copy command
 * still works there.
 */
export async function copyText(text: string, root: Node = document.body): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithCommand(text, root);
  }
}

function copyWithCommand(text: string, root: Node): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;inset:0 auto auto 0;width:1px;height:1px;opacity:0;';
  const parent = root instanceof ShadowRoot || root instanceof Element ? root : document.body;
  const previous = (parent.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  parent.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previous?.focus?.();
  return copied;
}
