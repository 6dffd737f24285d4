/**
 * Streams a browser edition into the `<video>`: asks the home server for it from the second
 * to start at (the answer comes once that part is ready), then plays the whole-film HLS
 * playlist with hls.js; a seek into a part not prepared yet makes the home server prepare it
 * there. Null `request`: nothing to do (the item plays directly, or cannot play at all).
 * A finished edition the home server seeds as a torrent is handed back instead (`torrent`):
 * the player then streams it peer to peer like any item, and HLS is not used.
 */
import { useEffect, useState, type RefObject } from 'react'
import type { EditionReply, EditionRequest } from '../../../protocol/api/editions.ts'
import { apiErrorMessage } from '../../lib/api/api-client-error.ts'
import { requestEdition } from './api/request-edition.ts'
import { attachEdition } from './edition-player.ts'

export type EditionState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'preparing' }
  /** `complete`: the whole edition is ready; otherwise the home server makes it as it is played. */
  | { readonly phase: 'playing', readonly complete: boolean, readonly video: EditionRequest['video'], readonly speed: number | null, readonly durationSec: number | null }
  | { readonly phase: 'error', readonly message: string }
  /** The finished edition, seeded as a torrent: streamed like any item (use-item-stream.ts). */
  | { readonly phase: 'torrent', readonly torrent: NonNullable<EditionReply['torrent']> }

function playingState (reply: EditionReply, video: EditionRequest['video']): EditionState {
  return { phase: 'playing', complete: reply.state === 'ready', video, speed: reply.speed, durationSec: reply.durationSec }
}

export function useEditionStream (
  itemId: string | null,
  request: Omit<EditionRequest, 'startSec'> | null,
  video: RefObject<HTMLVideoElement | null>,
  /** The second to start at after an audio switch (null: the start; the watch position follows once playing). */
  startAtRef: RefObject<number | null>
): EditionState {
  const [state, setState] = useState<EditionState>({ phase: 'idle' })
  const audioTrack = request?.audioTrack
  const videoMode = request?.video

  useEffect(() => {
    if (itemId === null || audioTrack === undefined || videoMode === undefined) {
      setState({ phase: 'idle' })
      return
    }
    const abort = new AbortController()
    let detach: (() => void) | null = null
    const fail = (message: string): void => { if (!abort.signal.aborted) setState({ phase: 'error', message }) }
    const startSec = startAtRef.current ?? 0
    setState({ phase: 'preparing' })
    const start = async (): Promise<void> => {
      const reply = await requestEdition(itemId, { audioTrack, video: videoMode, startSec }, abort.signal)
      const element = video.current
      if (abort.signal.aborted || !element) return
      if (reply.torrent !== undefined) return setState({ phase: 'torrent', torrent: reply.torrent })
      const destroy = await attachEdition(element, reply.playlistUrl, startSec, fail)
      if (abort.signal.aborted) return destroy()
      detach = destroy
      setState(playingState(reply, videoMode))
    }
    start().catch((err: unknown) => fail(apiErrorMessage(err)))
    return () => {
      abort.abort()
      detach?.()
    }
  }, [itemId, audioTrack, videoMode, video, startAtRef])

  return state
}
