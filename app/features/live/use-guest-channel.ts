/**
 * A friend's view of one shared channel: `GET /live/<token>/<id>/channel.json` every
 * `intervalMs` (the channel's name and state change by themselves), with the share token
 * from the link. A refusal (401, 403: "Stop sharing" rotated the secret, or the token is for
 * another channel) or a 404 (the channel was removed or renamed) ends the asking: the link
 * will not start working again by itself, and asking on would only load the home server.
 */
import { useEffect, useState } from 'react'
import { LIVE_CHANNEL_INFO, LiveChannel, liveFilePath } from '../../../protocol/api/live.ts'

export type GuestChannelState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready', readonly channel: LiveChannel, readonly error: string | null }
  /** `revoked`: the link was turned off ("Stop sharing") or is not for this channel; `gone`: no such channel any more. */
  | { readonly status: 'ended', readonly reason: 'revoked' | 'gone' }
  | { readonly status: 'error', readonly message: string }

export function useGuestChannel (channelId: string, token: string, intervalMs: number): GuestChannelState {
  const [state, setState] = useState<GuestChannelState>({ status: 'loading' })
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const controller = new AbortController()
    const ask = async (): Promise<void> => {
      let next: GuestChannelState | null = null
      try {
        const res = await fetch(liveFilePath(token, channelId, LIVE_CHANNEL_INFO), { signal: controller.signal, cache: 'no-store' })
        if (res.status === 401 || res.status === 403) next = { status: 'ended', reason: 'revoked' }
        else if (res.status === 404) next = { status: 'ended', reason: 'gone' }
        else if (!res.ok) throw new Error(`the home server answered ${res.status}`)
        else next = { status: 'ready', channel: LiveChannel.parse(await res.json()), error: null }
      } catch (err) {
        if (stopped) return
        const message = `The home server cannot be reached right now (${err instanceof Error ? err.message : String(err)}). Trying again…`
        setState(previous => previous.status === 'ready' ? { ...previous, error: message } : { status: 'error', message })
      }
      if (stopped) return
      if (next !== null) setState(next)
      if (next?.status !== 'ended') timer = setTimeout(() => { void ask() }, document.hidden ? intervalMs * 5 : intervalMs)
    }
    void ask()
    return () => {
      stopped = true
      controller.abort()
      clearTimeout(timer)
    }
  }, [channelId, token, intervalMs])
  return state
}
