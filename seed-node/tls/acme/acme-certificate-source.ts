/**
 * The ACME certificate in service, and its renewal loop. One timer at a time: at the renewal
 * moment (a third of the lifetime left, renewal-schedule.ts) it orders a new certificate; on
 * failure the current one stays in service, `warning()` says what failed, and it tries again
 * after a doubling back-off. `renewNow()` forces a renewal (`--acme-renew`, or a caller).
 */
import { CertificateChangeListeners, type CertificateSource, type ServingCertificate } from '../certificate-source.ts'
import type { Logger } from '../../lib/log.ts'
import type { AcmeCertificate } from './acme-certificate.ts'
import type { Clock } from './clock.ts'
import { checkDelayMs, renewalDueAtMs, retryDelayMs } from './renewal-schedule.ts'

const MINUTE_MS = 60 * 1000

export interface AcmeSource extends CertificateSource {
  readonly mode: 'acme'
  /** Orders a new certificate now. Rejects with the one-line error; the current one stays in service then. */
  renewNow (): Promise<void>
}

/** Orders a new certificate and keeps it on disk; throws a one-line error. */
export type Renew = () => Promise<AcmeCertificate>

function messageOf (err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

export class AcmeCertificateSource implements AcmeSource {
  readonly mode = 'acme' as const
  private problem: string | null = null
  private failures = 0
  private cancelTimer: () => void = () => {}
  private closed = false
  private inFlight: Promise<void> | null = null
  private readonly listeners = new CertificateChangeListeners()

  constructor (private cert: AcmeCertificate, private readonly renew: Renew, private readonly clock: Clock, private readonly log: Logger) {}

  current (): ServingCertificate { return this.cert.serving }
  warning (): string | null { return this.problem }
  serial (): string { return this.cert.serial }

  onChange (listener: () => void): () => void {
    return this.listeners.add(listener)
  }

  /** Arms the timer: a renewal when due, or a retry after `failedWith` (a failed order at start). */
  start (failedWith: unknown = null): void {
    if (failedWith === null) this.schedule()
    else this.noteFailure(failedWith)
  }

  renewNow (): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the ACME certificate source is closed'))
    this.inFlight ??= this.renewOnce().finally(() => {
      this.inFlight = null
      this.schedule()
    })
    return this.inFlight
  }

  async close (): Promise<void> {
    this.closed = true
    this.cancelTimer()
    this.listeners.clear()
    // An order under way finishes (its TXT record is cleaned up, its result kept on disk).
    await this.inFlight?.catch(() => {})
  }

  private async renewOnce (): Promise<void> {
    try {
      const cert = await this.renew()
      this.cert = cert
      this.failures = 0
      this.problem = null
      this.log.info('acme.renewed', { names: cert.serving.names.join(','), serial: cert.serial, expiresAt: cert.serving.expiresAt.toISOString() })
      if (!this.closed) this.listeners.notify()
    } catch (err) {
      this.noteFailure(err)
      throw err
    }
  }

  private noteFailure (err: unknown): void {
    this.failures += 1
    const retryMin = Math.round(retryDelayMs(this.failures) / MINUTE_MS)
    const expiresAt = this.cert.serving.expiresAt
    const left = expiresAt.getTime() > this.clock.now() ? `serving the current one until it expires at ${expiresAt.toISOString()}` : `the current one EXPIRED at ${expiresAt.toISOString()}`
    this.problem = `certificate renewal failed: ${messageOf(err)}; ${left}; next try in ${retryMin} min`
    this.log.warn('acme.renew-failed', { error: messageOf(err), failures: this.failures, expiresAt: expiresAt.toISOString(), retryInMin: retryMin })
    if (this.inFlight === null) this.schedule()
  }

  private schedule (): void {
    this.cancelTimer()
    if (this.closed) return
    const dueAt = renewalDueAtMs({ validFrom: this.cert.validFrom, validTo: this.cert.serving.expiresAt })
    const delayMs = this.failures > 0 ? retryDelayMs(this.failures) : checkDelayMs(this.clock.now(), dueAt)
    this.cancelTimer = this.clock.setTimer(delayMs, () => { this.tick(dueAt) })
  }

  private tick (dueAt: number): void {
    if (this.closed) return
    if (this.failures === 0 && this.clock.now() < dueAt) { this.schedule(); return }
    this.renewNow().catch(() => {}) // recorded by noteFailure: warning() and the log
  }
}
