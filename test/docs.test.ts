import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

/** The result of the `api-docs` command (scripts/wtr-pack-plugin.mjs). */
interface ApiDocs {
  /** docs/api.md as `npm run docs` would write it from the committed custom-elements.json. */
  generated: string;
  /** docs/api.md as committed, or null when it is missing. */
  committed: string | null;
}

const contractTags = ['chat-workspace', 'contact-tab', 'quick-reply-panel', 'transfer-dialog', 'disposition-form'];

describe('docs/api.md', () => {
  let docs: ApiDocs;

  before(async () => {
    docs = await executeServerCommand<ApiDocs, undefined>('api-docs');
  });

  it('is committed and up to date with custom-elements.json', () => {
    expect(docs.committed, 'docs/api.md is missing: run npm run docs').to.not.equal(null);
    // Not deep.equal on the whole text: chai would print both 700-line strings.
    const committed = (docs.committed ?? '').split('\n');
    const generated = docs.generated.split('\n');
    const firstDifference = generated.findIndex((line, index) => line !== committed[index]);
    const stale = firstDifference !== -1 || committed.length !== generated.length;
    const where = firstDifference === -1 ? 'its length' : `line ${firstDifference + 1}: ${generated[firstDifference]}`;
    expect(stale, `docs/api.md is stale: run npm run docs (first difference at ${where})`).to.equal(false);
  });

  it('documents the contract elements first, each with its summary', () => {
    const headings = [...docs.generated.matchAll(/^## `<([a-z-]+)>`$/gm)].map((match) => match[1]);
    expect(headings.slice(0, contractTags.length)).to.deep.equal(contractTags);
    const unsummarized = [...docs.generated.matchAll(/^\| \[`<([a-z-]+)>`\]\(#[a-z-]+\) \|  \|$/gm)].map((match) => match[1]);
    expect(unsummarized, 'elements whose JSDoc has no @summary').to.deep.equal([]);
  });

  it('lists the host events, the timer parts and the theming tokens', () => {
    // Table rows, not the whole text: chai would print the 700 lines on a failure.
    const rows = new Set(docs.generated.split('\n').map((line) => line.split(' | ')[0]));
    const expected = [
      ...['chat-offered', 'chat-accepted', 'chat-transferred', 'chat-ended', 'disposition-saved'],
      ...['agent-state-changed', 'engagement-created'],
      ...['timer-handle', 'timer-wait', 'timer-acw'],
      ...['--cw-color-accent', '--cw-timer-handle-bg', '--cw-timer-wait-bg', '--cw-timer-acw-bg'],
    ];
    expect(expected.filter((name) => !rows.has(`| \`${name}\``))).to.deep.equal([]);
  });
});
