/**
 * Streams one catalog item into a `<video>`: loads the WebTorrent client, adds (or reuses) the
 * item's torrent, points the element at the file's service-worker URL and loads subtitles.
 * On unmount the element lets go of the stream; the torrent stays in the client so that
 * reopening the item reuses what was already downloaded.
 */
import { useEffect, useState, type RefObject } from 'react'
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import type { CatalogItem } from '../../protocol/catalog.ts'
import { findTorrentFile } from '../torrent/find-media-file.ts'
import { openTorrent, TorrentError } from '../torrent/open-torrent.ts'
import { getWebTorrentClient } from '../torrent/webtorrent-client.ts'
import { loadSubtitles, type SubtitleSource } from './load-subtitles.ts'

export type StreamState =
  | { readonly phase: 'starting' }
  | { readonly phase: 'connecting' }
  | { readonly phase: 'streaming', readonly torrent: WebTorrentTorrent }
  | { readonly phase: 'error', readonly message: string }

export function useItemStream (item: CatalogItem | null, video: RefObject<HTMLVideoElement | null>): { state: StreamState, subtitles: SubtitleSource[] } {
  const [state, setState] = useState<StreamState>({ phase: 'starting' })
  const [subtitles, setSubtitles] = useState<SubtitleSource[]>([])

  useEffect(() => {
    if (!item) return
    let cancelled = false
    let owned: SubtitleSource[] = []
    let openedTorrent: WebTorrentTorrent | null = null
    const onTorrentError = (err: Error | string): void => {
      if (!cancelled) setState({ phase: 'error', message: typeof err === 'string' ? err : err.message })
    }
    setState({ phase: 'starting' })
    setSubtitles([])

    const start = async (): Promise<void> => {
      const client = await getWebTorrentClient()
      if (cancelled) return
      setState({ phase: 'connecting' })
      const torrent = await openTorrent(client, item)
      if (cancelled) return
      openedTorrent = torrent
      torrent.on('error', onTorrentError)
      const file = findTorrentFile(torrent.files, item.mediaPath)
      if (!file) throw new TorrentError(`The torrent has no file "${item.mediaPath}".`)
      const element = video.current
      if (!element) return
      file.streamTo(element)
      setState({ phase: 'streaming', torrent })
      const sources = await loadSubtitles(torrent, item.subtitles)
      owned = sources.filter(source => source.ownsUrl)
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
      for (const source of owned) URL.revokeObjectURL(source.src)
      if (element) {
        element.pause()
        element.removeAttribute('src')
        element.load() // closes the service-worker stream
      }
    }
  }, [item, video])

  return { state, subtitles }
}
