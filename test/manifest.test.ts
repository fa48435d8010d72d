import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Package } from 'custom-elements-manifest';

/** The result of the `custom-elements-manifest` command (scripts/wtr-manifest-plugin.mjs). */
interface ManifestCheck {
  /** The manifest `npm run analyze` would write now. */
  generated: Package;
  /** custom-elements.json as committed, or null when it is missing. */
  committed: Package | null;
  /** Schema violations of both manifests, each prefixed with the manifest's name. */
  schemaErrors: string[];
}

const contractTags = ['chat-workspace', 'contact-tab', 'quick-reply-panel', 'transfer-dialog', 'disposition-form'];

function declaredTags(manifest: Package): Set<string> {
  const tags = new Set<string>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if ('tagName' in declaration && declaration.tagName) tags.add(declaration.tagName);
    }
    for (const exported of module.exports ?? []) {
      if (exported.kind === 'custom-element-definition') tags.add(exported.name);
    }
  }
  return tags;
}

describe('custom-elements.json', () => {
  let check: ManifestCheck;

  before(async function () {
    // The analyzer parses every source file: slower than a usual test on a 2-core machine.
    this.timeout(60000);
    check = await executeServerCommand<ManifestCheck, undefined>('custom-elements-manifest');
  });

  it('follows the Custom Elements Manifest schema', () => {
    expect(check.schemaErrors).to.deep.equal([], check.schemaErrors.join('\n'));
  });

  it('is committed and up to date', () => {
    expect(check.committed, 'custom-elements.json is missing: run npm run analyze').to.not.equal(null);
    expect(check.committed).to.deep.equal(check.generated, 'custom-elements.json is stale: run npm run analyze');
  });

  it('declares the five contract elements', () => {
    expect([...declaredTags(check.generated)]).to.include.members(contractTags);
  });

  it('types every event, with a class the package exports and a description', () => {
    const exported = new Set(check.generated.modules.flatMap((module) => (module.exports ?? []).map((entry) => entry.name)));
    const events = check.generated.modules.flatMap((module) =>
      (module.declarations ?? []).flatMap((declaration) =>
        'events' in declaration ? (declaration.events ?? []).map((event) => ({ element: declaration.name, ...event })) : [],
      ),
    );
    expect(events.length, 'the elements declare their events').to.be.greaterThan(20);
    const untyped = events.filter((event) => !event.type?.text || !event.description);
    expect(untyped.map((event) => `${event.element}: ${event.name}`)).to.deep.equal([]);
    // The workspace's own events are classes of the package (the native `change` is an Event).
    const unknown = events.filter((event) => event.type?.text !== 'Event' && !exported.has(event.type?.text ?? ''));
    expect(unknown.map((event) => `${event.element}: ${event.name} {${event.type?.text}}`)).to.deep.equal([]);
  });
});
