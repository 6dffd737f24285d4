/**
 * Library symlinks, against a real seed node in-process: a symlink whose target is outside
 * the library (/etc/passwd, a private file) is not an item and is not served; one whose
 * target is inside is. A file replaced by a symlink after the scan is refused at open time
 * by the web seed and by the chunk store WebTorrent seeds from. `--follow-symlinks` serves
 * links wherever they lead.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { copyFile, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunningSeedNode } from '../../seed-node.ts'
import { makeScratchFolder, startScratchSeedNode, type ScratchFolder } from '../../testing/scratch-seed-node.ts'
import { LibraryChunkStore } from '../library-chunk-store.ts'
import { openLibraryFile } from '../library-file-open.ts'
import { seedFilesOf } from '../library-item.ts'

const SAMPLE_FILM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample-library/Films/Colour Bars at Dusk (2026).mp4')

let scratch: ScratchFolder
let library: string
let outside: string

async function start (followSymlinks: boolean): Promise<RunningSeedNode> {
  return await startScratchSeedNode(scratch, undefined, { stateDir: path.join(scratch.dir, `state-${String(followSymlinks)}`), followSymlinks })
}

function webSeed (node: RunningSeedNode, relativePath: string): Promise<Response> {
  const item = node.registry.byRelativePath(relativePath)
  if (!item) throw new Error(`${relativePath} is no item`)
  return fetch(`${node.url}/webseed/${node.access.credential}/${item.stored.infoHash}/${encodeURIComponent(item.mediaTorrentPath)}`)
}

beforeAll(async () => {
  scratch = await makeScratchFolder('hearth-symlinks-')
  library = scratch.library
  outside = path.join(scratch.dir, 'outside')
  await mkdir(path.join(library, 'Films'), { recursive: true })
  await mkdir(outside)
  await copyFile(SAMPLE_FILM, path.join(library, 'Films', 'Real (2026).mp4'))
  await copyFile(SAMPLE_FILM, path.join(outside, 'Private (2026).mp4'))
  await writeFile(path.join(outside, 'secret.txt'), 'the neighbour must not read this')
  await symlink('/etc/passwd', path.join(library, 'Passwd.mp4'))
  await symlink(path.join(outside, 'Private (2026).mp4'), path.join(library, 'Films', 'Private (2026).mp4'))
  await symlink('Real (2026).mp4', path.join(library, 'Films', 'Alias (2026).mp4'))
})

afterAll(async () => {
  await scratch?.remove()
})

describe('library symlinks', () => {
  it('serves a symlink inside the library; one leading outside is not an item', async () => {
    const node = await start(false)
    try {
      const paths = node.registry.list().map(item => item.stored.relativePath).sort()
      expect(paths).toEqual(['Films/Alias (2026).mp4', 'Films/Real (2026).mp4'])
      const res = await webSeed(node, 'Films/Alias (2026).mp4')
      expect(res.status).toBe(200)
      expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(SAMPLE_FILM))).toBe(true)
      const catalog = await (await fetch(`${node.url}/api/catalog`, { headers: { authorization: `Bearer ${node.access.credential}` } })).text()
      expect(catalog).not.toContain('Passwd')
      expect(catalog).not.toContain('Private')
    } finally {
      await node.close()
    }
  })

  it('refuses, at open time, a file replaced by a symlink after the scan (web seed and chunk store)', async () => {
    const node = await start(false)
    const real = path.join(library, 'Films', 'Real (2026).mp4')
    try {
      const item = node.registry.byRelativePath('Films/Real (2026).mp4')
      expect(item).toBeDefined()
      await rename(real, path.join(scratch.dir, 'moved.mp4'))
      await symlink(path.join(outside, 'secret.txt'), real)
      const res = await webSeed(node, 'Films/Real (2026).mp4')
      const body = await res.text()
      expect(res.status).toBe(404)
      expect(body).not.toContain('neighbour')

      // The store WebTorrent seeds from, as WebTorrent makes it for this item.
      const files = [{ path: item?.mediaTorrentPath ?? '', length: 1000, offset: 0 }]
      const store = new LibraryChunkStore(1000, { files, length: 1000, libraryFiles: item ? seedFilesOf(item).diskPaths : {}, confinement: item!.confinement })
      const error = await new Promise<unknown>(resolve => store.get(0, { offset: 0, length: 10 }, err => resolve(err)))
      expect(error).toMatchObject({ code: 'HEARTH_E_OUTSIDE_LIBRARY' })
      await expect(openLibraryFile(real, item!.confinement)).rejects.toMatchObject({ code: 'HEARTH_E_OUTSIDE_LIBRARY' })
    } finally {
      await node.close()
      await rm(real)
      await rename(path.join(scratch.dir, 'moved.mp4'), real)
    }
  })

  it('serves links wherever they lead with --follow-symlinks', async () => {
    const node = await start(true)
    try {
      expect(node.registry.byRelativePath('Films/Private (2026).mp4')).toBeDefined()
      expect((await webSeed(node, 'Films/Private (2026).mp4')).status).toBe(200)
    } finally {
      await node.close()
    }
  })
})
