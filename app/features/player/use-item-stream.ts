/**
 * Streams a playable source (library item or foreign magnet) into a `<video>`: loads the
 * WebTorrent client, adds (or reuses) the torrent, picks the file (the catalog's path, or the
 * largest playable file of a foreign torrent), points the element at the file's
 * service-worker URL and loads subtitles. A library item's .torrent is fetched from the seed
 * node meanwhile (no metadata round trip over the peer wire), and an MP4's or WebM's last MiB is asked
 * for at once, in case its index sits at the end. On unmount the element lets go of the stream; the
 * torrent stays in the client so that reopening reuses what was already downloaded.
 */
import { useEffect, useState, type RefObject } from 'react'
import type { WebTorrentFile, WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { safeDisplayName } from '../../lib/format/safe-display-name.ts'
import { findTorrentFile } from '../../lib/torrent/find-media-file.ts'
import { isOpening, openTorrent, TorrentError } from '../../lib/torrent/open-torrent.ts'
import { claimWarmTorrent } from '../../lib/torrent/warm-torrents.ts'
import { pickPlayableFile, playableType } from '../../lib/torrent/pick-playable-file.ts'
import { prefetchTail } from '../../lib/torrent/prefetch-tail.ts'
import { fetchTorrentFile } from '../../lib/torrent/torrent-file.ts'
import { getWebTorrentClient } from '../../lib/torrent/webtorrent-client.ts'
import { markStreamStep } from '../../lib/torrent/stream-marks.ts'
import { loadSubtitles, type SubtitleSource } from './load-subtitles.ts'
import type { PlayableSource } from './playable-source.ts'

/** What is playing, once known: for foreign torrents, shown under the title. */
export interface PlayingFile {
  /** Cleaned for display (names in foreign metadata are untrusted). */
  readonly name: string
  readonly sizeBytes: number
  readonly mimeType: string | null
}

export type StreamState =
  | { readonly phase: 'starting' }
  | { readonly phase: 'connecting' }
  | { readonly phase: 'streaming', readonly torrent: WebTorrentTorrent, readonly file: PlayingFile }
  | { readonly phase: 'error', readonly message: string }

export function useItemStream (source: PlayableSource | null, video: RefObject<HTMLVideoElement | null>): { state: StreamState, subtitles: SubtitleSource[] } {
  const [state, setState] = useState<StreamState>({ phase: 'starting' })
  const [subtitles, setSubtitles] = useState<SubtitleSource[]>([])

  useEffect(() => {
    if (!source) return
    let cancelled = false
    let owned: SubtitleSource[] = []
    let openedTorrent: WebTorrentTorrent | null = null
    const onTorrentError = (err: Error | string): void => {
      if (!cancelled) setState({ phase: 'error', message: typeof err === 'string' ? err : err.message })
    }
    setState({ phase: 'starting' })
    setSubtitles([])

    const start = async (): Promise<void> => {
      markStreamStep('stream-start', source.infoHash)
      // Warmed on hover (lib/torrent/warm-torrents.ts): the player owns it from now on.
      claimWarmTorrent(source.infoHash)
      // A library item's .torrent is fetched while the WebTorrent bundle loads (unless a warm start has it already).
      const torrentFile = source.libraryItem !== null && !isOpening(source.infoHash) ? fetchTorrentFile(source.infoHash) : null
      const client = await getWebTorrentClient()
      markStreamStep('client-ready', source.infoHash)
      if (cancelled) return
      setState({ phase: 'connecting' })
      const torrent = await openTorrent(client, source, torrentFile)
      if (cancelled) return
      openedTorrent = torrent
      torrent.on('error', onTorrentError)
      const file = chooseFile(torrent.files, source)
      const element = video.current
      if (!element) return
      const mimeType = source.mimeType ?? playableType(file.path)
      prefetchTail(torrent, file, mimeType)
      file.streamTo(element)
      markStreamStep('stream-attached', source.infoHash)
      setState({
        phase: 'streaming',
        torrent,
        file: { name: safeDisplayName(file.name), sizeBytes: file.length, mimeType }
      })
      const sources = await loadSubtitles(torrent, source.subtitles)
      owned = sources.filter(subtitle => subtitle.ownsUrl)
      if (cancelled) return
      setSubtitles(sources)
    }
    start().catch((err: unknown) => {
      if (!cancelled) setState({ phase: 'error', message: err instanceof Error ? err.message : String(err) })
    })

    const element = video.current
    return () => {
      cancelled = true
      openedTorrent?.removeListener('error', onTorrentError)
      for (const subtitle of owned) URL.revokeObjectURL(subtitle.src)
      if (element) {
        element.pause()
        element.removeAttribute('src')
        element.load() // closes the service-worker stream
      }
    }
  }, [source, video])

  return { state, subtitles }
}

function chooseFile (files: readonly WebTorrentFile[], source: PlayableSource): WebTorrentFile {
  if (source.mediaPath !== null) {
    const file = findTorrentFile(files, source.mediaPath)
    if (!file) throw new TorrentError(`The torrent has no file "${source.mediaPath}".`)
    return file
  }
  const file = pickPlayableFile(files)
  if (!file) throw new TorrentError(`This torrent has no file a browser can play (it holds ${files.length === 1 ? '1 file' : `${files.length} files`}; playable kinds are video and audio such as .mp4, .webm, .mkv, .mp3).`)
  return file
}
