/**
 * `npm run docs`: writes docs/api.md from custom-elements.json, so the API reference is
 * written once, in the sources' JSDoc. test/docs.test.ts fails when docs/api.md is stale.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);
export const docsUrl = new URL('docs/api.md', root);

/** The public contract's elements come first, in this order; the others follow by tag name. */
const contractTags = ['chat-workspace', 'contact-tab', 'quick-reply-panel', 'transfer-dialog', 'disposition-form'];
/** The classes besides the elements that host pages and host developers' tests use. */
const documentedClasses = ['ChatSession', 'SimulatedContactCenter'];

export async function readManifest() {
  return JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));
}

/** Code-unit order, not localeCompare: the same output on every machine whatever its locale. */
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function tagOrder(a, b) {
  const rank = (tag) => (contractTags.includes(tag) ? contractTags.indexOf(tag) : contractTags.length);
  return rank(a.tagName) - rank(b.tagName) || byString(a.tagName, b.tagName);
}

/** JSDoc wraps lines; a table cell is one line, so paragraphs become <br><br>. */
function cell(text) {
  if (!text) return '';
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '))
    .join('<br><br>')
    .replace(/\|/g, '\\|');
}

function code(text) {
  return text ? `\`${cell(text)}\`` : '';
}

/** A Markdown table without the columns that are empty in every row. */
function table(columns, rows) {
  const kept = columns.filter((_, index) => rows.some((row) => row[index]));
  const keptIndexes = kept.map((column) => columns.indexOf(column));
  const line = (values) => `| ${values.join(' | ')} |`;
  return [
    line(kept),
    line(kept.map(() => '---')),
    ...rows.map((row) => line(keptIndexes.map((index) => row[index] ?? ''))),
  ].join('\n');
}

/** Members a page can use: neither private, protected, static, nor a lifecycle callback. */
function publicMembers(declaration, kind) {
  return (declaration.members ?? []).filter(
    (member) =>
      member.kind === kind &&
      !member.privacy &&
      !member.static &&
      !member.name.startsWith('#') &&
      !/Callback$/.test(member.name),
  );
}

function signature(method) {
  const parameters = (method.parameters ?? []).map((parameter) => {
    const optional = parameter.optional || parameter.default !== undefined ? '?' : '';
    const rest = parameter.rest ? '...' : '';
    const type = parameter.type?.text ? `: ${parameter.type.text}` : '';
    return `${rest}${parameter.name}${optional}${type}`;
  });
  const returns = method.return?.type?.text ? `: ${method.return.type.text}` : '';
  return `${method.name}(${parameters.join(', ')})${returns}`;
}

function methodDescription(method) {
  const parameters = (method.parameters ?? [])
    .filter((parameter) => parameter.description)
    .map((parameter) => `\`${parameter.name}\`: ${cell(parameter.description)}`);
  return [cell(method.description), ...parameters].filter(Boolean).join('<br>');
}

function propertiesTable(fields) {
  return table(
    ['Property', 'Type', 'Default', 'Description'],
    fields.map((field) => [
      `\`${field.name}\`${field.readonly ? ' (read-only)' : ''}`,
      code(field.type?.text),
      code(field.default),
      cell(field.description),
    ]),
  );
}

function methodsTable(methods) {
  return table(
    ['Method', 'Description'],
    methods.map((method) => [code(signature(method)), methodDescription(method)]),
  );
}

/** JSDoc text as Markdown paragraphs, as written. */
function prose(text) {
  return text?.trim() ? [text.trim(), ''] : [];
}

/** The first paragraph of a summary, for the index of elements. */
function firstParagraph(text) {
  return cell(text?.trim().split(/\n\s*\n/)[0]);
}

function section(title, body) {
  return body ? [`### ${title}`, '', body, ''] : [];
}

function renderElement(element) {
  const attributes = element.attributes ?? [];
  const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName));
  const fields = publicMembers(element, 'field').filter((field) => !attributeFields.has(field.name));
  const methods = publicMembers(element, 'method');
  const events = element.events ?? [];
  const slots = element.slots ?? [];
  const parts = element.cssParts ?? [];
  const cssProperties = element.cssProperties ?? [];
  return [
    `## \`<${element.tagName}>\``,
    '',
    `Class \`${element.name}\`.`,
    '',
    ...prose(element.summary),
    ...prose(element.description),
    ...section(
      'Attributes',
      attributes.length &&
        table(
          ['Attribute', 'Property', 'Type', 'Default', 'Description'],
          attributes.map((attribute) => [
            `\`${attribute.name}\``,
            attribute.fieldName ? `\`${attribute.fieldName}\`` : '',
            code(attribute.type?.text),
            code(attribute.default),
            cell(attribute.description),
          ]),
        ),
    ),
    ...section('Properties (without attribute)', fields.length && propertiesTable(fields)),
    ...section('Methods', methods.length && methodsTable(methods)),
    ...section(
      'Events',
      events.length &&
        table(
          ['Event', 'Type', 'Description'],
          events.map((event) => [`\`${event.name}\``, code(event.type?.text), cell(event.description)]),
        ),
    ),
    ...section(
      'Slots',
      slots.length &&
        table(
          ['Slot', 'Description'],
          slots.map((slot) => [slot.name ? `\`${slot.name}\`` : '(default)', cell(slot.description)]),
        ),
    ),
    ...section(
      'CSS parts',
      parts.length && table(['Part', 'Description'], parts.map((part) => [`\`${part.name}\``, cell(part.description)])),
    ),
    ...section(
      'CSS custom properties',
      cssProperties.length &&
        table(
          ['Property', 'Syntax', 'Default', 'Description'],
          cssProperties.map((property) => [
            `\`${property.name}\``,
            code(property.syntax),
            code(property.default),
            cell(property.description),
          ]),
        ),
    ),
  ];
}

/** Every `--cw-*` token once, with the elements that declare it. */
function renderTheming(elements) {
  const tokens = new Map();
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) {
      const token = tokens.get(property.name) ?? { property, tags: [] };
      token.tags.push(`\`<${element.tagName}>\``);
      tokens.set(property.name, token);
    }
  }
  // In the order the sources declare them (the contract's elements first), which groups
  // related tokens; a Map keeps that order.
  const rows = [...tokens.values()].map(({ property, tags }) => [
      `\`${property.name}\``,
      code(property.default),
      cell(property.description),
      tags.join(', '),
    ]);
  return table(['Property', 'Default', 'Description', 'Declared by'], rows);
}

function renderClass(declaration, module) {
  const fields = publicMembers(declaration, 'field');
  const methods = publicMembers(declaration, 'method');
  return [
    `## \`${declaration.name}\``,
    '',
    `From \`${module.path}\`.`,
    '',
    ...prose(declaration.summary),
    ...prose(declaration.description),
    ...section('Properties', fields.length && propertiesTable(fields)),
    ...section('Methods', methods.length && methodsTable(methods)),
  ];
}

/** The text of docs/api.md for a Custom Elements Manifest. */
export function renderApiDocs(manifest) {
  const elements = [];
  const classes = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) elements.push(declaration);
      else if (declaration.kind === 'class' && documentedClasses.includes(declaration.name)) {
        classes.push({ declaration, module });
      }
    }
  }
  elements.sort(tagOrder);
  classes.sort((a, b) => documentedClasses.indexOf(a.declaration.name) - documentedClasses.indexOf(b.declaration.name));
  const lines = [
    '<!-- Generated by scripts/generate-docs.mjs from custom-elements.json: edit the JSDoc in src/, then run npm run docs. -->',
    '',
    '# API reference',
    '',
    'Every element, attribute, property, method, event, slot, CSS part and CSS custom property',
    'of the package, as `custom-elements.json` declares them.',
    '',
    '## Elements',
    '',
    table(
      ['Element', 'Summary'],
      elements.map((element) => [`[\`<${element.tagName}>\`](#${element.tagName})`, firstParagraph(element.summary)]),
    ),
    '',
    '## Theming tokens',
    '',
    'Set these CSS custom properties on `<chat-workspace>` or any element; they reach every',
    'element inside. `part`s (listed per element) allow deeper styling.',
    '',
    renderTheming(elements),
    '',
    ...elements.flatMap((element) => renderElement(element)),
    ...classes.flatMap(({ declaration, module }) => renderClass(declaration, module)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await mkdir(new URL('./', docsUrl), { recursive: true });
  await writeFile(docsUrl, renderApiDocs(await readManifest()));
  console.log(`Wrote ${fileURLToPath(docsUrl)}`);
}
