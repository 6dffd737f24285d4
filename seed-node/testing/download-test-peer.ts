/**
 * Test helpers for the download queue: a separate WebTorrent client seeding generated
 * files (announcing to the seed node's tracker under a share token for that infohash, a
 * URL of its own: bittorrent-tracker shares one WebSocket per URL within a process), and
 * torrents built byte by byte.
 */
import WebTorrent, { type Torrent } from 'webtorrent'
import createTorrent from 'create-torrent'
import parseTorrent from 'parse-torrent'
import bencode from 'bencode'
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface TestSwarmFile { path: string, bytes: Uint8Array }

/** Writes `files` under `dir/<name>/` (or `dir/<name>` for one file) and makes their torrent. */
export async function makeTestTorrent (dir: string, name: string, files: TestSwarmFile[]): Promise<{ torrent: Uint8Array, infoHash: string }> {
  const single = files.length === 1 && files[0]?.path === name
  const absolute = files.map(file => single ? path.join(dir, name) : path.join(dir, name, ...file.path.split('/')))
  for (const [index, file] of files.entries()) {
    await mkdir(path.dirname(absolute[index] as string), { recursive: true })
    await writeFile(absolute[index] as string, file.bytes)
  }
  const input = single ? absolute[0] as string : path.join(dir, name)
  const torrent = await new Promise<Uint8Array>((resolve, reject) => {
    createTorrent(input, { name, announceList: [], creationDate: 0, pieceLength: 16 * 1024 }, (err, made) => err ? reject(err) : resolve(made))
  })
  return { torrent, infoHash: (await parseTorrent(torrent)).infoHash }
}

export function randomFile (pathInTorrent: string, sizeBytes: number): TestSwarmFile {
  return { path: pathInTorrent, bytes: new Uint8Array(randomBytes(sizeBytes)) }
}

/** A WebTorrent client seeding `torrent` from `dir`; resolves once it has checked its data. */
export async function startTestSeeder (torrent: Uint8Array, dir: string, announce: string | string[], uploadLimitBytesPerSec = -1): Promise<{ client: WebTorrent, torrent: Torrent, close: () => Promise<void> }> {
  const client = new WebTorrent({ dht: false, lsd: false, utPex: false, natUpnp: false, natPmp: false, webSeeds: false, uploadLimit: uploadLimitBytesPerSec, tracker: { rtcConfig: { iceServers: [] } } })
  client.on('error', () => {})
  const added = await new Promise<Torrent>((resolve, reject) => {
    const t = client.add(torrent, { path: dir, announce: Array.isArray(announce) ? announce : [announce] })
    // Ready once its data is checked and the tracker has it in the swarm.
    let done = false
    let announced = false
    t.once('done', () => { done = true; if (announced) resolve(t) })
    t.once('trackerAnnounce', () => { announced = true; if (done) resolve(t) })
    t.once('error', reject)
  })
  return { client, torrent: added, close: async () => await new Promise<void>(resolve => client.destroy(() => resolve())) }
}

/** A torrent whose raw info dictionary names files exactly as given (hostile names included). */
export function rawTorrent (name: string, files: Array<{ path: string[], length: number }> | null, length = 10, pieceLength = 16 * 1024): Uint8Array {
  const total = files ? files.reduce((sum, file) => sum + file.length, 0) : length
  const info: Record<string, unknown> = { name, 'piece length': pieceLength, pieces: new Uint8Array(20 * Math.max(1, Math.ceil(total / pieceLength))) }
  if (files) info.files = files
  else info.length = length
  return bencode.encode({ info })
}
