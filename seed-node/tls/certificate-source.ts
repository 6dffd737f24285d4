/**
 * Where the HTTPS server's certificate comes from. Each way to HTTPS (the household CA, files
 * the user brings, ACME DNS-01) is a `CertificateSource`; the server asks `current()` for
 * every new TLS connection's context and never stops serving because a source failed: a
 * source keeps its last good certificate and reports the problem as `warning`.
 */
import type { TlsMode } from '../../protocol/api/reach.ts'
import type { Logger } from '../lib/log.ts'

export interface ServingCertificate {
  /** PEM: the leaf certificate followed by its chain. */
  certPem: string
  /** PEM: the private key of the leaf. */
  keyPem: string
  /** The leaf's notAfter. */
  expiresAt: Date
  /** DNS names and IP addresses the leaf is valid for. */
  names: string[]
}

export interface CertificateSource {
  readonly mode: Exclude<TlsMode, 'off' | 'proxy'>
  /** The certificate to serve now: the newest good one. */
  current (): ServingCertificate
  /** A problem to show (renewal failed, files unreadable, expiring soon), or null. */
  warning (): string | null
  /** Called after `current()` changed (renewed, files replaced, addresses changed). Returns an unsubscribe. */
  onChange (listener: () => void): () => void
  /** Stops timers and watchers. */
  close (): Promise<void>
}

/** What a source may need from the seed node, beyond the options (`certificateSourceFor`). */
export interface CertificateSourceDeps {
  log: Logger
  /** The machine's LAN addresses now, likeliest first (lan-addresses.ts; tests pass their own). */
  lanAddresses: () => string[]
  /** The machine's name (os.hostname(); tests pass their own). */
  hostname: string
}

/**
 * The listeners of a source's `onChange`, kept the same way by every source. `notify` calls a
 * copy of the set, so a listener that unsubscribes while being called does not skip another.
 */
export class CertificateChangeListeners {
  private readonly listeners = new Set<() => void>()

  add (listener: () => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  notify (): void {
    for (const listener of [...this.listeners]) listener()
  }

  clear (): void {
    this.listeners.clear()
  }
}
