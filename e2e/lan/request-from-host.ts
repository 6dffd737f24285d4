/**
 * An HTTP request sent from inside a LAN host (another device's address, not the test
 * process's), with `curl`: what a curious or hostile device on the household network can
 * send, headers of its choosing included.
 */
import type { NamespaceHost } from './namespace-host.ts'

/** Bound on one request (curl's own limit, below execBounded's). */
const CURL_MAX_SEC = 8
const STATUS_MARK = '\nhearth-status:'

export interface HostRequest {
  /** CA file the request trusts for https. */
  caFile?: string
  headers?: Record<string, string>
  /** Names resolved like a hosts file (name → address). */
  hosts?: Readonly<Record<string, string>>
}

export async function requestFromHost (host: NamespaceHost, url: string, request: HostRequest = {}): Promise<{ status: number, body: string }> {
  const target = new URL(url)
  const port = target.port === '' ? (target.protocol === 'https:' ? '443' : '80') : target.port
  const args = ['-sS', '--max-time', String(CURL_MAX_SEC), '-w', `${STATUS_MARK}%{http_code}`]
  if (request.caFile !== undefined) args.push('--cacert', request.caFile)
  for (const [name, address] of Object.entries(request.hosts ?? {})) args.push('--resolve', `${name}:${port}:${address}`)
  for (const [name, value] of Object.entries(request.headers ?? {})) args.push('-H', `${name}: ${value}`)
  const out = await host.exec('curl', [...args, url])
  const at = out.lastIndexOf(STATUS_MARK)
  return { status: Number(out.slice(at + STATUS_MARK.length)), body: out.slice(0, at) }
}
