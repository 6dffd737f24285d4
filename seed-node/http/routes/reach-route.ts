/** `GET /api/reach` (household only): how other devices reach this node (protocol/api/reach.ts). */
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import type { ReachReply } from '../../../protocol/api/reach.ts'
import { jsonAnswer } from '../answer.ts'
import type { Route } from '../router.ts'

export function reachRoutes (deps: { reach: () => ReachReply }): Route[] {
  return [{ method: 'GET', path: new RegExp(`^${API_PATHS.reach}$`), handle: () => jsonAnswer(deps.reach()) }]
}
