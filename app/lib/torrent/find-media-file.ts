/**
 * Finds a catalog path (`mediaPath`, a subtitle's `path`) among a torrent's files. WebTorrent
 * prefixes paths of multi-file torrents with the torrent name, and the seed node may or may
 * not; so an exact match wins, then a match on whole trailing path segments.
 */
export interface NamedFile {
  readonly path: string
}

export function findTorrentFile<F extends NamedFile> (files: readonly F[], catalogPath: string): F | undefined {
  const wanted = normalise(catalogPath)
  const exact = files.find(file => normalise(file.path) === wanted)
  if (exact) return exact
  return files.find(file => {
    const path = normalise(file.path)
    return path.endsWith(`/${wanted}`) || wanted.endsWith(`/${path}`)
  })
}

function normalise (path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '')
}
