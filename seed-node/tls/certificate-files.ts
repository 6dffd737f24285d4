/**
 * Bring your own certificate: `--tls-cert` and `--tls-key` PEM files (from `tailscale cert`,
 * certbot, the router's ACME package, a reverse proxy's store). Checked at start, where a
 * problem is one line naming its cause; then watched (fs.watch on their folders, which also
 * sees certbot's symlink swaps, plus a slow stat poll for file systems that send no events)
 * and reloaded with no restart. A bad replacement while running keeps the last good pair in
 * service, logs a warning and reports it through `warning()`, until a good pair arrives.
 */
import { watch, type FSWatcher } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { HearthError, errnoCode } from '../lib/errors.ts'
import type { Logger } from '../lib/log.ts'
import { CertificateChangeListeners, type CertificateSource, type ServingCertificate } from './certificate-source.ts'
import { checkPemPair } from './pem-pair.ts'

/** Writers replace a cert and a key one after the other: wait for both before reading. */
export const RELOAD_DEBOUNCE_MS = 300
/** The slow poll for file systems without change events (NFS, some FUSE mounts). */
export const FILE_POLL_MS = 60 * 1000
const MS_PER_DAY = 24 * 60 * 60 * 1000
/** A certificate this close to expiry is reported, so the user renews it in time. */
export const EXPIRY_WARNING_DAYS = 14

export interface CertificateFilesOptions {
  certFile: string
  keyFile: string
  log: Logger
  now?: () => Date
}

type Loaded = { ok: true, certificate: ServingCertificate, serialNumber: string, signature: string } | { ok: false, problem: string }

async function readText (file: string, what: string): Promise<string | { problem: string }> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    return { problem: `the ${what} file ${file} cannot be read (${errnoCode(err) ?? String(err)})` }
  }
}

/** Size, mtime and inode of both files: what the slow poll compares. */
async function signatureOf (files: readonly string[]): Promise<string> {
  const parts = await Promise.all(files.map(async file => await stat(file).then(s => `${s.ino}:${s.size}:${s.mtimeMs}`, () => 'missing')))
  return parts.join('|')
}

async function loadPair (options: CertificateFilesOptions): Promise<Loaded> {
  const signature = await signatureOf([options.certFile, options.keyFile])
  const certPem = await readText(options.certFile, 'certificate')
  if (typeof certPem !== 'string') return { ok: false, problem: certPem.problem }
  const keyPem = await readText(options.keyFile, 'key')
  if (typeof keyPem !== 'string') return { ok: false, problem: keyPem.problem }
  const checked = checkPemPair(certPem, keyPem, options.now?.() ?? new Date())
  if (!checked.ok) return { ok: false, problem: `${checked.problem} (${options.certFile}, ${options.keyFile})` }
  return { ok: true, certificate: checked.certificate, serialNumber: checked.serialNumber, signature }
}

export class CertificateFiles implements CertificateSource {
  readonly mode = 'files' as const
  private problem: string | null = null
  private readonly listeners = new CertificateChangeListeners()
  private readonly watchers: FSWatcher[] = []
  private readonly poll: NodeJS.Timeout
  private debounce: NodeJS.Timeout | null = null
  private reloading: Promise<void> | null = null
  private closed = false

  private constructor (private loaded: Extract<Loaded, { ok: true }>, private readonly options: CertificateFilesOptions) {
    const names = new Set([path.basename(options.certFile), path.basename(options.keyFile)])
    for (const dir of new Set([path.dirname(options.certFile), path.dirname(options.keyFile)])) {
      try {
        const watcher = watch(dir, (_event, file) => { if (file === null || names.has(String(file))) this.scheduleReload() })
        watcher.on('error', err => options.log.warn('tls.files_watch_failed', { dir, error: err.message }))
        this.watchers.push(watcher)
      } catch (err) {
        // The slow poll still notices changes.
        options.log.warn('tls.files_watch_failed', { dir, error: err instanceof Error ? err.message : String(err) })
      }
    }
    this.poll = setInterval(() => { void this.pollOnce() }, FILE_POLL_MS)
    this.poll.unref()
  }

  /** Throws HEARTH_E_BAD_OPTION with one line naming the cause (unreadable, mismatched, expired). */
  static async open (options: CertificateFilesOptions): Promise<CertificateFiles> {
    const loaded = await loadPair(options)
    if (!loaded.ok) throw new HearthError('HEARTH_E_BAD_OPTION', `--tls-cert/--tls-key: ${loaded.problem}`)
    options.log.info('tls.files_loaded', { cert: options.certFile, serial: loaded.serialNumber, expires: loaded.certificate.expiresAt.toISOString() })
    return new CertificateFiles(loaded, options)
  }

  current (): ServingCertificate {
    return this.loaded.certificate
  }

  /** The serial number (upper-case hex) of the pair in service. */
  get serialNumber (): string {
    return this.loaded.serialNumber
  }

  warning (): string | null {
    if (this.problem !== null) return this.problem
    const leftMs = this.loaded.certificate.expiresAt.getTime() - (this.options.now?.() ?? new Date()).getTime()
    if (leftMs <= 0) return `the certificate ${this.options.certFile} expired on ${this.loaded.certificate.expiresAt.toISOString().slice(0, 10)}; replace the files`
    if (leftMs < EXPIRY_WARNING_DAYS * MS_PER_DAY) return `the certificate ${this.options.certFile} expires on ${this.loaded.certificate.expiresAt.toISOString().slice(0, 10)}; renew it`
    return null
  }

  onChange (listener: () => void): () => void {
    return this.listeners.add(listener)
  }

  /** Reads the files again now (what the watcher does after its debounce); never rejects. */
  async reload (): Promise<void> {
    this.reloading ??= this.reloadOnce().finally(() => { this.reloading = null })
    await this.reloading
  }

  private scheduleReload (): void {
    if (this.closed) return
    if (this.debounce !== null) clearTimeout(this.debounce)
    this.debounce = setTimeout(() => {
      this.debounce = null
      void this.reload()
    }, RELOAD_DEBOUNCE_MS)
  }

  private async pollOnce (): Promise<void> {
    if (await signatureOf([this.options.certFile, this.options.keyFile]) !== this.loaded.signature) await this.reload()
  }

  private async reloadOnce (): Promise<void> {
    const loaded = await loadPair(this.options)
    if (this.closed) return
    if (!loaded.ok) {
      if (this.problem === null) this.options.log.warn('tls.files_reload_failed', { problem: loaded.problem, serving: this.loaded.serialNumber })
      this.problem = `${loaded.problem}; the previous certificate stays in service`
      return
    }
    this.problem = null
    if (loaded.signature === this.loaded.signature && loaded.serialNumber === this.loaded.serialNumber) return
    this.loaded = loaded
    this.options.log.info('tls.files_reloaded', { serial: loaded.serialNumber, expires: loaded.certificate.expiresAt.toISOString() })
    this.listeners.notify()
  }

  async close (): Promise<void> {
    this.closed = true
    clearInterval(this.poll)
    if (this.debounce !== null) clearTimeout(this.debounce)
    for (const watcher of this.watchers) watcher.close()
    await this.reloading
  }
}
