/** `GET /api/status`: the seed node's counters as a typed `StatusReply` (protocol/api/status.ts). */
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import { jsonAnswer } from '../answer.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { Route } from '../router.ts'

export function statusRoutes (deps: Pick<HttpServerDeps, 'status'>): Route[] {
  return [{ method: 'GET', path: new RegExp(`^${API_PATHS.status}$`), handle: () => jsonAnswer(deps.status()) }]
}
