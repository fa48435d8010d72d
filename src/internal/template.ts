/**
 * The one variable syntax of the workspace, shared by quick replies and custom links:
 * `{{agent.name}}`, `{{contact.name}}`, ... Names are dotted words; spaces inside the
 * braces are allowed.
 */
const VARIABLE = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** The variable names a template uses, each once, in order of appearance. */
export function templateVariables(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(VARIABLE), (match) => match[1] ?? ''))];
}

/**
 * Replaces each variable with its value, passed through `encode` (for URLs). A variable
 * without a value is left as written so the gap stays visible.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  encode: (value: string) => string = (value) => value,
): string {
  return template.replace(VARIABLE, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : encode(value);
  });
}

/** A URL that is safe to put in an href: http or https only, or `undefined`. */
export function safeHttpUrl(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
