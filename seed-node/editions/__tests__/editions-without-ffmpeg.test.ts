/**
 * A seed node on a machine without ffmpeg/ffprobe (both pointed at a missing program): it
 * says so in its log, serves every file as it is, the catalog tells the app that nothing
 * was checked, and an edition is refused with a sentence that names the fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCatalog } from '../../../protocol/catalog.ts'
import { api } from '../../testing/seed-node-api.ts'
import { makeStateDir, removeDir, SAMPLE_LIBRARY, startSeedNodeProcess, type SeedNodeProcess } from '../../testing/seed-node-process.ts'

let stateDir: string
let node: SeedNodeProcess
const saved = { ffmpeg: process.env.HEARTH_FFMPEG, ffprobe: process.env.HEARTH_FFPROBE }

beforeAll(async () => {
  process.env.HEARTH_FFMPEG = '/nonexistent/ffmpeg'
  process.env.HEARTH_FFPROBE = '/nonexistent/ffprobe'
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ library: SAMPLE_LIBRARY, stateDir })
}, 120_000)

afterAll(async () => {
  process.env.HEARTH_FFMPEG = saved.ffmpeg
  process.env.HEARTH_FFPROBE = saved.ffprobe
  if (saved.ffmpeg === undefined) delete process.env.HEARTH_FFMPEG
  if (saved.ffprobe === undefined) delete process.env.HEARTH_FFPROBE
  await node?.stop()
  await removeDir(stateDir)
})

describe('without ffmpeg', () => {
  it('says so in the log at start', () => {
    expect(node.output()).toMatch(/editions\.no_ffmpeg/)
    expect(node.output()).toMatch(/editions\.no_ffprobe/)
  })

  it('lists every item, videos marked as unchecked for the app', async () => {
    const items = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items
    expect(items.length).toBeGreaterThan(0)
    for (const item of items.filter(candidate => candidate.kind !== 'audio')) expect(item.media).toEqual({ container: 'unknown', video: null, audio: [], damaged: null, editions: 'no-ffmpeg', transcodeVideo: false })
  })

  it('refuses an edition, naming the fix', async () => {
    const [item] = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items
    const reply = await api(node, 'POST', `/api/editions/${item?.id ?? ''}`, {})
    expect(reply.json.error).toBe('HEARTH_E_EDITIONS_OFF')
    expect(String(reply.json.message)).toMatch(/no ffmpeg.*install ffmpeg/)
  })
})
