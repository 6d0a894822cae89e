/**
 * Outgoing HTTP for services: the one place on the server that calls the global `fetch` (the lint
 * bans it elsewhere), so timeouts, proxies or test doubles have one seam.
 */
export type HttpFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

export const httpFetch: HttpFetch = (input, init) => fetch(input, init);
