/**
 * Browser editions through a real seed node and the system's ffmpeg: the catalog carries
 * RFC 6381 codec strings and audio tracks from ffprobe, a truncated MP4 is marked damaged,
 * and an AC-3 MKV gets an fMP4 HLS edition with AAC audio, served under the credential.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { EditionReply } from '../../../protocol/api/editions.ts'
import { parseCatalog, type CatalogItem } from '../../../protocol/catalog.ts'
import { api } from '../../testing/seed-node-api.ts'
import { CLIP_NAMES, makeCodecLibrary } from '../../testing/codec-clips.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../../testing/seed-node-process.ts'

const run = promisify(execFile)
let library: string
let stateDir: string
let node: SeedNodeProcess
let items: CatalogItem[]

const byFile = (name: string): CatalogItem => {
  const item = items.find(candidate => candidate.mediaPath.endsWith(name))
  if (!item) throw new Error(`${name} is not in the catalog`)
  return item
}

beforeAll(async () => {
  library = await makeCodecLibrary()
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ library, stateDir, args: ['--editions-max-gb', '1'] })
  items = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items
}, 120_000)

afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

describe('codec facts in the catalog', () => {
  it('names the AC-3 MKV codecs as browsers do, with its audio track', () => {
    const media = byFile(CLIP_NAMES.ac3Mkv).media
    expect(media?.video?.codec).toMatch(/^avc1\.[0-9a-f]{6}$/)
    expect(media?.audio).toEqual([{ index: 0, codec: 'ac-3', language: 'eng', title: 'Surround', channels: 1, isDefault: expect.any(Boolean) as boolean }])
    expect(media?.damaged).toBeNull()
    expect(media?.editions).toBe('on-demand')
  })

  it('names HEVC video with an hvc1 string', () => {
    expect(byFile(CLIP_NAMES.hevcMkv).media?.video?.codec).toMatch(/^hvc1\.1\.6\.L\d+\.B0$/)
  })

  it('marks a truncated MP4 as damaged, in ffprobe\'s words', () => {
    expect(byFile(CLIP_NAMES.truncatedMp4).media?.damaged).toMatch(/moov atom not found|Invalid data/i)
  })
})

describe('an edition of an AC-3 MKV', () => {
  it('is fMP4 HLS with AAC audio and the video copied', async () => {
    const item = byFile(CLIP_NAMES.ac3Mkv)
    const started = await api(node, 'POST', `/api/editions/${item.id}`, { audioTrack: 0 })
    expect(started.status).toBe(200)
    const reply = EditionReply.parse(started.json)
    expect(reply.preparedSec).toBeGreaterThan(0)
    const headers = { authorization: `Bearer ${node.credential}` }
    const playlist = await (await fetch(new URL(reply.playlistUrl, node.url), { headers })).text()
    expect(playlist).toMatch(/#EXT-X-MAP:URI="init\.mp4"/)
    const init = await fetch(new URL(reply.playlistUrl.replace('index.m3u8', 'init.mp4'), node.url), { headers })
    expect(init.status).toBe(200)
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-edition-'))
    await writeFile(path.join(dir, 'init.mp4'), Buffer.from(await init.arrayBuffer()))
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', path.join(dir, 'init.mp4')])
    expect(stdout.trim().split('\n').sort()).toEqual(['aac', 'h264'])
    await removeDir(dir)
  }, 60_000)

  it('lists the whole film at once and makes a segment past the prepared part when it is fetched', async () => {
    const item = byFile(CLIP_NAMES.ac3Mkv)
    const reply = EditionReply.parse((await api(node, 'POST', `/api/editions/${item.id}`, { audioTrack: 0, startSec: 5 })).json)
    expect(reply.startSec).toBe(4)
    const headers = { authorization: `Bearer ${node.credential}` }
    const playlist = await (await fetch(new URL(reply.playlistUrl, node.url), { headers })).text()
    expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD')
    expect(playlist.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true)
    expect([...playlist.matchAll(/^seg-\d{5}\.m4s$/gm)].map(match => match[0])).toEqual(['seg-00000.m4s', 'seg-00001.m4s'])
    const segment = await fetch(new URL(reply.playlistUrl.replace('index.m3u8', 'seg-00001.m4s'), node.url), { headers })
    expect(segment.status).toBe(200)
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(0)
  }, 60_000)

  it('refuses a start past any film and an audio track the file does not have', async () => {
    const item = byFile(CLIP_NAMES.ac3Mkv)
    expect((await api(node, 'POST', `/api/editions/${item.id}`, { startSec: -1 })).json.error).toBe('HEARTH_E_BAD_REQUEST')
    expect((await api(node, 'POST', `/api/editions/${item.id}`, { audioTrack: 3 })).json.error).toBe('HEARTH_E_BAD_REQUEST')
  })

  it('makes one edition when two devices ask at once', async () => {
    const item = byFile(CLIP_NAMES.hevcMkv)
    const [first, second] = await Promise.all([
      api(node, 'POST', `/api/editions/${item.id}`, { audioTrack: 0 }),
      api(node, 'POST', `/api/editions/${item.id}`, { audioTrack: 0 })
    ])
    expect([first.status, second.status]).toEqual([200, 200])
    expect(first.json.playlistUrl).toBe(second.json.playlistUrl)
    const starts = node.output().split('\n').filter(line => line.includes('editions.started') && line.includes(item.id))
    expect(starts).toHaveLength(1)
  }, 60_000)

  it('is refused without the household credential', async () => {
    const item = byFile(CLIP_NAMES.ac3Mkv)
    const res = await fetch(new URL(`/api/editions/${item.id}/a0-copy/index.m3u8`, node.url))
    expect(res.status).toBe(401)
  })

  it('says a damaged file could not be converted, and asks no video conversion without --transcode-video', async () => {
    const damaged = await api(node, 'POST', `/api/editions/${byFile(CLIP_NAMES.truncatedMp4).id}`, {})
    expect(damaged.json.error).toBe('HEARTH_E_EDITION_FAILED')
    expect(String(damaged.json.message)).toMatch(/damaged or incomplete/)
    const transcode = await api(node, 'POST', `/api/editions/${byFile(CLIP_NAMES.hevcMkv).id}`, { video: 'h264' })
    expect(transcode.json.error).toBe('HEARTH_E_TRANSCODE_OFF')
  }, 60_000)
})
