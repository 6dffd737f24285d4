/**
 * Which `Host` headers the seed node answers: its own names and addresses only. A request
 * naming any other host gets 421 Misdirected Request, so a page on `evil.example` whose
 * name was re-pointed at the seed node's address (DNS rebinding) cannot read the API, and
 * no foreign Host ever reaches a magnet, tracker or web-seed URL built from it.
 *
 * The allowed names come from a provider (`allowedHosts()`), injectable so the public URL
 * and the certificate's names (seed-node/tls) can be added; the default covers loopback,
 * this machine's hostname and `<hostname>.local` (mDNS), every address of every local
 * interface, and the address the node listens on. The default is recomputed at most every
 * HOSTS_REFRESH_MS, so a new DHCP lease is picked up while the process runs.
 */
import os from 'node:os'

/** How long the machine's names and addresses are reused before they are read again. */
const HOSTS_REFRESH_MS = 10 * 1000

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1']

export type AllowedHostsProvider = () => ReadonlySet<string>

/** `Host: [::1]:8787` → `::1`, `Example.LAN.:80` → `example.lan`; null for a header that is no host[:port]. */
export function hostName (header: string): string | null {
  const match = /^(?:\[([0-9a-f:.]{2,45})\]|([a-z0-9._-]{1,253}))(?::\d{1,5})?$/i.exec(header.trim())
  if (!match) return null
  return (match[1] ?? match[2] ?? '').toLowerCase().replace(/\.$/, '')
}

/** Loopback, the hostname (and `.local`), every interface address, and `extraHosts`. */
export function machineHosts (extraHosts: readonly string[] = []): Set<string> {
  const hosts = new Set<string>(LOOPBACK_HOSTS)
  const name = os.hostname().toLowerCase()
  if (name !== '') {
    hosts.add(name)
    hosts.add(`${name.replace(/\.local$/, '')}.local`)
  }
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const entry of addresses ?? []) hosts.add(entry.address.toLowerCase().replace(/%.*$/, ''))
  }
  for (const extra of extraHosts) {
    const normal = hostName(extra)
    if (normal !== null) hosts.add(normal)
  }
  return hosts
}

/** The default provider: `machineHosts(extraHosts())`, cached for HOSTS_REFRESH_MS. */
export function defaultAllowedHosts (extraHosts: () => readonly string[] = () => [], now: () => number = Date.now): AllowedHostsProvider {
  let cached: { hosts: Set<string>, at: number } | null = null
  return () => {
    if (cached === null || now() - cached.at >= HOSTS_REFRESH_MS) cached = { hosts: machineHosts(extraHosts()), at: now() }
    return cached.hosts
  }
}

/**
 * Whether a request with this Host header may be served. No Host at all (HTTP/1.0, a raw
 * client) is served: browsers always send one, so rebinding cannot hide behind its absence.
 * Any 127.x.y.z is loopback.
 */
export function isAllowedHost (header: string | undefined, allowedHosts: AllowedHostsProvider): boolean {
  if (header === undefined) return true
  const name = hostName(header)
  if (name === null) return false
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name.endsWith('.localhost')) return true
  return allowedHosts().has(name)
}
