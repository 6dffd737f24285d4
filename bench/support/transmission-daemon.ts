/**
 * Debian's transmission-daemon as the "Transmission on the router" peer: config in a temp
 * folder, RPC on 127.0.0.1 and a run-time port, DHT/LPD/PEX/uTP and port forwarding off,
 * run in the foreground under time -v. Talks JSON-RPC (the interface transmission-remote
 * uses) to add torrents and count the seeding ones.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { freePort } from './free-port.ts'
import { startMeasured, type MeasuredProcess } from './measured-process.ts'

const SEEDING_STATUS = 6 // TR_STATUS_SEED

export interface TransmissionDaemon {
  process: MeasuredProcess
  rpc: <T>(method: string, args?: Record<string, unknown>) => Promise<T>
  /** Torrents whose status is "seeding" with all data verified. */
  seedingCount: () => Promise<{ seeding: number, total: number }>
  stop: () => Promise<void>
}

export async function startTransmission (configDir: string, downloadDir: string): Promise<TransmissionDaemon> {
  await mkdir(configDir, { recursive: true })
  const rpcPort = await freePort()
  await writeFile(path.join(configDir, 'settings.json'), JSON.stringify({
    'rpc-bind-address': '127.0.0.1', 'rpc-port': rpcPort, 'rpc-authentication-required': false, 'rpc-whitelist': '127.0.0.1', 'rpc-host-whitelist-enabled': false,
    'dht-enabled': false, 'lpd-enabled': false, 'pex-enabled': false, 'utp-enabled': false, 'port-forwarding-enabled': false,
    'peer-port': await freePort(), 'bind-address-ipv4': '127.0.0.1', 'download-dir': downloadDir, 'incomplete-dir-enabled': false,
    'start-added-torrents': true, 'message-level': 1, 'cache-size-mb': 4
  }, null, 2))
  const proc = startMeasured('transmission-daemon', ['--foreground', '--config-dir', configDir])
  const url = `http://127.0.0.1:${rpcPort}/transmission/rpc`
  let session = ''
  const rpc = async <T>(method: string, args: Record<string, unknown> = {}): Promise<T> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await fetch(url, { method: 'POST', headers: { 'X-Transmission-Session-Id': session }, body: JSON.stringify({ method, arguments: args }) })
      if (res.status === 409) { session = res.headers.get('x-transmission-session-id') ?? ''; continue }
      const body = await res.json() as { result: string, arguments: T }
      if (body.result !== 'success') throw new Error(`transmission ${method}: ${body.result}`)
      return body.arguments
    }
    throw new Error('transmission RPC session handshake failed')
  }
  const deadline = Date.now() + 20 * 1000
  for (;;) {
    if (await rpc('session-get').then(() => true, () => false)) break
    if (Date.now() > deadline || proc.child.exitCode !== null) { await proc.stop(); throw new Error(`transmission-daemon did not start:\n${proc.output()}`) }
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  return {
    process: proc,
    rpc,
    seedingCount: async () => {
      const { torrents } = await rpc<{ torrents: Array<{ status: number, percentDone: number }> }>('torrent-get', { fields: ['status', 'percentDone'] })
      return { seeding: torrents.filter(t => t.status === SEEDING_STATUS && t.percentDone === 1).length, total: torrents.length }
    },
    stop: async () => { await proc.stop() }
  }
}
