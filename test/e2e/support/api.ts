/** A REST reply with the parsed body (or the text when it is not JSON). */
export interface ApiReply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
  body: any;
  text: string;
}

/** One REST call with a bearer token, as the web console makes it. */
export async function api(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<ApiReply> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body, text };
}

/**
 * Re-reads until `done` holds (event projections converge asynchronously) and returns the last
 * value either way, so the caller's assertion shows what was actually there. Bounded by attempts,
 * not by a time assertion.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { attempts = 240, intervalMs = 250 } = {},
): Promise<T> {
  let value = await read();
  for (let i = 0; i < attempts && !done(value); i += 1) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await read();
  }
  return value;
}

/** Waits for GET /readyz to answer 200 (NATS handlers and the database are wired). */
export async function waitReady(name: string, baseUrl: string): Promise<void> {
  const last = await pollUntil(
    () =>
      api(baseUrl, 'GET', '/readyz').catch((e: Error) => ({
        status: 0,
        body: undefined,
        text: e.message,
      })),
    (r) => r.status === 200,
    { attempts: 400, intervalMs: 250 },
  );
  if (last.status !== 200)
    throw new Error(`${name} never became ready: ${last.status} ${last.text}`);
}
