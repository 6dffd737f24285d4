/**
 * acme-client's process-wide settings, set from our options before an order: which CAs its
 * HTTPS trusts (the system's, plus `--acme-ca-file` for a test or private ACME server), how
 * often it retries a request that got no answer or a 5xx/429, and where its debug lines go.
 * They live on the library's one axios instance, so they are process-wide by nature; the
 * seed node has one ACME source.
 */
import https from 'node:https'
import tls from 'node:tls'
import acme from 'acme-client'
import type { Logger } from '../../lib/log.ts'

/** acme-client's retry settings on its axios instance (not in its typings). */
interface AcmeSettings { retryMaxAttempts: number, retryDefaultDelay: number }

/**
 * Retries of one request that got no answer or a 5xx/429: acme-client waits 5 s × attempt
 * between them (or Retry-After). Two (15 s) ride out a blip; a server that is down is the
 * renewal loop's job, with its longer back-off.
 */
export const ACME_HTTP_RETRIES = 2

export interface AcmeClientSettings {
  /** PEM of extra CAs to trust, or null for the system's alone. */
  extraCaPem: string | null
  httpRetries: number
  log: Logger
}

export function configureAcmeClient ({ extraCaPem, httpRetries, log }: AcmeClientSettings): void {
  const defaults = acme.axios.defaults as typeof acme.axios.defaults & { acmeSettings?: AcmeSettings }
  defaults.httpsAgent = extraCaPem === null ? undefined : new https.Agent({ ca: [...tls.rootCertificates, extraCaPem] })
  if (defaults.acmeSettings !== undefined) defaults.acmeSettings.retryMaxAttempts = httpRetries
  acme.setLogger(message => { log.debug('acme.client', { message }) })
}

/** One look at the ACME server. */
const PROBE_TIMEOUT_MS = 10 * 1000

/**
 * Why the ACME server cannot be reached (`ECONNREFUSED`, a TLS code...), or null when it
 * answers. acme-client loses the cause of a request that got no answer (after its retries it
 * throws a TypeError of its own), so a failed order asks again, once, with the same trust.
 */
export function probeAcmeServer (directoryUrl: string): Promise<string | null> {
  const agent = (acme.axios.defaults.httpsAgent as https.Agent | undefined) ?? https.globalAgent
  return new Promise(resolve => {
    const request = https.get(directoryUrl, { agent, timeout: PROBE_TIMEOUT_MS }, response => {
      response.resume()
      resolve(null)
    })
    request.on('timeout', () => { request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })) })
    request.on('error', (err: Error & { code?: string }) => { resolve(err.code ?? err.message) })
  })
}
