import type { paths } from './api-schema';

/**
 * Shapes derived from the generated OpenAPI types (api-schema.d.ts, regenerated from the
 * server's schemas), so a server-side change that breaks the UI fails `typecheck:web`.
 */
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

export type ApiPath = keyof paths;

export type ApiResponse<P extends ApiPath, M extends Method & keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? JsonOf<R[S]>
    : never
  : never;

export type ApiBody<P extends ApiPath, M extends Method & keyof paths[P]> = paths[P][M] extends { requestBody?: infer B }
  ? JsonOf<NonNullable<B>>
  : never;

/** Element type of a `{ data: [...] }` list response. */
export type ApiListItem<P extends ApiPath> = ApiResponse<P, 'get' & keyof paths[P]> extends { data: Array<infer T> } ? T : never;
