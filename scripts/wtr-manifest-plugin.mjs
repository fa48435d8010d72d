/**
 * Test-runner server plugin with the `custom-elements-manifest` command: it analyzes the
 * sources as `npm run analyze` does, without writing anything, and validates the result and
 * the committed custom-elements.json against the Custom Elements Manifest schema.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cli as cem } from '@custom-elements-manifest/analyzer/cli.js';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url);

/** The arguments of the `analyze` script in package.json, so that both stay the same. */
async function analyzeArgs() {
  const { scripts } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  const words = scripts.analyze.match(/'[^']*'|"[^"]*"|\S+/g).map((word) => word.replace(/^(['"])(.*)\1$/, '$2'));
  const [bin, ...args] = words;
  if (bin !== 'cem') throw new Error(`package.json "analyze" script must start with cem: ${scripts.analyze}`);
  return args;
}

async function readCommitted() {
  try {
    return JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
}

async function compileSchema() {
  const schema = JSON.parse(await readFile(require.resolve('custom-elements-manifest/schema.json'), 'utf8'));
  // The schema is draft-07, Ajv's default draft. It declares some union types
  // (`"type": ["boolean", "string"]`), which Ajv's strict mode only accepts when allowed.
  return new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function manifestPlugin() {
  /** @type {Promise<import('ajv').ValidateFunction> | undefined} */
  let validator;
  return {
    name: 'custom-elements-manifest',
    async executeCommand({ command }) {
      if (command !== 'custom-elements-manifest') return undefined;
      validator ??= compileSchema();
      const validate = await validator;
      // The analyzer's programmatic entry with noWrite: its --outdir option would also
      // rewrite the "customElements" field of package.json to point into that directory.
      const generated = await cem({
        argv: [...(await analyzeArgs()), '--quiet'],
        cwd: fileURLToPath(root),
        noWrite: true,
      });
      const committed = await readCommitted();
      const schemaErrors = [];
      for (const [name, manifest] of [['generated', generated], ['custom-elements.json', committed]]) {
        if (manifest && !validate(manifest)) {
          const errors = validate.errors.map((error) => `${name}: ${error.instancePath || '/'} ${error.message}`);
          schemaErrors.push(...errors);
        }
      }
      return { generated, committed, schemaErrors };
    },
  };
}
