import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

type CaseResult = { name: string; error?: string };

/** The store suite (test/server/store-suite/) runs in the test runner's Node process, against each store. */
async function runSuite(store: 'sqlite' | 'postgres'): Promise<CaseResult[]> {
  return executeServerCommand<CaseResult[], { store: string }>('store-suite', { store });
}

describe('the server’s stores pass one suite', () => {
  for (const store of ['sqlite', 'postgres'] as const) {
    it(`${store}: every case of the store suite`, async () => {
      const results = await runSuite(store);
      const failures = results.filter((result) => result.error !== undefined);
      expect(results.length, 'the suite ran').to.be.greaterThan(5);
      expect(failures.map((failure) => `${failure.name}: ${failure.error ?? ''}`).join('\n\n')).to.equal('');
    }).timeout(19_000);
  }
});
