import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { isPartialName, scanLibrary, type ScanResult } from '../library-scanner.ts'
import { silentLogger } from '../../lib/log.ts'

let root: string

/** Writes `files` (library-relative path → content) under `root`, making folders as needed. */
async function makeTree (files: Record<string, string>): Promise<void> {
  for (const [relativePath, content] of Object.entries(files)) {
    const absolutePath = path.join(root, relativePath)
    await mkdir(path.dirname(absolutePath), { recursive: true })
    await writeFile(absolutePath, content)
  }
}

async function scan (excludeFolders?: string[]): Promise<ScanResult> {
  return await scanLibrary(root, { log: silentLogger, excludeFolders })
}

function pathsOf (result: ScanResult): string[] {
  return result.media.map(media => media.relativePath)
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hearth-scanner-'))
})

afterEach(async () => {
  await chmod(root, 0o700).catch(() => {})
  await rm(root, { recursive: true, force: true })
})

describe('scanLibrary: which files become items', () => {
  it('takes playable video and audio files and leaves other files out', async () => {
    await makeTree({
      'a.mp4': 'x',
      'b.webm': 'x',
      'c.mkv': 'x',
      'd.mp3': 'x',
      'e.flac': 'x',
      'f.M4V': 'x',
      'notes.txt': 'x',
      'poster.jpg': 'x',
      'noext': 'x'
    })
    const result = await scan()
    expect(pathsOf(result)).toEqual(['a.mp4', 'b.webm', 'c.mkv', 'd.mp3', 'e.flac', 'f.M4V'])
    // Artwork and notes are passed over quietly; a file of no known kind is reported, with the reason.
    expect(result.skipped).toEqual([{ relativePath: 'noext', reason: 'no file extension' }])
  })

  it('records the absolute path and a fingerprint with the real size', async () => {
    await makeTree({ 'Film.mp4': 'twelve bytes' })
    const [media] = (await scan()).media
    expect(media?.absolutePath).toBe(path.join(root, 'Film.mp4'))
    expect(media?.fingerprint.sizeBytes).toBe(12)
    expect(Number.isInteger(media?.fingerprint.mtimeMs)).toBe(true)
    expect(media?.fingerprint.inode).toBeGreaterThan(0)
  })

  it('skips hidden files and does not enter hidden folders', async () => {
    await makeTree({
      'Visible.mp4': 'x',
      '.Hidden.mp4': 'x',
      '.hidden-folder/Inside.mp4': 'x',
      '.Trashes/Deleted.mkv': 'x'
    })
    expect(pathsOf(await scan())).toEqual(['Visible.mp4'])
  })

  it('skips partial downloads', async () => {
    await makeTree({
      'Done.mp4': 'x',
      'Film.mp4.part': 'x',
      'Film.mkv.crdownload': 'x',
      'Film.webm.!qB': 'x',
      'Film.mp4~': 'x'
    })
    expect(pathsOf(await scan())).toEqual(['Done.mp4'])
  })

  it('recognises partial-download names whatever their case', () => {
    for (const name of ['Film.mp4.part', 'Film.mp4.PART', 'Film.mkv.crdownload', 'Film.webm.!qB', 'Film.mp4~', 'Film.mp4.partial']) {
      expect(isPartialName(name), name).toBe(true)
    }
    for (const name of ['Film.mp4', 'Party.mp4', 'Film~Cut.mkv']) {
      expect(isPartialName(name), name).toBe(false)
    }
  })

  it('skips empty files and reports them', async () => {
    await makeTree({ 'Empty.mp4': '', 'Full.mp4': 'x' })
    const result = await scan()
    expect(pathsOf(result)).toEqual(['Full.mp4'])
    expect(result.skipped).toEqual([{ relativePath: 'Empty.mp4', reason: 'empty file' }])
  })
})

describe('scanLibrary: subtitles', () => {
  it('pairs subtitles with the film they are named after, with language and format', async () => {
    await makeTree({
      'Film.mp4': 'x',
      'Film.vtt': 'WEBVTT',
      'Film.en.vtt': 'WEBVTT',
      'Film.fr.srt': '1'
    })
    const result = await scan()
    expect(pathsOf(result)).toEqual(['Film.mp4'])
    const subtitles = result.media[0]?.subtitles.map(sub => ({ path: sub.relativePath, language: sub.language, format: sub.format }))
    expect(subtitles).toHaveLength(3)
    expect(subtitles).toEqual(expect.arrayContaining([
      { path: 'Film.vtt', language: 'und', format: 'vtt' },
      { path: 'Film.en.vtt', language: 'en', format: 'vtt' },
      { path: 'Film.fr.srt', language: 'fr', format: 'srt' }
    ]))
  })

  it('does not give one film the subtitles of another in the same folder', async () => {
    await makeTree({
      'Film.mp4': 'x',
      'Film.en.vtt': 'WEBVTT',
      'Film 2.mp4': 'x',
      'Film 2.vtt': 'WEBVTT',
      'Other.mkv': 'x'
    })
    const byPath = new Map((await scan()).media.map(media => [media.relativePath, media.subtitles.map(sub => sub.relativePath)]))
    expect(byPath.get('Film.mp4')).toEqual(['Film.en.vtt'])
    expect(byPath.get('Film 2.mp4')).toEqual(['Film 2.vtt'])
    expect(byPath.get('Other.mkv')).toEqual([])
  })

  it('gives a subtitle to the film whose name it matches exactly, not to a shorter-named one', async () => {
    await makeTree({
      'Film.mp4': 'x',
      'Film.Extended.mp4': 'x',
      'Film.Extended.vtt': 'WEBVTT',
      'Film.de.vtt': 'WEBVTT'
    })
    const byPath = new Map((await scan()).media.map(media => [media.relativePath, media.subtitles.map(sub => sub.relativePath)]))
    expect(byPath.get('Film.Extended.mp4')).toEqual(['Film.Extended.vtt'])
    expect(byPath.get('Film.mp4')).toEqual(['Film.de.vtt'])
  })

  it('does not pair subtitles across folders', async () => {
    await makeTree({ 'A/Film.mp4': 'x', 'B/Film.vtt': 'WEBVTT' })
    const result = await scan()
    expect(pathsOf(result)).toEqual(['A/Film.mp4'])
    expect(result.media[0]?.subtitles).toEqual([])
  })

  it('never makes an item of a subtitle alone', async () => {
    await makeTree({ 'Lonely.en.srt': '1' })
    expect((await scan()).media).toEqual([])
  })
})

describe('scanLibrary: folders', () => {
  it('recurses into subfolders and reports `/`-separated relative paths', async () => {
    await makeTree({
      'Top.mp4': 'x',
      'Series/Show/Season 1/Show - S01E01.mkv': 'x',
      'Series/Show/Season 1/Show - S01E01.en.srt': '1',
      'Music/Album/01 Track.flac': 'x'
    })
    const result = await scan()
    expect(pathsOf(result)).toEqual([
      'Music/Album/01 Track.flac',
      'Series/Show/Season 1/Show - S01E01.mkv',
      'Top.mp4'
    ])
    const episode = result.media.find(media => media.relativePath.endsWith('.mkv'))
    expect(episode?.absolutePath).toBe(path.join(root, 'Series', 'Show', 'Season 1', 'Show - S01E01.mkv'))
    expect(episode?.subtitles.map(sub => sub.relativePath)).toEqual(['Series/Show/Season 1/Show - S01E01.en.srt'])
  })

  it('honours excludeFolders (by relative path) and still scans the rest', async () => {
    await makeTree({
      'Film.mp4': 'x',
      'state/cache.mp4': 'x',
      'Series/state/Ep.mp4': 'x',
      'Series/private/Secret.mp4': 'x'
    })
    const result = await scan(['state', 'Series/private'])
    expect(pathsOf(result)).toEqual(['Film.mp4', 'Series/state/Ep.mp4'])
  })

  it('reports a media file that cannot be read in `skipped` and returns the rest', async () => {
    await makeTree({ 'Good.mp4': 'x', 'Sub/Also good.webm': 'x' })
    await symlink(path.join(root, 'gone-away.mp4'), path.join(root, 'Sub', 'Broken.mp4'))
    const result = await scan()
    expect(pathsOf(result)).toEqual(['Good.mp4', 'Sub/Also good.webm'])
    expect(result.skipped).toEqual([{ relativePath: 'Sub/Broken.mp4', reason: 'unreadable (ENOENT)' }])
  })

  it('follows a symlink to a media file', async () => {
    await makeTree({ 'elsewhere/Real.mp4': 'abc' })
    await symlink(path.join(root, 'elsewhere', 'Real.mp4'), path.join(root, 'Linked.mp4'))
    const result = await scan(['elsewhere'])
    expect(pathsOf(result)).toEqual(['Linked.mp4'])
    expect(result.media[0]?.fingerprint.sizeBytes).toBe(3)
  })

  it('reports an unreadable subfolder in `skipped` and returns the rest', async () => {
    await makeTree({ 'Good.mp4': 'x', 'Locked/Hidden away.mp4': 'x' })
    await chmod(path.join(root, 'Locked'), 0o000)
    try {
      const readable = await readdir(path.join(root, 'Locked')).then(() => true, () => false)
      if (readable) {
        // Running as root: permissions do not block reads, so the dangling-symlink test
        // above is what covers the "unreadable entry" path here.
        return
      }
      const result = await scan()
      expect(pathsOf(result)).toEqual(['Good.mp4'])
      expect(result.skipped).toEqual([{ relativePath: 'Locked', reason: 'EACCES' }])
    } finally {
      await chmod(path.join(root, 'Locked'), 0o700)
    }
  })

  it('throws when the library root does not exist', async () => {
    await expect(scanLibrary(path.join(root, 'no-such-folder'), { log: silentLogger })).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('symlinks leading outside the library', () => {
  let outside: string

  beforeEach(async () => {
    outside = await mkdtemp(path.join(os.tmpdir(), 'hearth-outside-'))
  })

  afterEach(async () => {
    await rm(outside, { recursive: true, force: true })
  })

  it('skips a symlink to /etc/passwd or to a file outside, and reports it; keeps one inside', async () => {
    await makeTree({ 'Real.mp4': 'abc' })
    await writeFile(path.join(outside, 'Private.mp4'), 'not the library\'s')
    await symlink('/etc/passwd', path.join(root, 'Passwd.mp4'))
    await symlink(path.join(outside, 'Private.mp4'), path.join(root, 'Private.mp4'))
    await symlink('Real.mp4', path.join(root, 'Also real.mp4'))
    const result = await scan()
    expect(pathsOf(result)).toEqual(['Also real.mp4', 'Real.mp4'])
    expect(result.outsideLinks.map(link => link.relativePath).sort()).toEqual(['Passwd.mp4', 'Private.mp4'])
    expect(result.outsideLinks.find(link => link.relativePath === 'Passwd.mp4')?.target).toBe('/etc/passwd')
  })

  it('skips a symlink inside a folder that leads out through `..`', async () => {
    await makeTree({ 'Films/Real.mp4': 'abc' })
    await writeFile(path.join(outside, 'Private.mp4'), 'x')
    await symlink(path.relative(path.join(root, 'Films'), path.join(outside, 'Private.mp4')), path.join(root, 'Films', 'Sneaky.mp4'))
    expect(pathsOf(await scan())).toEqual(['Films/Real.mp4'])
  })

  it('takes them with followSymlinks', async () => {
    await writeFile(path.join(outside, 'Private.mp4'), 'xyz')
    await symlink(path.join(outside, 'Private.mp4'), path.join(root, 'Private.mp4'))
    const result = await scanLibrary(root, { log: silentLogger, followSymlinks: true })
    expect(pathsOf(result)).toEqual(['Private.mp4'])
    expect(result.outsideLinks).toEqual([])
  })

  it('judges by the real library folder when the library path itself is a symlink', async () => {
    await makeTree({ 'Real.mp4': 'abc' })
    await symlink('Real.mp4', path.join(root, 'Linked.mp4'))
    const alias = path.join(outside, 'library-alias')
    await symlink(root, alias)
    expect(pathsOf(await scanLibrary(alias, { log: silentLogger }))).toEqual(['Linked.mp4', 'Real.mp4'])
  })
})
