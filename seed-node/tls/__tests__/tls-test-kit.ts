/**
 * What the TLS tests share: a scratch folder, a logger that keeps its lines, certificates
 * made by a real household CA (for "brought" files too: a second CA stands in for the
 * user's), and a real TLS client whose only trust anchor is the CA given.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { createLogger, type Logger, type LogLevel } from '../../lib/log.ts'
import { loadOrCreateHouseholdCa, type HouseholdCa } from '../household-ca.ts'
import { issueServerCertificate, type IssuedCertificate } from '../server-certificate.ts'

export async function scratchDir (prefix: string): Promise<{ dir: string, remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `hearth-${prefix}-`))
  return { dir, remove: async () => await rm(dir, { recursive: true, force: true }) }
}

export interface KeptLog { log: Logger, lines: string[], next: (pattern: RegExp) => Promise<string> }

/** A logger that keeps its lines; `next` resolves with the next line matching (driven by the log itself, no polling). */
export function keptLog (): KeptLog {
  const lines: string[] = []
  const waiters: Array<{ pattern: RegExp, resolve: (line: string) => void }> = []
  const log = createLogger('debug', (line: string, _level: LogLevel) => {
    lines.push(line)
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(line)
      }
    }
  })
  return { log, lines, next: async pattern => await new Promise(resolve => waiters.push({ pattern, resolve })) }
}

/** A CA of its own in `dir` (a stand-in for the user's CA when testing brought files). */
export async function testCa (dir: string, hostname = 'test-ca'): Promise<HouseholdCa> {
  return (await loadOrCreateHouseholdCa(dir, hostname)).ca
}

/** Writes a certificate for `names` and its key as PEM files; `now` in the past makes an expired one. */
export async function writePair (ca: HouseholdCa, names: string[], certFile: string, keyFile: string, now = new Date()): Promise<IssuedCertificate> {
  const issued = await issueServerCertificate(ca, names, now)
  await writeFile(certFile, issued.certPem)
  await writeFile(keyFile, issued.keyPem)
  return issued
}

export interface SeenCertificate { authorized: boolean, serialNumber: string, subjectAltName: string, error: string | null }

/** Opens a TLS connection trusting `caPem` alone and reports the certificate the server showed. */
export async function tlsHandshake (host: string, port: number, caPem: string, servername?: string): Promise<SeenCertificate> {
  return await new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, ca: caPem, servername: servername ?? (net.isIP(host) === 0 ? host : undefined), rejectUnauthorized: false })
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate()
      resolve({ authorized: socket.authorized, serialNumber: peer.serialNumber, subjectAltName: peer.subjectaltname ?? '', error: socket.authorizationError?.message ?? null })
      socket.end()
    })
    socket.once('error', reject)
  })
}
