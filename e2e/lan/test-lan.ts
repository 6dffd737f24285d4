/**
 * The household LAN of the tests, built inside the test run's own network namespace
 * (scripts/run-loopback-only.sh, as root):
 *
 *     test namespace:  bridge "hlan…" (the switch), 198.18.10.254  ← the test process itself
 *        ├─ veth ── router   198.18.10.1   (the seed node, bound to 0.0.0.0)
 *        ├─ veth ── deviceA  198.18.10.11  (a Chromium)
 *        └─ veth ── deviceB  198.18.10.12  (another Chromium)
 *
 * Addresses come from the RFC 2544 benchmarking range; 198.18.10.0/24 and not 198.18.0.0/24
 * because test-host-address.ts puts 198.18.0.1 on the test namespace's loopback.
 *
 * Devices route everything through the router (a default route, as DHCP gives a phone), and
 * they must: a page without camera/microphone permission gathers ICE candidates only on the
 * interface of the default route (Chromium finds it by "connecting" a UDP socket to a public
 * address), so without one Chromium gathers no candidate at all and WebRTC fails (tried: no
 * candidates, no connection). Multicast needs nothing more than the link: Chromium's own mDNS
 * responder and resolver send to 224.0.0.251 on the interface itself, the bridge floods that
 * link-local group, and `<uuid>.local` host candidates resolve between devices without avahi,
 * without a 224.0.0.0/4 route and with the bridge's IGMP snooping left on (tried both ways).
 */
import { randomBytes } from 'node:crypto'
import { execBounded, startNamespaceHost, type NamespaceHost } from './namespace-host.ts'

export const LAN_PREFIX = '198.18.10'
export const LAN_PREFIX_LENGTH = 24
/** The test process's own address on the LAN (the bridge). */
export const TEST_PROCESS_ADDRESS = `${LAN_PREFIX}.254`
const BRIDGE_NAME_PREFIX = 'hlan'

export interface LanHost extends NamespaceHost {
  address: string
}

export interface TestLan {
  bridge: string
  router: LanHost
  deviceA: LanHost
  deviceB: LanHost
  /** Removes the hosts and the bridge; bounded and idempotent. */
  close: () => Promise<void>
}

/** True where a LAN can be built: inside the test run's namespace, as root. */
export function canBuildTestLan (): boolean {
  return process.env.HEARTH_IN_NETNS === '1' && process.getuid?.() === 0
}

const ip = async (...args: string[]): Promise<string> => await execBounded('ip', args)

/** Removes bridges a crashed LAN of this same test namespace left behind (never another run's: namespaces differ). */
async function removeStaleBridges (): Promise<void> {
  const links = await ip('-o', 'link', 'show', 'type', 'bridge')
  for (const match of links.matchAll(new RegExp(`^\\d+: (${BRIDGE_NAME_PREFIX}[0-9a-f]+)[:@]`, 'gm'))) {
    if (match[1] !== undefined) await ip('link', 'del', match[1]).catch(() => '')
  }
}

async function joinHost (bridge: string, name: string, address: string, index: number, gateway: string | null): Promise<LanHost> {
  const host = await startNamespaceHost(name)
  try {
    const outside = `${bridge}p${index}`
    const inside = `${bridge}h${index}`
    await ip('link', 'add', inside, 'type', 'veth', 'peer', 'name', outside)
    await ip('link', 'set', outside, 'master', bridge, 'up')
    await ip('link', 'set', inside, 'netns', String(host.pid))
    const inHost = async (...args: string[]): Promise<string> => await host.exec('ip', args)
    await inHost('link', 'set', 'lo', 'up')
    await inHost('link', 'set', inside, 'name', 'eth0')
    await inHost('addr', 'add', `${address}/${LAN_PREFIX_LENGTH}`, 'dev', 'eth0')
    await inHost('link', 'set', 'eth0', 'multicast', 'on', 'up')
    if (gateway !== null) await inHost('route', 'add', 'default', 'via', gateway)
    return { ...host, address }
  } catch (err) {
    await host.close()
    throw err
  }
}

export async function startTestLan (): Promise<TestLan> {
  if (!canBuildTestLan()) throw new Error('the test LAN needs root inside the test namespace (run through scripts/run-loopback-only.sh)')
  await removeStaleBridges()
  const bridge = `${BRIDGE_NAME_PREFIX}${randomBytes(3).toString('hex')}`
  await ip('link', 'add', bridge, 'type', 'bridge')
  await ip('addr', 'add', `${TEST_PROCESS_ADDRESS}/${LAN_PREFIX_LENGTH}`, 'dev', bridge)
  await ip('link', 'set', bridge, 'multicast', 'on', 'up')
  const hosts: LanHost[] = []
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    for (const host of hosts.splice(0)) await host.close()
    await ip('link', 'del', bridge).catch(() => '')
  }
  try {
    const router = await joinHost(bridge, 'router', `${LAN_PREFIX}.1`, 1, null)
    hosts.push(router)
    const deviceA = await joinHost(bridge, 'deviceA', `${LAN_PREFIX}.11`, 2, router.address)
    hosts.push(deviceA)
    const deviceB = await joinHost(bridge, 'deviceB', `${LAN_PREFIX}.12`, 3, router.address)
    hosts.push(deviceB)
    return { bridge, router, deviceA, deviceB, close }
  } catch (err) {
    await close()
    throw err
  }
}
