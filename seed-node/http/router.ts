/**
 * The route table: a method and a path pattern lead to a handler. Lookup tells a path no
 * route knows (404) from a method a known path does not take (405, with the methods it
 * does take for the `allow` header). A route for GET also answers HEAD.
 */
import type { Answer } from './answer.ts'
import type { HearthRequest } from './request.ts'

export type Method = 'GET' | 'POST' | 'DELETE'

/** The handler gets the pattern's capture groups, still percent-encoded, in order. */
export type Handler = (request: HearthRequest, params: readonly string[]) => Promise<Answer> | Answer

export interface Route {
  readonly method: Method
  /** Anchored (`^…$`) pattern over the pathname. */
  readonly path: RegExp
  readonly handle: Handler
}

export type Lookup =
  | { readonly kind: 'found', readonly handle: Handler, readonly params: readonly string[] }
  | { readonly kind: 'wrong-method', readonly allow: string }
  | { readonly kind: 'not-found' }

function takes (route: Route, method: string): boolean {
  return route.method === method || (route.method === 'GET' && method === 'HEAD')
}

export function lookup (routes: readonly Route[], request: HearthRequest): Lookup {
  const allowed = new Set<string>()
  for (const route of routes) {
    const match = route.path.exec(request.pathname)
    if (match === null) continue
    if (takes(route, request.method)) return { kind: 'found', handle: route.handle, params: match.slice(1).map(group => group ?? '') }
    allowed.add(route.method)
    if (route.method === 'GET') allowed.add('HEAD')
  }
  return allowed.size === 0 ? { kind: 'not-found' } : { kind: 'wrong-method', allow: [...allowed].join(', ') }
}
