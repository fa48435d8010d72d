/**
 * An id unique across page loads and tabs, for the ids a workspace gives its own
 * commands and messages: the platform applies each id once, so they must never repeat.
 */
export function randomId(prefix: string): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}
