/**
 * The seed node's download queue, polled every `POLL_INTERVAL_MS` while the page is visible
 * (one request at a time: the next starts after the last answer). A failed poll after a
 * good one keeps the last list on screen and says it is stale.
 */
import { useCallback, useEffect, useState } from 'react'
import { usePageVisible } from '../../hooks/use-page-visible.ts'
import type { DownloadList, DownloadView } from '../../../protocol/api/downloads.ts'
import { apiErrorMessage } from '../../lib/api/api-client-error.ts'
import { getDownloads } from './api/get-downloads.ts'

export const POLL_INTERVAL_MS = 2 * 1000

export type DownloadsState =
  | { readonly status: 'loading' }
  | { readonly status: 'error', readonly message: string }
  /** `stale` says why the list may be out of date (the last poll failed), else null. */
  | { readonly status: 'ready', readonly list: DownloadList, readonly stale: string | null }

export interface UseDownloads {
  state: DownloadsState
  /** Poll now (after an action), instead of waiting for the next tick. */
  refresh: () => void
  /** Show a row the seed node just answered with (added, paused, resumed) before the next poll. */
  put: (download: DownloadView) => void
  /** Drop a removed row before the next poll. */
  drop: (infoHash: string) => void
}

export function useDownloads (): UseDownloads {
  const [state, setState] = useState<DownloadsState>({ status: 'loading' })
  const [tick, setTick] = useState(0)
  const visible = usePageVisible()

  useEffect(() => {
    if (!visible) return
    const abort = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = (): void => {
      getDownloads(abort.signal).then(
        list => setState({ status: 'ready', list, stale: null }),
        (err: unknown) => {
          if (abort.signal.aborted) return
          const message = apiErrorMessage(err)
          setState(previous => previous.status === 'ready' ? { ...previous, stale: message } : { status: 'error', message })
        }
      ).finally(() => {
        if (!abort.signal.aborted) timer = setTimeout(poll, POLL_INTERVAL_MS)
      })
    }
    poll()
    return () => {
      abort.abort()
      clearTimeout(timer)
    }
  }, [visible, tick])

  const refresh = useCallback(() => setTick(n => n + 1), [])
  const put = useCallback((download: DownloadView) => setState(previous => {
    if (previous.status !== 'ready') return previous
    const downloads = previous.list.downloads.some(row => row.infoHash === download.infoHash)
      ? previous.list.downloads.map(row => row.infoHash === download.infoHash ? download : row)
      : [...previous.list.downloads, download]
    return { ...previous, list: { ...previous.list, downloads } }
  }), [])
  const drop = useCallback((infoHash: string) => setState(previous => previous.status !== 'ready'
    ? previous
    : { ...previous, list: { ...previous.list, downloads: previous.list.downloads.filter(row => row.infoHash !== infoHash) } }), [])
  return { state, refresh, put, drop }
}
