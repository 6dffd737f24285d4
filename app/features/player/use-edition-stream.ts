/**
 * Streams a browser edition into the `<video>`: asks the home server for it (the answer
 * comes once the first seconds are ready), then plays the growing HLS playlist with hls.js.
 * Null `request`: nothing to do (the item plays directly, or cannot play at all). A finished
 * edition the home server seeds as a torrent is handed back instead (`torrent`): the player
 * then streams it peer to peer like any item, and HLS is not used.
 */
import { useEffect, useState, type RefObject } from 'react'
import type { EditionReply, EditionRequest } from '../../../protocol/api/editions.ts'
import { apiErrorMessage } from '../../lib/api/api-client-error.ts'
import { requestEdition } from './api/request-edition.ts'
import { attachEdition } from './edition-player.ts'

export type EditionState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'preparing' }
  /** `complete`: the whole edition is ready; otherwise it grows while it plays (seek within the prepared part). */
  | { readonly phase: 'playing', readonly complete: boolean }
  | { readonly phase: 'error', readonly message: string }
  /** The finished edition, seeded as a torrent: streamed like any item (use-item-stream.ts). */
  | { readonly phase: 'torrent', readonly torrent: NonNullable<EditionReply['torrent']> }

export function useEditionStream (itemId: string | null, request: EditionRequest | null, video: RefObject<HTMLVideoElement | null>): EditionState {
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
    setState({ phase: 'preparing' })
    const start = async (): Promise<void> => {
      const reply = await requestEdition(itemId, { audioTrack, video: videoMode }, abort.signal)
      const element = video.current
      if (abort.signal.aborted || !element) return
      if (reply.torrent !== undefined) return setState({ phase: 'torrent', torrent: reply.torrent })
      const destroy = await attachEdition(element, reply.playlistUrl, fail)
      if (abort.signal.aborted) return destroy()
      detach = destroy
      setState({ phase: 'playing', complete: reply.state === 'ready' })
    }
    start().catch((err: unknown) => fail(apiErrorMessage(err)))
    return () => {
      abort.abort()
      detach?.()
    }
  }, [itemId, audioTrack, videoMode, video])

  return state
}
