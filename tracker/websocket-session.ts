/**
 * One WebSocket connection, after its upgrade was admitted. bittorrent-tracker sets the
 * socket up (peer bookkeeping, close handling) but its own 'message' listener is replaced by
 * ours: each frame is rate-limited, parsed once by the message guard, checked (one peer_id
 * per connection; an answer must match a relayed offer) and only then handed, parsed, to the
 * library's request handler (websocket-request.ts).
 * Idle connections are closed. Every close carries a code and a reason (close-reasons.ts).
 */
import type { IncomingMessage } from 'node:http'
import type { Server } from 'bittorrent-tracker'
import { admits, type Principal } from './access-control.ts'
import type { RawData, WebSocket } from 'ws'
import { CLOSE, type CloseCause } from './close-reasons.ts'
import { guardMessage, type AnnounceMessage } from './message-guard.ts'
import type { OfferRegistry } from './offer-registry.ts'
import { MessageBudget } from './message-budget.ts'
import type { ResolvedTrackerOptions } from './tracker-options.ts'
import type { DropReason, TrackerCounters } from './tracker-stats.ts'
import { peerAddressOf, serveParsed } from './websocket-request.ts'

export interface SessionDeps {
  server: Server
  options: ResolvedTrackerOptions
  offers: OfferRegistry
  counters: TrackerCounters
}

/** After we close, a peer that never completes the closing handshake is cut off after this. */
const CLOSE_GRACE_MS = 2 * 1000

/** ws errors (it closes the socket itself) and how we count them. */
const WS_ERROR_REASONS: Record<string, DropReason> = {
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 'tooLarge',
  WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH: 'tooLarge',
  WS_ERR_INVALID_UTF8: 'invalidUtf8'
}

/**
 * ws closes on a protocol error itself (receiverOnError: `websocket.close(code)`) with no
 * reason; this gives those closes one from our table, by code.
 */
function giveReasonsToLibraryCloses (ws: WebSocket, maxMessageBytes: number): void {
  const reasons: Record<number, string> = {
    [CLOSE.tooLarge.code]: `${CLOSE.tooLarge.reason} (limit ${maxMessageBytes} bytes)`,
    [CLOSE.invalidUtf8.code]: CLOSE.invalidUtf8.reason,
    [CLOSE.protocolError.code]: CLOSE.protocolError.reason
  }
  const close = ws.close.bind(ws)
  ws.close = (code?: number, reason?: string | Buffer) => close(code, reason ?? (code === undefined ? undefined : reasons[code]))
}

export function closeWith (ws: WebSocket, cause: CloseCause): void {
  if (ws.readyState === ws.CLOSING || ws.readyState === ws.CLOSED) return
  const { code, reason } = CLOSE[cause]
  ws.close(code, reason)
  setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref()
}

function refuse (ws: WebSocket, reason: string, extra: { action?: string, info_hash?: string } = {}): void {
  ws.send(JSON.stringify({ ...extra, 'failure reason': reason }), () => {})
}

/**
 * Closes the connection after `idleTimeoutMs` without a message. A message only notes the
 * time it arrived (`seen(now)`): one assignment, where re-arming a timer per message cost a
 * timer-list insert each time. The one timer, when it fires, re-arms itself for what is
 * left of the window (aquatic's way), so a talking connection wakes it once per window.
 */
function startIdleWatch (ws: WebSocket, idleTimeoutMs: number, counters: TrackerCounters): { seen: (nowMs: number) => void } {
  let lastSeenMs = Date.now()
  let timer: NodeJS.Timeout
  const check = (): void => {
    const quietMs = Date.now() - lastSeenMs
    if (quietMs < idleTimeoutMs) {
      timer = setTimeout(check, idleTimeoutMs - quietMs)
      timer.unref()
      return
    }
    counters.drop('idle')
    closeWith(ws, 'idle')
  }
  timer = setTimeout(check, idleTimeoutMs)
  timer.unref()
  ws.once('close', () => clearTimeout(timer))
  return { seen: nowMs => { lastSeenMs = nowMs } }
}

/** Lets bittorrent-tracker set the socket up, then takes its 'message' listener away. */
function handToLibrary (ws: WebSocket, deps: SessionDeps): void {
  giveReasonsToLibraryCloses(ws, deps.options.maxMessageBytes)
  deps.server.onWebSocketConnection(ws)
  ws.removeAllListeners('message') // the library's own listener: startSession's calls into it
  ws.on('error', (err: Error & { code?: string }) => {
    deps.counters.drop(WS_ERROR_REASONS[err.code ?? ''] ?? 'protocolError')
  })
}

export function startSession (ws: WebSocket, req: IncomingMessage, principal: Principal, deps: SessionDeps): void {
  const { server, options, offers, counters } = deps
  const budget = new MessageBudget(principal, options)
  let peerIdHex: string | null = null
  const idle = startIdleWatch(ws, options.idleTimeoutMs, counters)
  const address = peerAddressOf(req)
  handToLibrary(ws, deps)

  /** Whether an announce may go on to the library; refuses or drops it otherwise. */
  function admitAnnounce (message: AnnounceMessage): boolean {
    if (peerIdHex !== null && peerIdHex !== message.peerIdHex) {
      counters.drop('peerIdChanged')
      refuse(ws, 'peer_id differs from the one this connection announced with', { action: 'announce', info_hash: message.info_hash })
      return false
    }
    if (peerIdHex === null) budget.noteAnnouncer(message.peerIdHex)
    peerIdHex = message.peerIdHex
    if (message.offersDropped > 0) counters.drop('offersOverLimit', message.offersDropped)
    const answer = message.answer
    if (answer && !offers.takeMatching({ infoHash: message.infoHashHex, answererPeerId: message.peerIdHex, offererPeerId: answer.toPeerIdHex, offerId: answer.offer_id })) {
      counters.drop('answerWithoutOffer')
      return false
    }
    return true
  }

  function onMessage (data: RawData, isBinary: boolean): void {
    if (ws.readyState !== ws.OPEN) return
    const nowMs = Date.now()
    idle.seen(nowMs)
    if (!budget.take(nowMs)) {
      counters.drop('rateExceeded')
      closeWith(ws, 'rateExceeded')
      return
    }
    const result = guardMessage(data, isBinary, options.maxOffersPerAnnounce)
    if (result.kind === 'close') {
      counters.drop(result.cause === 'binaryFrame' || result.cause === 'malformedJson' || result.cause === 'notAnObject' || result.cause === 'unknownAction' ? result.cause : 'invalidMessage')
      closeWith(ws, result.cause)
      return
    }
    if (result.kind === 'refuse') {
      counters.drop('invalidMessage')
      refuse(ws, result.reason, { ...(result.action ? { action: result.action } : {}), ...(result.info_hash !== undefined ? { info_hash: result.info_hash } : {}) })
      return
    }
    if (result.message.action === 'announce' && !admitAnnounce(result.message)) return
    if (result.message.action === 'scrape' && !admits(principal, result.message.infoHashesHex)) {
      counters.refuse('shareScope')
      refuse(ws, 'this credential does not admit that scrape', { action: 'scrape' })
      return
    }
    try {
      serveParsed(server, ws, address, result.message)
    } catch (err) {
      counters.drop('internalError')
      options.log('warn', 'tracker.internal_error', { error: err instanceof Error ? err.message : String(err) })
      closeWith(ws, 'protocolError')
    }
  }
  ws.on('message', onMessage)
}
