/**
 * fetch wrapper for the API (same origin, under /api).
 * - JSON in/out; FormData bodies are sent as multipart.
 * - Sends `x-csrf-token` (from the `xf_csrf` cookie) on unsafe methods and `accept-language` from the chosen locale.
 * - Non-2xx responses throw ApiError carrying the server's `{error:{code,message,fields?}}`.
 */
import { getLocale } from './i18n';

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

export const api = {
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
