/**
 * Names from untrusted torrents can never leave the downloads folder. Includes real
 * torrents built byte by byte with hostile names, parsed the way the seed node parses them.
 */
import { describe, it, expect } from 'vitest'
import path from 'node:path'
import bencode from 'bencode'
import parseTorrent from 'parse-torrent'
import fc from 'fast-check'
import { confinePath, confineTorrentFiles, UnsafePathError } from '../safe-download-path.ts'

const DOWNLOADS = '/srv/hearth/library/Downloads'

/** A multi-file torrent whose info dict names files exactly as given (no sanitising). */
async function hostileTorrent (name: string, filePaths: string[][]): Promise<Awaited<ReturnType<typeof parseTorrent>>> {
  const info = {
    name,
    'piece length': 16384,
    pieces: new Uint8Array(20),
    files: filePaths.map(components => ({ length: 10, path: components }))
  }
  return await parseTorrent(bencode.encode({ info, announce: 'ws://127.0.0.1:1/announce' }))
}

describe('confinePath', () => {
  it('places plain names inside the downloads folder', () => {
    expect(confinePath(DOWNLOADS, 'Film (2026)/Film (2026).mkv')).toBe(path.join(DOWNLOADS, 'Film (2026)', 'Film (2026).mkv'))
    expect(confinePath(DOWNLOADS, ['Série', 'Épisode 1.mp4'])).toBe(path.join(DOWNLOADS, 'Série', 'Épisode 1.mp4'))
  })

  it.each([
    ['../escape.mp4', '"..'],
    ['a/../../etc/passwd', '"..'],
    ['/etc/passwd', 'absolute path'],
    ['C:/Windows/evil.dll', 'absolute path'],
    ['film\u0000.mp4', 'NUL or control'],
    ['film\n.mp4', 'NUL or control'],
    ['CON', 'reserved device name'],
    ['lpt1.txt', 'reserved device name'],
    ['dir/.', '"."'],
    ['trailing. ', 'ends with a dot or a space'],
    ['a\\..\\b', 'not allowed'],
    [['Show', '/etc/passwd'], 'not allowed'],
    ['x'.repeat(256), 'longer than 255 bytes'],
    ['a//b', 'empty path component']
  ] as Array<[string | string[], string]>)('refuses %j (%s)', (name, reason) => {
    expect(() => confinePath(DOWNLOADS, name)).toThrow(UnsafePathError)
    expect(() => confinePath(DOWNLOADS, name)).toThrow(reason)
  })

  it('never returns a path outside the downloads folder, whatever the input', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 6 }), components => {
      try {
        const result = confinePath(DOWNLOADS, components)
        expect(result.startsWith(DOWNLOADS + path.sep)).toBe(true)
      } catch (err) {
        expect(err).toBeInstanceOf(UnsafePathError)
      }
    }), { numRuns: 2000 })
  })
})

describe('confineTorrentFiles on hostile torrents', () => {
  it('sees the names parse-torrent would quietly rewrite', async () => {
    const torrent = await hostileTorrent('Innocent', [['..', '..', '.bashrc']])
    expect(torrent.files?.map(file => file.path)).toEqual(['.bashrc']) // what a naive caller would write
  })

  it('refuses a torrent whose file tries ../', async () => {
    const torrent = await hostileTorrent('Innocent', [['..', '..', '.bashrc']])
    expect(() => confineTorrentFiles(DOWNLOADS, torrent.info)).toThrow(/leave the downloads folder|outside/)
  })

  it('refuses a torrent whose name is an absolute path or carries a NUL byte', async () => {
    const absolute = await hostileTorrent('/etc', [['cron.d', 'evil']])
    const nul = await hostileTorrent('Film', [['part\u0000.mp4']])
    expect(() => confineTorrentFiles(DOWNLOADS, absolute.info)).toThrow(UnsafePathError)
    expect(() => confineTorrentFiles(DOWNLOADS, nul.info)).toThrow(/NUL/)
  })

  it('accepts a well-formed torrent and confines all its files', async () => {
    const torrent = await hostileTorrent('Show', [['Season 1', 'E01.mkv'], ['Season 1', 'E01.en.srt']])
    expect(confineTorrentFiles(DOWNLOADS, torrent.info)).toEqual([
      path.join(DOWNLOADS, 'Show', 'Season 1', 'E01.mkv'),
      path.join(DOWNLOADS, 'Show', 'Season 1', 'E01.en.srt')
    ])
  })
})
