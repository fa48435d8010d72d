/** How a contact request ended: answered (2xx), refused (4xx/5xx with the server's reason), or never answered. */
export type Answer<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'refused'; status: number; error: string }
  | { kind: 'unanswered'; error: string };

/** A request that hangs longer than this counts as unanswered (the server died under it). */
const REQUEST_TIMEOUT_MS = 10_000;

/** One JSON request to the server, never throwing: a dead server is an `unanswered`, not an exception. */
export async function request<T>(baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
  try {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (response.ok) return { kind: 'ok', status: response.status, body: parsed as T };
    const error = typeof (parsed as { error?: unknown })?.error === 'string' ? (parsed as { error: string }).error : text;
    return { kind: 'refused', status: response.status, error };
  } catch (error) {
    return { kind: 'unanswered', error: error instanceof Error ? `${error.message}${causeOf(error)}` : String(error) };
  }
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : '';
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
