import { type EventSourceMessage, EventSourceParserStream } from 'eventsource-parser/stream';
import { ApiError, NetworkError } from './errors.ts';

export interface EventStreamOptions {
  url: string;
  token: string | undefined;
  signal: AbortSignal;
  onEvent(event: EventSourceMessage): void;
}

/**
 * Reads a Server-Sent Events stream with fetch, because EventSource cannot send the bearer
 * token. Resolves when the server ends the stream; rejects on an HTTP error or a lost
 * connection (the caller decides whether to reconnect).
 */
export async function readEventStream(options: EventStreamOptions): Promise<void> {
  const { url, token, signal, onEvent } = options;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        Accept: 'text/event-stream',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      signal,
      cache: 'no-store',
    });
  } catch (cause) {
    if (signal.aborted) return;
    throw new NetworkError(url, cause);
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string };
    };
    throw new ApiError({
      status: response.status,
      code: body.error?.code ?? `HTTP_${response.status}`,
      message: body.error?.message ?? `${response.status} ${response.statusText}`,
    });
  }
  const reader = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onEvent(value);
    }
  } catch (cause) {
    if (signal.aborted) return;
    throw new NetworkError(url, cause);
  } finally {
    reader.releaseLock();
  }
}
