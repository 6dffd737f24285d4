/**
 * `GET /torrent/<token>/<infohash>.torrent`: a library item's .torrent as stored in the state
 * folder (the info dictionary; trackers and web seeds stripped, torrent-announce-strip.ts),
 * so a player starts with the metadata in hand instead of fetching it from a peer over the
 * wire (ut_metadata: one more round trip after the WebRTC connection is up). The token is
 * checked as the web seed's is: the household credential, or a share token for this item
 * alone. It is served whether or not the web seed is on: it carries no media bytes.
 */
import { ApiError } from '../../../protocol/api/api-error.ts'
import { gate } from '../../access/access-gate.ts'
import { streamAnswer } from '../answer.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { Route } from '../router.ts'

export const TORRENT_FILE_PATH = /^\/torrent\/([A-Za-z0-9._-]{1,200})\/([0-9a-f]{40})\.torrent$/
/** `/torrent/…` that is not a well-formed path: it carries no usable token. */
const ANY_TORRENT_FILE_PATH = /^\/torrent\/.*$/

export function torrentFileRoutes (deps: Pick<HttpServerDeps, 'registry' | 'tracker' | 'access' | 'log' | 'torrentFile'>): Route[] {
  const { registry, tracker, access, log, torrentFile } = deps
  return [
    {
      method: 'GET',
      path: TORRENT_FILE_PATH,
      handle: async (request, [token = '', infoHash = '']) => {
        const allowed = gate(request, tracker.bans, log, () => access.checkToken(token, infoHash))
        if (!allowed.ok) throw new ApiError(allowed.code, allowed.message)
        const bytes = registry.get(infoHash) ? await torrentFile(infoHash) : null
        if (bytes === null) throw new ApiError('HEARTH_E_UNKNOWN_ITEM', `no library item with infohash ${infoHash}`)
        return streamAnswer(res => {
          res.writeHead(200, {
            'content-type': 'application/x-bittorrent',
            'content-length': String(bytes.byteLength),
            // The info dictionary never changes for an infohash; the token in the URL is per caller.
            'cache-control': 'private, max-age=31536000, immutable'
          })
          res.end(request.method === 'HEAD' ? undefined : bytes)
        })
      }
    },
    {
      method: 'GET',
      path: ANY_TORRENT_FILE_PATH,
      handle: () => { throw new ApiError('HEARTH_E_UNAUTHENTICATED', 'torrent file URLs carry a household or share token: /torrent/<token>/<infohash>.torrent') }
    }
  ]
}
