/**
 * A start that fails part way stops everything it had started: the HTTP port and the
 * BitTorrent peer port can be bound again, and no socket, file, worker thread or timer of
 * the seed node is left behind. Failures are forced with real disk and network states:
 * a `downloads.json` that is a folder (the last part to load fails, after the port, seeder,
 * tracker and hash threads are up) and an HTTP port taken by someone else.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import dgram from 'node:dgram'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSeedNode } from '../seed-node.ts'
import { createLogger } from '../lib/log.ts'
import { HearthError } from '../lib/errors.ts'
import { holdBusyPort } from '../testing/busy-port.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sample-library')
/** Resource kinds that mean a socket, a listening port or a thread is still there. */
const LEFTOVER_KINDS = ['TCPServerWrap', 'TCPSocketWrap', 'UDPWrap', 'PipeWrap', 'Worker', 'MessagePort', 'FileHandle']

let scratch: string

beforeAll(async () => { scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-start-fail-')) })
afterAll(async () => { await rm(scratch, { recursive: true, force: true }) })

interface Snapshot { fds: number, threads: number, resources: string[] }

async function snapshot (): Promise<Snapshot> {
  const status = await readFile('/proc/self/status', 'utf8')
  return {
    fds: (await readdir('/proc/self/fd')).length,
    threads: Number(/Threads:\s+(\d+)/.exec(status)?.[1]),
    resources: process.getActiveResourcesInfo().filter(kind => LEFTOVER_KINDS.includes(kind)).sort()
  }
}

/** A port nobody uses right now (bound and released). */
async function freePort (): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>(resolve => server.close(() => resolve()))
  return typeof address === 'object' && address ? address.port : 0
}

/** Binds TCP (and UDP, for uTP) on `port` and lets go: proves nobody holds it. */
async function canBind (port: number, udp: boolean): Promise<void> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => { server.once('error', reject).listen(port, '127.0.0.1', resolve) })
  await new Promise<void>(resolve => server.close(() => resolve()))
  if (!udp) return
  const socket = dgram.createSocket('udp4')
  await new Promise<void>((resolve, reject) => { socket.once('error', reject).bind(port, '127.0.0.1', resolve) })
  await new Promise<void>(resolve => socket.close(() => resolve()))
}

/** Starts a node that must fail; returns the error and what the node said it stopped. */
async function startFailing (options: Parameters<typeof startSeedNode>[0]): Promise<{ error: unknown, stopped: string }> {
  let stopped = ''
  const log = createLogger('info', line => {
    const match = / seed_node\.start_undone stopped="?([^"=]*?)"? error=/.exec(line)
    if (match) stopped = match[1] ?? ''
  })
  const error = await startSeedNode(options, log).then(() => null, (err: unknown) => err)
  return { error, stopped }
}

describe('a start-up that fails part way', () => {
  it('closes the port, the peer port, the hash threads and the stores when the download queue cannot load', async () => {
    const stateDir = path.join(scratch, 'state-downloads')
    await mkdir(path.join(stateDir, 'downloads.json'), { recursive: true }) // readFile: EISDIR
    const [port, peerPort] = [await freePort(), await freePort()]
    const before = await snapshot()
    const { error, stopped } = await startFailing({ libraryDir: SAMPLES, stateDir, host: '127.0.0.1', port, peerPort, rescanIntervalSec: 3600 })
    expect((error as NodeJS.ErrnoException).code).toBe('EISDIR')
    expect(stopped).toContain('port')
    expect(stopped).toContain('seeder')
    expect(stopped).toContain('tracker')
    expect(stopped).toContain('hash pool')
    await canBind(port, false)
    await canBind(peerPort, true)
    expect(await snapshot()).toEqual(before)
  })

  it('closes the stores it had opened when the HTTP port is taken', async () => {
    const { port, release } = await holdBusyPort()
    try {
      const before = await snapshot()
      const { error, stopped } = await startFailing({ libraryDir: SAMPLES, stateDir: path.join(scratch, 'state-port'), host: '127.0.0.1', port })
      expect(error).toBeInstanceOf(HearthError)
      expect((error as HearthError).code).toBe('HEARTH_E_PORT_IN_USE')
      expect(stopped).toBe('watch-state log, fingerprint cache')
      expect(await snapshot()).toEqual(before)
    } finally {
      await release()
    }
  })
})
