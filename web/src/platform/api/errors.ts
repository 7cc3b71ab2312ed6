import type { components } from '../../api/schema.generated.ts';

/**
 * The API's one error shape `{ code, message, field? }`, named `ErrorBody` in openapi.json and
 * declared as every route's 4xx response. A body is still checked at run time before it is
 * trusted (a proxy in between may answer with something else).
 */
export type ErrorBody = components['schemas']['ErrorBody'];

export function isErrorBody(x: unknown): x is ErrorBody {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (
    typeof o.code === 'string' &&
    typeof o.message === 'string' &&
    (o.field === undefined || typeof o.field === 'string')
  );
}

/** An error answered by the server (status >= 400) or a network failure (status 0, code NETWORK). */
export class ApiError extends Error implements ErrorBody {
  readonly status: number;
  readonly code: string;
  readonly field?: string;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    if (body.field) this.field = body.field;
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    if (isErrorBody(body)) return new ApiError(response.status, body);
    return new ApiError(response.status, {
      code: `HTTP_${response.status}`,
      message: typeof body === 'string' && body ? body.slice(0, 200) : response.statusText,
    });
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
