import type { paths } from '../../api/schema.generated.ts';

/**
 * Helpers that read request and response types out of the generated `paths`
 * (web/src/api/schema.generated.ts). Never hand-write an API type: derive it here.
 */
export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON body of the success response (200, 201 or 202) of an operation. */
export type ApiResponse<P extends ApiPath, M extends Method = 'get'> =
  Op<P, M> extends { responses: infer R }
    ? R extends { 200: infer S }
      ? JsonOf<S>
      : R extends { 201: infer S }
        ? JsonOf<S>
        : R extends { 202: infer S }
          ? JsonOf<S>
          : never
    : never;

/** The JSON request body of an operation. */
export type ApiBody<P extends ApiPath, M extends Method = 'post'> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters of an operation. */
export type ApiQuery<P extends ApiPath, M extends Method = 'get'> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One item of a paged list response. */
export type ApiItem<P extends ApiPath> = ApiResponse<P> extends { items: (infer I)[] } ? I : never;

/** One element of an array response. */
export type ApiElement<P extends ApiPath, M extends Method = 'get'> =
  ApiResponse<P, M> extends (infer I)[] ? I : never;
