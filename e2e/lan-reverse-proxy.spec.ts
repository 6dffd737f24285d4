/**
 * Behind a TLS-terminating reverse proxy (issue 10, scenario 6), on the test LAN: the proxy
 * (started by the test on the bridge, with a certificate from the test's CA for its name)
 * speaks HTTPS to the devices and plain HTTP to the seed node on the router, which trusts it
 * (`--trust-proxy <proxy ip>`) and is told its public address (`--public-url`). Magnets and
 * the tracker URL name wss:// and https:// at the proxy's name, a device plays through the
 * proxy (WebRTC to the router, as ever), and bans count the device behind the proxy: a
 * device guessing credentials while naming another device in X-Forwarded-For bans itself.
 * (The option off is in lan-own-certificate.spec.ts.)
 */
import { test, expect } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { serialOnTestLan } from './lan/lan-spec.ts'
import { startTestLan, TEST_PROCESS_ADDRESS, type TestLan } from './lan/test-lan.ts'
import { makeTestCertificateAuthority, type TestCertificateAuthority } from './lan/test-certificate-authority.ts'
import { startRouterSeedNode, type RouterSeedNode } from './lan/router-seed-node.ts'
import { startTlsReverseProxy, type TlsReverseProxy } from './lan/tls-reverse-proxy.ts'
import { openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { lanApi, lanGet, lanItemByMediaPath } from './lan/lan-api.ts'
import { requestFromHost } from './lan/request-from-host.ts'
import { report } from './lan/lan-measure.ts'
import { clickToFirstFrameMs } from './lan/page-timings.ts'
import { expectPlaysPast } from './support/player.ts'
import { removeDir } from '../seed-node/testing/seed-node-process.ts'
import { freeLoopbackPort } from '../seed-node/tls/acme/testing/free-port.ts'
import { parseCatalog } from '../protocol/catalog.ts'
import { ReachReply } from '../protocol/api/reach.ts'

serialOnTestLan()

const PROXY_NAME = 'media.hearth-test.org'
const CLIP = 'Colour Bars at Dusk (2026).mp4'
const BAN_MAX_RETRY = 2

let lan: TestLan
let ca: TestCertificateAuthority
let proxy: TlsReverseProxy
let seed: RouterSeedNode
let publicUrl: string
/** The seed node's own port on the router (the printed address names the proxy's). */
let nodePort: number
let device: LanDevice | null = null

/** The proxy's name as the household's DNS (or a hosts file) answers it. */
function hosts (): Record<string, string> {
  return { [PROXY_NAME]: TEST_PROCESS_ADDRESS }
}

test.beforeAll(async () => {
  test.setTimeout(120 * 1000)
  lan = await startTestLan()
  ca = await makeTestCertificateAuthority()
  const proxyCertificate = await ca.issue('proxy', [TEST_PROCESS_ADDRESS], [PROXY_NAME])
  proxy = await startTlsReverseProxy(TEST_PROCESS_ADDRESS, proxyCertificate.cert, proxyCertificate.key)
  publicUrl = `https://${PROXY_NAME}:${proxy.port}`
  // The router's namespace is new and empty: a port free in ours is free there.
  const port = nodePort = await freeLoopbackPort()
  proxy.setTarget({ host: lan.router.address, port })
  seed = await startRouterSeedNode({
    lan,
    port,
    caPem: await readFile(ca.certFile, 'utf8'),
    hosts: hosts(),
    apiUrl: () => publicUrl,
    args: ['--trust-proxy', TEST_PROCESS_ADDRESS, '--public-url', publicUrl, '--ban-max-retry', String(BAN_MAX_RETRY)]
  })
})

test.afterAll(async () => {
  await device?.dispose()
  await seed?.stop()
  await proxy?.close()
  await lan?.close()
  if (ca !== undefined) await removeDir(ca.dir)
})

test('through the proxy, the tracker URL and every magnet name wss:// and https:// at the proxy\'s name', async () => {
  expect(seed.node.pairingLink.startsWith(`${publicUrl}/pair#key=`), `printed: ${seed.node.pairingLink}`).toBe(true)
  const reach = ReachReply.parse((await lanApi(seed.api, 'GET', '/api/reach')).json)
  expect(reach.origins).toEqual([publicUrl])
  // Devices meet the proxy's certificate: no "install the household CA" steps for them.
  expect(reach.tls).toMatchObject({ mode: 'proxy', caFingerprint: null })
  expect(reach.onboardingUrl).toBeNull()
  expect(seed.node.output()).not.toMatch(/Trust this home server once/)
  const reply = await lanApi(seed.api, 'GET', '/api/catalog')
  expect(reply.status).toBe(200)
  const catalog = parseCatalog(reply.json)
  expect(catalog.trackerUrl.startsWith(`wss://${PROXY_NAME}:${proxy.port}/`), catalog.trackerUrl).toBe(true)
  expect(catalog.items.length).toBeGreaterThan(0)
  for (const item of catalog.items) {
    const trackers = new URLSearchParams(item.magnet.slice('magnet:?'.length)).getAll('tr')
    expect(trackers.length, item.magnet).toBeGreaterThan(0)
    expect(trackers.some(url => url.startsWith(`wss://${PROXY_NAME}:${proxy.port}/`)), trackers.join(' ')).toBe(true)
    expect(trackers.some(url => url.startsWith(`https://${PROXY_NAME}:${proxy.port}/`)), trackers.join(' ')).toBe(true)
    for (const url of trackers) expect(url, 'no mixed content: only wss:// and https://').toMatch(new RegExp(`^(wss|https)://${PROXY_NAME.replaceAll('.', '\\.')}:${proxy.port}/`))
  }
})

test('a device opens the printed link at the proxy\'s name and plays a clip through it', async () => {
  test.setTimeout(120 * 1000)
  const a = device = await openLanDevice('deviceA', lan.deviceA, { trustedCaFiles: [ca.certFile], hosts: hosts() })
  await a.page.goto(seed.node.pairingLink)
  await expect.poll(async () => await a.page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the printed pairing link should pair this device' }).toBe(true)
  expect(await a.page.evaluate(() => window.isSecureContext)).toBe(true)
  const item = await lanItemByMediaPath(seed.api, CLIP)
  await a.page.goto(publicUrl)
  const card = a.page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
  await expect(card).toBeVisible()
  report('click to first frame (device A, behind the reverse proxy)', `${(await clickToFirstFrameMs(a.page, card)).toFixed(0)} ms`)
  await expectPlaysPast(a.page, 2)
  const wires = await a.page.evaluate(id => (window.__hearth?.wires() ?? []).filter(w => w.infoHash === id), item.id)
  expect(wires.some(wire => wire.type === 'webrtc' && wire.downloaded > 0), 'the bytes came over WebRTC (the proxy carries only the page and the tracker)').toBe(true)
})

test('behind the proxy, a device guessing credentials while naming another in X-Forwarded-For bans itself only', async () => {
  test.setTimeout(60 * 1000)
  const url = `${publicUrl}/api/catalog`
  const wrong = `${seed.api.credential.slice(0, -1)}${seed.api.credential.endsWith('A') ? 'B' : 'A'}`
  const guess = { caFile: ca.certFile, hosts: hosts(), headers: { authorization: `Bearer ${wrong}`, 'x-forwarded-for': lan.deviceA.address } }
  for (let attempt = 0; attempt < BAN_MAX_RETRY; attempt++) {
    const refused = await requestFromHost(lan.deviceB, url, guess)
    expect(refused.body).toContain('wrong household credential')
  }
  const banned = await requestFromHost(lan.deviceB, url, guess)
  expect(banned.status).toBe(403)
  expect(banned.body).toContain('banned')
  // Device A, through the same proxy, is not banned (a request without a credential is never counted).
  const fromA = await requestFromHost(lan.deviceA, url, { caFile: ca.certFile, hosts: hosts() })
  expect(fromA.status).toBe(401)
  expect(fromA.body).not.toContain('banned')
  const a = device
  if (a === null) throw new Error('the second test opens device A')
  await a.page.goto(publicUrl)
  await expect(a.page.locator('[data-testid="library-item"]').first()).toBeVisible()
})

test('plain HTTP is served in full to the trusted proxy only: another device claiming X-Forwarded-Proto https is not', async () => {
  const direct = `http://${lan.router.address}:${nodePort}/api/catalog`
  const authorization = `Bearer ${seed.api.credential}`
  const spoofed = await requestFromHost(lan.deviceB, direct, { headers: { authorization, 'x-forwarded-proto': 'https', 'x-forwarded-host': `${PROXY_NAME}:${proxy.port}` } })
  expect(spoofed.status, spoofed.body.slice(0, 200)).not.toBe(200)
  expect(spoofed.body).not.toContain('magnet:?')
  const fromProxy = await lanGet(direct, null, { authorization, 'x-forwarded-proto': 'https', 'x-forwarded-host': `${PROXY_NAME}:${proxy.port}` })
  expect(fromProxy.status).toBe(200)
  expect(fromProxy.body.toString('utf8')).toContain(`wss://${PROXY_NAME}:${proxy.port}/`)
})
