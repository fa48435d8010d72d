// Run by `npm run localize` after `lit-localize extract`, which adds every new message to
// the XLIFF files without a <target>: fails, naming each one, until all are translated.
import { readdir, readFile } from 'node:fs/promises';

const dir = new URL('../src/i18n/xliff/', import.meta.url);
const files = (await readdir(dir)).filter((name) => name.endsWith('.xlf')).sort();
if (files.length === 0) {
  console.error('translations: no .xlf file in src/i18n/xliff');
  process.exit(1);
}

// lit-localize writes one element per construct and never nests trans-units, so plain
// patterns read its XLIFF reliably.
const unitPattern = /<trans-unit\b[^>]*?\bid="([^"]*)"[^>]*>([\s\S]*?)<\/trans-unit>/g;
const sourcePattern = /<source>([\s\S]*?)<\/source>/;
const targetPattern = /<target(?:\s[^>]*)?>([\s\S]*?)<\/target>/;

let missing = 0;
for (const file of files) {
  const xliff = await readFile(new URL(file, dir), 'utf8');
  const locale = /<file\b[^>]*\btarget-language="([^"]*)"/.exec(xliff)?.[1] ?? file;
  const units = [...xliff.matchAll(unitPattern)];
  const untranslated = units.filter(([, , body]) => !targetPattern.exec(body)?.[1].trim());
  for (const [, id, body] of untranslated) {
    console.error(`src/i18n/xliff/${file}: no ${locale} translation for "${sourcePattern.exec(body)?.[1]}" (${id})`);
  }
  if (untranslated.length === 0) console.log(`translations: ${units.length} units, all translated in ${locale}`);
  missing += untranslated.length;
}
process.exit(missing > 0 ? 1 : 0);
