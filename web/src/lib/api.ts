/**
 * fetch wrapper for the API (same origin, under /api).
 * - `api` is typed by path and method from the served OpenAPI document (api-types.generated.ts,
 *   `npm run web:api-types`): `api.get('/api/enterprises/{code}', { path: { code } })` returns the
 *   route's 200/201/202 body type; path parameters, query and JSON body are checked against the route.
 * - `untypedApi` is the older form (`untypedApi.get<T>('/enterprises', query)`), kept for the features
 *   not yet moved to `api` (exchange, insurance, admin, obligations, home pages).
 * - JSON in/out; FormData bodies are sent as multipart.
 * - Sends `x-csrf-token` (from the `xf_csrf` cookie) on unsafe methods and `accept-language` from the chosen locale.
 * - Non-2xx responses throw ApiError carrying the server's `{error:{code,message,fields?}}`.
 */
import { getLocale } from './i18n';
import type { paths } from './api-types.generated';

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
  /** The message for one field path (exact, or the first nested under it). */
  fieldMessage(path: string): string | undefined {
    return (this.fields.find((f) => f.path === path) ?? this.fields.find((f) => f.path.startsWith(`${path}.`)))?.message;
  }
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** Sends a request with the app's headers; a network failure becomes ApiError('NETWORK'). */
async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': getLocale() };
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
  if (unsafe) {
    const csrf = readCookie('xf_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const url = withQuery(path.startsWith('/api') ? path : `/api${path}`, opts.query);
  try {
    return await fetch(url, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message || 'Network error');
  }
}

/** The ApiError for a non-2xx response (its body is `{error:{code,message,fields?}}` when it comes from the API). */
function errorOf(res: Response, data: unknown): ApiError {
  const err = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
  return new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.fields ?? []);
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function apiRequest<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  const data = parseBody(await res.text());
  if (!res.ok) throw errorOf(res, data);
  return data as T;
}

/** A binary response (a generated PDF); errors as for apiRequest. */
export async function apiBlob(method: string, path: string, opts: RequestOptions = {}): Promise<Blob> {
  const res = await send(method, path, opts);
  if (!res.ok) throw errorOf(res, parseBody(await res.text()));
  return res.blob();
}

/** The older, untyped client: the caller states the response type. Prefer `api`. */
export const untypedApi = {
  get: <T = unknown>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T = unknown>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  put: <T = unknown>(path: string, body?: unknown) => apiRequest<T>('PUT', path, { body }),
  patch: <T = unknown>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T = unknown>(path: string, body?: unknown) => apiRequest<T>('DELETE', path, { body }),
};

/** A page as returned by list endpoints (keyset paging). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ── The typed client ────────────────────────────────────────────────────────────────────────────

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The operation of a path and method (never when the route has no such method). */
type Operation<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: unknown } ? paths[P][M] : never;
/** The API paths that have a route for method M. */
export type PathsOf<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];
type Json<C> = C extends { content: { 'application/json': infer B } } ? B : never;
/** The body of a route's success answer (200, 201 or 202). */
export type ResponseOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R }
  ? Json<R extends { 200: infer A } ? A : R extends { 201: infer B } ? B : R extends { 202: infer C } ? C : never>
  : never;
type PathParams<O> = O extends { parameters: { path: infer PP } } ? ([PP] extends [never] ? undefined : PP) : undefined;
/** A route's query parameters, e.g. QueryParams<'/api/complaints', 'get'>['status']. */
export type QueryParams<P extends keyof paths, M extends Method> = NonNullable<QueryOf<Operation<P, M>>>;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? ([Q] extends [never] ? undefined : Q) : undefined;
/** A route's JSON request body; a route without one (multipart uploads) takes FormData. */
export type BodyOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: infer B }
  ? [Json<NonNullable<B>>] extends [never] ? FormData | undefined : Json<NonNullable<B>>
  : FormData | undefined;

type Options<P extends keyof paths, M extends Method> = { signal?: AbortSignal } & (PathParams<Operation<P, M>> extends undefined
  ? { path?: undefined }
  : { path: PathParams<Operation<P, M>> }) &
  (QueryOf<Operation<P, M>> extends undefined ? { query?: undefined } : { query?: QueryOf<Operation<P, M>> });

/** '/api/cases/{id}' + { id: 'x/y' } → '/api/cases/x%2Fy'. */
export function fillPath(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(v));
  });
}

/** A route with path parameters requires the options (with `path`); others may leave them out. */
type Args<P extends keyof paths, M extends Method> = PathParams<Operation<P, M>> extends undefined
  ? [options?: Options<P, M> & { body?: BodyOf<P, M> }]
  : [options: Options<P, M> & { body?: BodyOf<P, M> }];

function call<M extends Method>(method: M) {
  return <P extends PathsOf<M>>(path: P, ...[options]: Args<P, M>): Promise<ResponseOf<P, M>> =>
    apiRequest<ResponseOf<P, M>>(method.toUpperCase(), fillPath(path, options?.path as Record<string, string> | undefined), {
      query: options?.query as Query | undefined,
      body: options?.body,
      signal: options?.signal,
    });
}

/**
 * The typed client: paths are the OpenAPI paths ('/api/...' with `{param}` placeholders).
 *   const c = await api.get('/api/enforcement/cases/{id}', { path: { id } });        // c: the case
 *   await api.post('/api/enforcement/leads', { body: { source, summary } });
 */
export const api = {
  get: call('get'),
  post: call('post'),
  put: call('put'),
  patch: call('patch'),
  delete: call('delete'),
};
