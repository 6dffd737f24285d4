/**
 * Ingest progress for the library page: asks `GET /api/status` when the page is shown (and
 * when it becomes visible again); while the seed node is indexing, asks again every
 * `POLL_INTERVAL_MS`. When indexing ends, stops asking and calls `onFinished` once, so the
 * catalog is reloaded and the new items appear.
 */
import { useEffect, useRef, useState } from 'react'
import { usePageVisible } from '../../hooks/use-page-visible.ts'
import type { IngestStats } from '../../../protocol/api/status.ts'
import { getIngestStatus } from './api/get-ingest-status.ts'
import { ingestBusy } from './ingest-progress.ts'

export const POLL_INTERVAL_MS = 3 * 1000

/** The latest busy status, or null when ingest is idle (or its status is unknown). */
export function useIngestProgress (paired: boolean, onFinished: () => void): IngestStats | null {
  const [progress, setProgress] = useState<IngestStats | null>(null)
  const visible = usePageVisible()
  const onFinishedRef = useRef(onFinished)
  useEffect(() => { onFinishedRef.current = onFinished }, [onFinished])

  useEffect(() => {
    if (!visible || !paired) return
    const abort = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let sawBusy = false
    const poll = (): void => {
      getIngestStatus(abort.signal).then(
        ingest => {
          if (abort.signal.aborted) return
          if (ingestBusy(ingest)) {
            sawBusy = true
            setProgress(ingest)
            timer = setTimeout(poll, POLL_INTERVAL_MS)
            return
          }
          setProgress(null)
          if (sawBusy) onFinishedRef.current()
        },
        (err: unknown) => {
          if (abort.signal.aborted) return
          console.warn('[hearth] ingest status unavailable', err)
          // Keep following an ingest already under way; otherwise there is nothing to show.
          if (sawBusy) timer = setTimeout(poll, POLL_INTERVAL_MS)
        }
      )
    }
    poll()
    return () => {
      abort.abort()
      clearTimeout(timer)
    }
  }, [paired, visible])

  return progress
}
