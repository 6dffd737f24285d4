/**
 * The live channels, asked again every `intervalMs` while the page is shown (a channel's
 * state changes by itself: a camera unplugged, ffmpeg restarted). A failed ask keeps the
 * last list; `error` says why until the next success. A home server with no channels (or one
 * from before live channels) is asked only every `idleIntervalMs`: most households have none.
 */
import { useEffect, useState } from 'react'
import type { LiveChannel } from '../../../protocol/api/live.ts'
import { getLiveChannels } from './api/get-live-channels.ts'

export interface LiveChannelsState {
  /** null until the first answer. */
  channels: LiveChannel[] | null
  error: string | null
}

export function useLiveChannels (intervalMs: number, idleIntervalMs = 60 * 1000): LiveChannelsState {
  const [state, setState] = useState<LiveChannelsState>({ channels: null, error: null })
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const controller = new AbortController()
    const ask = async (): Promise<void> => {
      let idle = false
      try {
        const channels = await getLiveChannels(controller.signal)
        idle = channels.length === 0
        if (!stopped) setState({ channels, error: null })
      } catch (err) {
        if (!stopped) setState(previous => ({ channels: previous.channels, error: err instanceof Error ? err.message : String(err) }))
      }
      const next = idle ? idleIntervalMs : document.hidden ? intervalMs * 5 : intervalMs
      if (!stopped) timer = setTimeout(() => { void ask() }, next)
    }
    void ask()
    return () => {
      stopped = true
      controller.abort()
      clearTimeout(timer)
    }
  }, [intervalMs, idleIntervalMs])
  return state
}
