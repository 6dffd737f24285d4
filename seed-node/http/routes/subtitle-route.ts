/**
 * An item's sidecar subtitles, always as WebVTT in UTF-8, whatever the file is (SRT, VTT,
 * ASS/SSA; UTF-8, UTF-16 or Windows-1252): the browser's `<track>` reads WebVTT only.
 * - `GET /api/catalog/<id>/subtitles/<n>.vtt`: the household (the `/api/` gate checks the
 *   credential); `<id>` may be a former id of the item (an old link).
 * - `GET /subtitles/<token>/<id>/<n>.vtt`: a token in the path like the web seed's, the
 *   household credential or a share token for that item, so a friend's share link gets the
 *   film's subtitles too, and a `<track src>` works without headers.
 * Sidecar files are read from the library each time (they are small, and Bazarr may have just
 * rewritten one); nothing is cached that could go stale. Text streams inside the media file
 * are extracted once by ffmpeg (embedded-subtitle-store.ts): the item id names the content.
 */
import type { FileHandle } from 'node:fs/promises'
import { ApiError } from '../../../protocol/api/api-error.ts'
import { gate } from '../../access/access-gate.ts'
import { openLibraryFile } from '../../library/library-file-open.ts'
import type { LibraryItem, SidecarSubtitle } from '../../library/library-item.ts'
import { decodeSubtitle, MAX_SUBTITLE_BYTES, toWebVtt } from '../../library/subtitles/subtitle-text.ts'
import type { Logger } from '../../lib/log.ts'
import { streamAnswer, type Answer } from '../answer.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { Route } from '../router.ts'

const API_SUBTITLE_PATH = /^\/api\/catalog\/([0-9a-f]{40})\/subtitles\/(\d{1,4})\.vtt$/
const TOKEN_SUBTITLE_PATH = /^\/subtitles\/([A-Za-z0-9._-]{1,200})\/([0-9a-f]{40})\/(\d{1,4})\.vtt$/

/** For `/api/` (household credential already checked by the API gate). */
export function subtitleApiRoutes (deps: Pick<HttpServerDeps, 'registry' | 'log' | 'embeddedSubtitles'>): Route[] {
  return [{
    method: 'GET',
    path: API_SUBTITLE_PATH,
    handle: async (_request, [id = '', index = '']) => await subtitleAnswer(deps.registry.resolve(id), id, Number(index), deps)
  }]
}

/** Outside `/api/`: the token in the path is checked here, as the web seed does. */
export function subtitleTokenRoutes (deps: Pick<HttpServerDeps, 'registry' | 'tracker' | 'access' | 'log' | 'embeddedSubtitles'>): Route[] {
  const { registry, tracker, access, log } = deps
  return [{
    method: 'GET',
    path: TOKEN_SUBTITLE_PATH,
    handle: async (request, [token = '', id = '', index = '']) => {
      const item = registry.resolve(id)
      // A share token names the infohash it was made for: the item's current id.
      const allowed = gate(request, tracker.bans, log, () => access.checkToken(token, item?.stored.infoHash ?? id))
      if (!allowed.ok) throw new ApiError(allowed.code, allowed.message)
      return await subtitleAnswer(item, id, Number(index), deps)
    }
  }]
}

async function subtitleAnswer (item: LibraryItem | undefined, id: string, index: number, deps: Pick<HttpServerDeps, 'log' | 'embeddedSubtitles'>): Promise<Answer> {
  if (!item) throw new ApiError('HEARTH_E_UNKNOWN_ITEM', `no library item with id ${id}`)
  const subtitle = item.subtitles[index]
  if (!subtitle) throw new ApiError('HEARTH_E_NOT_FOUND', `item ${id} has no subtitle ${index}`)
  const body = subtitle.kind === 'embedded'
    ? await deps.embeddedSubtitles.vtt(item, subtitle.stream)
    : Buffer.from(await sidecarVtt(item, subtitle, deps.log), 'utf8')
  return streamAnswer(res => {
    res.writeHead(200, { 'content-type': 'text/vtt; charset=utf-8', 'content-length': String(body.length), 'cache-control': 'no-cache' })
    res.end(body)
  })
}

async function sidecarVtt (item: LibraryItem, subtitle: SidecarSubtitle, log: Logger): Promise<string> {
  if (item.availability === 'offline') throw new ApiError('HEARTH_E_ITEM_OFFLINE', 'the item\'s files cannot be read right now')
  const bytes = await readSubtitle(subtitle.diskPath, item, log)
  const { text, charset } = await decodeSubtitle(bytes)
  if (charset !== 'utf-8') log.debug('subtitle.charset', { path: subtitle.track.path, charset })
  return toWebVtt(text, subtitle.track.format)
}

async function readSubtitle (diskPath: string, item: LibraryItem, log: Logger): Promise<Uint8Array> {
  let handle: FileHandle
  try {
    handle = await openLibraryFile(diskPath, item.confinement)
  } catch (err) {
    log.warn('subtitle.unreadable', { infoHash: item.stored.infoHash, error: err instanceof Error ? err.message : String(err) })
    throw new ApiError('HEARTH_E_NOT_FOUND', 'this subtitle file cannot be read right now (renamed or removed?)')
  }
  try {
    const { size } = await handle.stat()
    if (size > MAX_SUBTITLE_BYTES) throw new ApiError('HEARTH_E_NOT_FOUND', `subtitle file is larger than ${MAX_SUBTITLE_BYTES} bytes`)
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}
