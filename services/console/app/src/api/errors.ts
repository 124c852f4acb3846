/** A failed API call, from the services' uniform `{error:{code,message,details}}` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    details?: Record<string, unknown> | undefined;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
  }
}

/** The request never got an answer: the service is down, or the browser refused it (CORS). */
export class NetworkError extends Error {
  readonly url: string;
  constructor(url: string, cause: unknown) {
    super(`no answer from ${url}`, { cause });
    this.name = 'NetworkError';
    this.url = url;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** openapi-fetch's `{data, error, response}` → the data, or a thrown {@link ApiError}. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error === undefined && result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as ErrorBody;
  throw new ApiError({
    status: result.response.status,
    code: typeof body.error?.code === 'string' ? body.error.code : `HTTP_${result.response.status}`,
    message:
      typeof body.error?.message === 'string'
        ? body.error.message
        : `${result.response.status} ${result.response.statusText}`,
    details:
      body.error?.details && typeof body.error.details === 'object'
        ? (body.error.details as Record<string, unknown>)
        : undefined,
  });
}

/** A sentence for an administrator, whatever failed. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof NetworkError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
