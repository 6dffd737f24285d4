/**
 * Your own name, automatic certificates (issue 10, scenario 4), on the test LAN: the seed node
 * on the router gets its certificate by ACME DNS-01 from Debian's pebble, through a DNS hook
 * that sets records on pebble-challtestsrv, and serves it. A device that trusts only pebble's
 * issuing root (as a phone trusts Let's Encrypt; not the household CA, not the test CA behind
 * pebble's own HTTPS) resolves the domain through a hosts entry, opens the printed pairing
 * link at the domain name and plays a clip. A restart with `--acme-renew` renews: a new TLS
 * connection sees a new serial that still verifies against pebble's root.
 */
import { test, expect } from '@playwright/test'
import { X509Certificate } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { serialOnTestLan } from './lan/lan-spec.ts'
import { startTestLan, type TestLan } from './lan/test-lan.ts'
import { makeTestCertificateAuthority, type TestCertificateAuthority } from './lan/test-certificate-authority.ts'
import { startLanPebble, type LanPebble } from './lan/lan-pebble.ts'
import { writeDnsHook, type DnsHook } from './lan/challtestsrv-dns-hook.ts'
import { startRouterSeedNode, type RouterSeedNode } from './lan/router-seed-node.ts'
import { servedCertificate } from './lan/served-certificate.ts'
import { launchLanBrowser, openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { lanApi, lanItemByMediaPath } from './lan/lan-api.ts'
import { ReachReply } from '../protocol/api/reach.ts'
import { report } from './lan/lan-measure.ts'
import { clickToFirstFrameMs, median, timeFreshLoad, type PageLoadTiming } from './lan/page-timings.ts'
import { expectPlaysPast } from './support/player.ts'
import { makeStateDir, removeDir } from '../seed-node/testing/seed-node-process.ts'

serialOnTestLan()

const DOMAIN = 'myhome.hearth-test.org'
const CLIP = 'Colour Bars at Dusk (2026).mp4'
/** Fresh loads (new connections) timed for the TLS cost at the domain name. */
const LOAD_ROUNDS = 3

let lan: TestLan
let testCa: TestCertificateAuthority
let pebble: LanPebble
let hook: DnsHook
let scratch: string
let stateDir: string
let seed: RouterSeedNode | null = null
let device: LanDevice | null = null
let firstSerial = ''
/** Pebble's issuing root as a device installs it (written by the first test). */
let rootFile = ''

/** The domain as the household's DNS answers it: the router's LAN address. */
function hosts (): Record<string, string> {
  return { [DOMAIN]: lan.router.address }
}

async function startNode (extraArgs: string[], port = 0): Promise<RouterSeedNode> {
  return await startRouterSeedNode({
    lan,
    stateDir,
    port,
    caPem: await pebble.rootPem(),
    hosts: hosts(),
    // A restart prints the local address (http://127.0.0.1, for a browser on the router); devices use the domain.
    apiUrl: node => `https://${DOMAIN}:${node.port}`,
    args: ['--domain', DOMAIN, '--dns-provider', 'hook', '--dns-hook', hook.file, '--acme-directory', pebble.directoryUrl,
      '--acme-ca-file', pebble.acmeCaFile, '--acme-email', 'owner@hearth-test.org', '--dns-wait', '0', ...extraArgs]
  })
}

test.beforeAll(async () => {
  test.setTimeout(120 * 1000)
  lan = await startTestLan()
  testCa = await makeTestCertificateAuthority('Hearth test CA behind pebble\'s own HTTPS')
  pebble = await startLanPebble(testCa)
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-lan-acme-'))
  hook = await writeDnsHook(scratch, pebble.challtestsrvUrl)
  stateDir = await makeStateDir()
  rootFile = path.join(scratch, 'pebble-root.pem')
})

test.afterAll(async () => {
  await device?.dispose()
  await seed?.stop()
  await pebble?.stop()
  await lan?.close()
  for (const dir of [scratch, stateDir, testCa?.dir]) if (dir !== undefined) await removeDir(dir)
})

test('the seed node gets a certificate for its domain through the DNS hook, and a device trusting only pebble\'s root plays at the domain name', async () => {
  test.setTimeout(150 * 1000)
  const started = seed = await startNode([])
  const { node, api } = started
  expect(await hook.calls('add-txt')).toBe(1)
  expect(await hook.calls('remove-txt')).toBe(1)
  expect(await hook.calls('set-address')).toBe(1)
  expect(node.pairingLink.startsWith(`https://${DOMAIN}:${node.port}/pair#key=`), `printed: ${node.pairingLink}`).toBe(true)

  const root = await pebble.rootPem()
  const served = await servedCertificate(lan.router.address, node.port, DOMAIN, root)
  expect(served.error).toBeNull()
  expect(served.authorized).toBe(true)
  firstSerial = served.serial
  const reach = ReachReply.parse((await lanApi(api, 'GET', '/api/reach')).json)
  expect(reach.origins).toEqual([`https://${DOMAIN}:${node.port}`])
  expect(reach.tls).toMatchObject({ mode: 'acme', warning: null })

  await writeFile(rootFile, root)
  // Sanity: the root a device trusts is pebble's issuing root, not one of the test's CAs.
  expect(new X509Certificate(root).subject).not.toContain('Hearth')
  device = await openLanDevice('deviceA', lan.deviceA, { trustedCaFiles: [rootFile], hosts: hosts() })
  const page = device.page
  await page.goto(node.pairingLink)
  await expect.poll(async () => await page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the printed pairing link should pair this device' }).toBe(true)
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true)
  expect(new URL(page.url()).hostname).toBe(DOMAIN)

  const item = await lanItemByMediaPath(api, CLIP)
  await page.goto(api.url)
  const card = page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
  await expect(card).toBeVisible()
  report('click to first frame (device A, at the ACME domain name)', `${(await clickToFirstFrameMs(page, card)).toFixed(0)} ms`)
  await expectPlaysPast(page, 2)
  const wires = await page.evaluate(id => (window.__hearth?.wires() ?? []).filter(w => w.infoHash === id), item.id)
  expect(wires.length).toBeGreaterThan(0)
  expect(wires.every(wire => wire.type === 'webrtc'), 'with the web seed off every wire is WebRTC').toBe(true)
})

test('a restart with --acme-renew renews the certificate: a new TLS connection sees a new serial, still trusted by pebble\'s root', async () => {
  test.setTimeout(120 * 1000)
  const previous = seed
  if (previous === null || firstSerial === '') throw new Error('the first test starts the node')
  const port = previous.node.port
  await previous.stop()
  seed = null
  const orders = await hook.calls('add-txt')
  const renewed = seed = await startNode(['--acme-renew'], port)
  expect(await hook.calls('add-txt')).toBe(orders + 1)
  const served = await servedCertificate(lan.router.address, port, DOMAIN, await pebble.rootPem())
  expect(served.error).toBeNull()
  expect(served.authorized).toBe(true)
  expect(served.serial).not.toBe(firstSerial)
  report('certificate serials (ACME)', `first ${firstSerial}, after --acme-renew ${served.serial}`)

  // The device, with nothing new installed, opens the library again.
  const page = device?.page
  if (page === undefined) throw new Error('the first test opens the device')
  await page.goto(renewed.api.url)
  await expect(page.locator('[data-testid="library-item"]').first()).toBeVisible()
  // A fresh visitor on another device (new connections, so the renewed certificate), trusting only pebble's root.
  const other = await launchLanBrowser('deviceB', lan.deviceB, { trustedCaFiles: [rootFile], hosts: hosts() })
  try {
    const visitor = await (await other.browser.newContext()).newPage()
    const response = await visitor.goto(renewed.api.url)
    expect(response?.status()).toBe(200)
    expect(await visitor.evaluate(() => window.isSecureContext)).toBe(true)
    const loads: PageLoadTiming[] = []
    for (let round = 0; round < LOAD_ROUNDS; round++) loads.push(await timeFreshLoad(other.browser, renewed.api.url))
    expect(loads.every(load => load.tlsConnections > 0)).toBe(true)
    report(`first load at the ACME domain name across the LAN (device B, median of ${LOAD_ROUNDS})`,
      `TCP ${median(loads.map(l => l.tcpMs)).toFixed(1)} ms, TLS handshake ${median(loads.map(l => l.tlsMs)).toFixed(1)} ms, document ${median(loads.map(l => l.documentMs)).toFixed(1)} ms, load event ${median(loads.map(l => l.loadMs)).toFixed(1)} ms`)
  } finally {
    await other.dispose()
  }
})
