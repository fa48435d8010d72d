import { expect, waitUntil } from '@open-wc/testing';
import { Subject } from 'rxjs';
import { CobrowseViewer } from '../../src/elements/advanced-chat/cobrowse-viewer.js';
import { withoutInlineStyles } from '../../src/elements/advanced-chat/strict-replay.js';

/**
 * The replay writes no inline style (a strict host's policy refuses them, see
 * test/csp/strict-csp.test.ts): a page's <style>, its inlined <link> stylesheets and its
 * style attributes still apply, through constructed stylesheets and the CSSOM.
 */

/** A hand-written recording in rrweb's format: a heading styled three ways. */
function page(now: number, css: string, declarations: string) {
  return [
    { type: 4, data: { href: 'https://shop.example/checkout', width: 800, height: 600 }, timestamp: now },
    {
      type: 2,
      timestamp: now,
      data: {
        initialOffset: { left: 0, top: 0 },
        node: {
          type: 0,
          id: 1,
          compatMode: 'CSS1Compat',
          childNodes: [
            { type: 1, id: 2, name: 'html', publicId: '', systemId: '' },
            {
              type: 2,
              id: 3,
              tagName: 'html',
              attributes: {},
              childNodes: [
                {
                  type: 2,
                  id: 4,
                  tagName: 'head',
                  attributes: {},
                  childNodes: [
                    { type: 2, id: 5, tagName: 'style', attributes: { _cssText: css }, childNodes: [] },
                    { type: 2, id: 6, tagName: 'link', attributes: { rel: 'stylesheet', href: '/shop.css', _cssText: 'h1 { letter-spacing: 3px; }' }, childNodes: [] },
                  ],
                },
                {
                  type: 2,
                  id: 7,
                  tagName: 'body',
                  attributes: {},
                  childNodes: [
                    { type: 2, id: 8, tagName: 'h1', attributes: { style: declarations }, childNodes: [{ type: 3, id: 9, textContent: 'Checkout' }] },
                    // What a recorded <script> becomes: the replay runs no script, so it would show.
                    { type: 2, id: 10, tagName: 'noscript', attributes: {}, childNodes: [{ type: 3, id: 11, textContent: 'Enable JavaScript' }] },
                  ],
                },
              ],
            },
          ],
        },
      },
    },
  ];
}

describe('the co-browse viewer under a strict policy’s rules', () => {
  let viewer: CobrowseViewer | undefined;
  let root: HTMLElement | undefined;

  afterEach(() => {
    viewer?.close();
    root?.remove();
    viewer = undefined;
    root = undefined;
  });

  async function open() {
    root = document.createElement('div');
    root.style.cssText = 'width: 400px; height: 300px';
    document.body.append(root);
    const feed = new Subject<unknown[]>();
    viewer = await CobrowseViewer.open(root, feed, 'The contact’s page');
    const frame = root.querySelector('iframe');
    if (!frame) throw new Error('no replay frame');
    const heading = () => frame.contentDocument?.querySelector('h1') ?? null;
    const computed = () => {
      const element = heading();
      return element ? frame.contentWindow!.getComputedStyle(element) : undefined;
    };
    return { feed, frame, heading, computed };
  }

  it('applies the page’s <style>, inlined <link> and style attributes without an inline style', async () => {
    const { feed, frame, heading, computed } = await open();
    expect(frame.title).to.equal('The contact’s page');
    feed.next(page(Date.now(), 'h1 { color: rgb(1, 2, 3); }', 'margin-left: 7px;'));
    await waitUntil(() => heading()?.textContent === 'Checkout', 'the replayed heading');
    await waitUntil(() => computed()?.color === 'rgb(1, 2, 3)', 'the <style> rule applied');
    expect(computed()?.letterSpacing, 'the inlined <link> stylesheet').to.equal('3px');
    expect(computed()?.marginLeft, 'the style attribute').to.equal('7px');
    const replayed = frame.contentDocument!;
    expect(replayed.querySelectorAll('style'), 'no <style> element in the replay').to.have.length(0);
    // rrweb's own rules (no <noscript> shown) come as a constructed sheet too.
    const noscript = replayed.querySelector('noscript');
    expect(noscript && frame.contentWindow!.getComputedStyle(noscript).display).to.equal('none');

    // A later change of the style attribute, as the recorder sends it.
    feed.next([
      withoutInlineStyles({
        type: 3,
        timestamp: Date.now(),
        data: { source: 0, texts: [], attributes: [{ id: 8, attributes: { style: 'margin-left: 9px;' } }], removes: [], adds: [] },
      }),
    ]);
    await waitUntil(() => computed()?.marginLeft === '9px', 'the changed style attribute');
    // A new full snapshot (the recorder's periodic checkout) keeps the styles working.
    feed.next(page(Date.now(), 'h1 { color: rgb(4, 5, 6); }', 'margin-left: 11px;'));
    await waitUntil(() => computed()?.color === 'rgb(4, 5, 6)', 'the new snapshot’s rule');
    expect(computed()?.marginLeft).to.equal('11px');
  });

  it('rewrites a recording idempotently (a batch seen twice after a reload)', () => {
    const [, snapshot] = page(0, 'h1 { color: red; }', 'margin: 0;');
    const once = JSON.stringify(withoutInlineStyles(structuredClone(snapshot)));
    const twice = JSON.stringify(withoutInlineStyles(withoutInlineStyles(structuredClone(snapshot))));
    expect(twice).to.equal(once);
    expect(once).not.to.contain('"tagName":"style"');
    expect(once).not.to.contain('"style":');
    expect(once).to.contain('"data-cw-css":"h1 { color: red; }"');
    expect(once).to.contain('"data-cw-style":"margin: 0;"');
  });
});
