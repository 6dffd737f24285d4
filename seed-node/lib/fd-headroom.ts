/**
 * File-descriptor headroom, checked at start. Every connection, open library file and
 * WebRTC peer holds descriptors; running out (EMFILE) once took the whole process down
 * inside the WebRTC library. So the limits are read at start, logged, and the caps on
 * connections and WebRTC peers are sized to fit under them.
 *
 * Raising the limit: Node itself raises the soft RLIMIT_NOFILE to the hard limit when it
 * starts (PlatformInit in node.cc), and has no setrlimit for us to call, so what is left is
 * the hard limit the service manager gives: `ulimit -n 65536` before `npm start`, or
 * `LimitNOFILE=65536` in a systemd unit. Below LOW_SOFT_LIMIT we warn and say so.
 */
import { readdirSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import type { Logger } from './log.ts'

export interface FdLimits { soft: number, hard: number }

/** Below this soft limit the node still runs, with smaller caps, and says how to raise it. */
export const LOW_SOFT_LIMIT = 4096
/** Assumed when the limits cannot be read (not Linux): the common default soft limit. */
const ASSUMED_LIMITS: FdLimits = { soft: 1024, hard: 1024 }
/**
 * Descriptors one answering WebRTC peer connection holds once ICE has gathered (UDP and TCP
 * sockets per address, socket pairs and epoll sets for its threads). Measured with
 * @roamhq/wrtc, ten peers at once: 33 each on a host with loopback only, 55 with one
 * dual-stack LAN interface; more interfaces cost more, which `peerFdCeiling` catches.
 */
export const FDS_PER_PEER_CONNECTION = 56
/** Share of the soft limit for HTTP and WebSocket connections together. */
const CONNECTION_SHARE = 0.5
/** Share of the soft limit for WebRTC peer connections. */
const PEER_CONNECTION_SHARE = 0.25
/** Share of the soft limit kept free when a WebRTC peer is made (room for connections, files and a peer's growth). */
const PEER_FD_RESERVE_SHARE = 0.25
/** Caps never go above these, whatever the limit (memory and threads bound them too). */
const MAX_CONNECTIONS = 4096
const MAX_PEER_CONNECTIONS = 200

/** `Max open files  1024  524288  files` from /proc/self/limits ("unlimited" counts as huge). */
export function parseFdLimits (procLimits: string): FdLimits | null {
  const match = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(procLimits)
  if (!match?.[1] || !match[2]) return null
  const value = (text: string): number => text === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(text)
  return { soft: value(match[1]), hard: value(match[2]) }
}

export async function readFdLimits (): Promise<FdLimits | null> {
  try {
    return parseFdLimits(await readFile('/proc/self/limits', 'utf8'))
  } catch {
    return null
  }
}

/** Descriptors open now (Linux), or null. */
export async function openFdCount (): Promise<number | null> {
  try {
    return (await readdir('/proc/self/fd')).length
  } catch {
    return null
  }
}

/** The same, without waiting: for the WebRTC peer cap, which decides inside a constructor. */
export function openFdCountSync (): number | null {
  try {
    return readdirSync('/proc/self/fd').length
  } catch {
    return null
  }
}

export interface FdBudget {
  limits: FdLimits
  /** HTTP and WebSocket connections on the port, in all. */
  maxConnections: number
  /** WebRTC peer connections of the seed node, in all. */
  maxPeerConnections: number
  /** No WebRTC peer is made while it would take the open descriptors past this (webrtc/peer-connection-cap.ts). */
  peerFdCeiling: number
}

export function budgetFor (limits: FdLimits): FdBudget {
  return {
    limits,
    maxConnections: Math.max(16, Math.min(MAX_CONNECTIONS, Math.floor(limits.soft * CONNECTION_SHARE))),
    maxPeerConnections: Math.max(4, Math.min(MAX_PEER_CONNECTIONS, Math.floor((limits.soft * PEER_CONNECTION_SHARE) / FDS_PER_PEER_CONNECTION))),
    peerFdCeiling: Math.floor(limits.soft * (1 - PEER_FD_RESERVE_SHARE))
  }
}

/** Reads and logs the limits (warning when low), and returns the caps that fit under them. */
export async function checkFdHeadroom (log: Logger): Promise<FdBudget> {
  const read = await readFdLimits()
  const limits = read ?? ASSUMED_LIMITS
  const budget = budgetFor(limits)
  const fields = { soft: limits.soft, hard: limits.hard, open: await openFdCount(), maxConnections: budget.maxConnections, maxPeerConnections: budget.maxPeerConnections, peerFdCeiling: budget.peerFdCeiling }
  if (read === null) log.warn('fd.limits_unknown', { ...fields, assumed: true })
  else if (limits.soft < LOW_SOFT_LIMIT) log.warn('fd.limits_low', { ...fields, hint: `raise the hard limit to at least ${LOW_SOFT_LIMIT}: ulimit -n 65536 before npm start, or LimitNOFILE=65536 in the systemd unit` })
  else log.info('fd.limits', fields)
  return budget
}
