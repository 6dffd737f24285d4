/**
 * The live channels, asked again every `intervalMs` while the page is shown (a channel's
 * state changes by itself: a camera unplugged, ffmpeg restarted). A failed ask keeps the
 * last list; `error` says why until the next success.
 */
import { useEffect, useState } from 'react'
import type { LiveChannel } from '../../../protocol/api/live.ts'
import { getLiveChannels } from './api/get-live-channels.ts'

export interface LiveChannelsState {
  /** null until the first answer. */
  channels: LiveChannel[] | null
  error: string | null
}

export function useLiveChannels (intervalMs: number): LiveChannelsState {
  const [state, setState] = useState<LiveChannelsState>({ channels: null, error: null })
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const controller = new AbortController()
    const ask = async (): Promise<void> => {
      try {
        const channels = await getLiveChannels(controller.signal)
        if (!stopped) setState({ channels, error: null })
      } catch (err) {
        if (!stopped) setState(previous => ({ channels: previous.channels, error: err instanceof Error ? err.message : String(err) }))
      }
      if (!stopped) timer = setTimeout(() => { void ask() }, document.hidden ? intervalMs * 5 : intervalMs)
    }
    void ask()
    return () => {
      stopped = true
      controller.abort()
      clearTimeout(timer)
    }
  }, [intervalMs])
  return state
}
