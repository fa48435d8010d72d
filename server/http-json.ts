import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest request body the API reads (SPEC: bodies over 1 MB are refused). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request the API refuses: the status and what the client should fix, sent as `{ error }`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers (`Allow` for a 405). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: HttpError, headers: Readonly<Record<string, string>> = {}): void {
  sendJson(response, error.status, { error: error.message }, { ...headers, ...error.headers });
}

/**
 * Reads a JSON body of at most `MAX_BODY_BYTES`. An empty body reads as `undefined`
 * (leave needs none); anything else must be `application/json` and parse.
 */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const body = await collect(request);
  if (body.length === 0) return undefined;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, `The body must be JSON, sent as Content-Type: application/json (got "${type || 'none'}").`);
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/**
 * The body's bytes. Past the limit it keeps draining without keeping: destroying the
 * request would reset the socket before the 413 gets out.
 */
function collect(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => (size > MAX_BODY_BYTES ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

function tooLarge(): HttpError {
  return new HttpError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`, { connection: 'close' });
}
