/**
 * Classic BitTorrent interop: Debian's transmission-cli (not a WebTorrent client) fetches a
 * library item from the seed node over TCP, finding it through the tracker's HTTP announce
 * with the same magnet link the app uses. DHT, local peer discovery and PEX are off, so the
 * tracker is the only way it can find the seed node. Transmission refuses loopback peers,
 * so both sides use the test host address inside the test's own network namespace.
 */
import { test, expect } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, stat, writeFile, mkdir } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { makeStateDir, removeDir, SAMPLE_LIBRARY, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { ensureTestHostAddress, TEST_HOST_ADDRESS } from './support/test-host-address.ts'

const CLIP = 'Colour Bars at Dusk (2026).mp4'

let node: SeedNodeProcess
let stateDir: string
let scratch: string
let transmission: ChildProcess | null = null

async function freePort (): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, TEST_HOST_ADDRESS, resolve))
  const address = server.address()
  await new Promise<void>(resolve => server.close(() => resolve()))
  return typeof address === 'object' && address ? address.port : 0
}

let hostReady = false

test.beforeAll(async () => {
  stateDir = await makeStateDir()
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-transmission-'))
  hostReady = await ensureTestHostAddress()
  // Plain HTTP on purpose: Transmission checks a tracker's certificate against the system's
  // store, which does not hold the household CA; this test is about the BitTorrent wire.
  if (hostReady) node = await startSeedNodeProcess({ stateDir, host: TEST_HOST_ADDRESS, args: ['--no-web-seed', '--https', 'off'] })
})

test.afterAll(async () => {
  transmission?.kill('SIGKILL')
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(scratch)
})

test('transmission-cli downloads a library item byte for byte from the seed node', async () => {
  test.skip(!(await stat('/usr/bin/transmission-cli').then(() => true, () => false)), 'transmission-cli is not installed (.ci/run installs it)')
  test.skip(!hostReady, 'needs the test network namespace (run through scripts/run-loopback-only.sh)')
  const item = await itemByMediaPath(node, CLIP)
  const classicTracker = new URLSearchParams(item.magnet.slice('magnet:?'.length)).getAll('tr').find(url => url.startsWith('http://'))
  expect(classicTracker).toBe(`${node.url}/announce/${node.credential}`)

  const configDir = path.join(scratch, 'config')
  const downloadDir = path.join(scratch, 'downloads')
  await mkdir(configDir)
  await mkdir(downloadDir)
  await writeFile(path.join(configDir, 'settings.json'), JSON.stringify({
    'dht-enabled': false,
    'lpd-enabled': false,
    'pex-enabled': false,
    'port-forwarding-enabled': false,
    'rpc-enabled': false,
    'bind-address-ipv4': TEST_HOST_ADDRESS,
    'rename-partial-files': true,
    'download-dir': downloadDir
  }))
  transmission = spawn('transmission-cli', ['-g', configDir, '-w', downloadDir, '-M', '-p', String(await freePort()), item.magnet], { stdio: 'ignore' })

  const target = path.join(downloadDir, CLIP)
  const original = await readFile(path.join(SAMPLE_LIBRARY, 'Films', CLIP))
  await expect.poll(async () => {
    const bytes = await readFile(target).catch(() => null)
    return bytes ? createHash('sha256').update(bytes).digest('hex') : 'not there yet'
  }, { timeout: 60 * 1000, message: 'transmission-cli should finish the download' }).toBe(createHash('sha256').update(original).digest('hex'))

  const status = await node.status()
  expect(status.seeder.uploadedBytes).toBeGreaterThanOrEqual(original.length)
})
