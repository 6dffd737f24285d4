import { describe, expect, it } from 'vitest'
import { MAX_TORRENT_FILE_BYTES } from '../../../../protocol/api/downloads.ts'
import { bytesToBase64, torrentFileToBase64 } from '../torrent-file-base64.ts'

function file (bytes: Uint8Array<ArrayBuffer>, name: string, type = ''): Blob & { name: string } {
  return Object.assign(new Blob([bytes], { type }), { name })
}

describe('bytesToBase64', () => {
  it('matches Node\'s base64, padding included, across chunk boundaries', () => {
    for (const size of [0, 1, 2, 3, 4, 32 * 1024 - 1, 32 * 1024, 32 * 1024 + 1, 100_000]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) % 256)
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })
})

describe('torrentFileToBase64', () => {
  const torrent = new TextEncoder().encode('d8:announce3:foo4:infod4:name1:xee')
  it('encodes a .torrent file', async () => {
    expect(await torrentFileToBase64(file(torrent, 'Film.torrent'))).toBe(Buffer.from(torrent).toString('base64'))
    expect(await torrentFileToBase64(file(torrent, 'download', 'application/x-bittorrent'))).toBe(Buffer.from(torrent).toString('base64'))
  })
  it('refuses other files, empty ones and non-bencoded ones', async () => {
    await expect(torrentFileToBase64(file(torrent, 'film.mp4', 'video/mp4'))).rejects.toThrow(/not a \.torrent file/)
    await expect(torrentFileToBase64(file(new Uint8Array(0), 'a.torrent'))).rejects.toThrow(/empty/)
    await expect(torrentFileToBase64(file(new TextEncoder().encode('<html>'), 'a.torrent'))).rejects.toThrow(/not bencoded/)
  })
  it('refuses files over 4 MiB before reading them', async () => {
    const big = file(new Uint8Array(MAX_TORRENT_FILE_BYTES + 1), 'big.torrent')
    await expect(torrentFileToBase64(big)).rejects.toMatchObject({ code: 'HEARTH_E_BAD_TORRENT', message: expect.stringMatching(/at most 4 MiB/) })
  })
})
