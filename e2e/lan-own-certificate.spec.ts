/**
 * Bring your own certificate (issue 10, scenario 5), on the test LAN: the seed node on the
 * router serves `--tls-cert`/`--tls-key` files made by the test's CA (standing in for
 * `tailscale cert`, certbot or the router's ACME package); a device trusting that CA plays.
 * The files are replaced with a new pair: a new TLS connection sees the new certificate with
 * no restart, and the device still plays.
 *
 * The same node runs without `--trust-proxy` (scenario 6, the option off): forwarded headers
 * are ignored, and a device spoofing X-Forwarded-For with another device's address, while
 * guessing credentials, gets itself banned, not the other device.
 */
import { test, expect } from '@playwright/test'
import { X509Certificate } from 'node:crypto'
import { copyFile, mkdtemp, readFile, rename } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { serialOnTestLan } from './lan/lan-spec.ts'
import { startTestLan, type TestLan } from './lan/test-lan.ts'
import { makeTestCertificateAuthority, type TestCertificateAuthority } from './lan/test-certificate-authority.ts'
import { startRouterSeedNode, type RouterSeedNode } from './lan/router-seed-node.ts'
import { servedCertificate } from './lan/served-certificate.ts'
import { openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { lanApi, lanGet, lanItemByMediaPath } from './lan/lan-api.ts'
import { requestFromHost } from './lan/request-from-host.ts'
import { report } from './lan/lan-measure.ts'
import { clickToFirstFrameMs } from './lan/page-timings.ts'
import { expectPlaysPast } from './support/player.ts'
import { removeDir } from '../seed-node/testing/seed-node-process.ts'
import { parseCatalog } from '../protocol/catalog.ts'
import { ReachReply } from '../protocol/api/reach.ts'

serialOnTestLan()

const CLIP = 'Colour Bars at Dusk (2026).mp4'
/** Wrong credentials that earn a ban: few, so the test is short. */
const BAN_MAX_RETRY = 2
/** Long enough that the seed node does not warn of a coming expiry (14 days ahead). */
const CERTIFICATE_DAYS = 90

let lan: TestLan
let ca: TestCertificateAuthority
let files: string
let seed: RouterSeedNode
let device: LanDevice | null = null

/**
 * Installs a new pair as a user's tool does: each file written beside, then renamed over the
 * old one. With `keyOf`, the key of another pair goes in (a botched copy: cert and key do not match).
 */
async function installPair (name: string, keyOf?: string): Promise<{ serial: string }> {
  const pair = await ca.issue(name, [lan.router.address])
  await copyFile(pair.certFile, path.join(files, 'cert.pem.new'))
  await copyFile(keyOf === undefined ? pair.keyFile : path.join(ca.dir, `${keyOf}.key`), path.join(files, 'key.pem.new'))
  await rename(path.join(files, 'cert.pem.new'), path.join(files, 'cert.pem'))
  await rename(path.join(files, 'key.pem.new'), path.join(files, 'key.pem'))
  return { serial: new X509Certificate(pair.cert).serialNumber.toUpperCase() }
}

test.beforeAll(async () => {
  test.setTimeout(120 * 1000)
  lan = await startTestLan()
  ca = await makeTestCertificateAuthority('Hearth test CA', CERTIFICATE_DAYS)
  files = await mkdtemp(path.join(os.tmpdir(), 'hearth-lan-own-cert-'))
  await installPair('router-1')
  seed = await startRouterSeedNode({
    lan,
    caPem: await readFile(ca.certFile, 'utf8'),
    args: ['--tls-cert', path.join(files, 'cert.pem'), '--tls-key', path.join(files, 'key.pem'), '--ban-max-retry', String(BAN_MAX_RETRY)]
  })
})

test.afterAll(async () => {
  await device?.dispose()
  await seed?.stop()
  await lan?.close()
  for (const dir of [files, ca?.dir]) if (dir !== undefined) await removeDir(dir)
})

async function reach (): Promise<ReachReply> {
  return ReachReply.parse((await lanApi(seed.api, 'GET', '/api/reach')).json)
}

async function playClip (page: LanDevice['page'], label: string): Promise<void> {
  const item = await lanItemByMediaPath(seed.api, CLIP)
  await page.goto(seed.api.url)
  const card = page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
  await expect(card).toBeVisible()
  report(label, `${(await clickToFirstFrameMs(page, card)).toFixed(0)} ms`)
  await expectPlaysPast(page, 2)
}

test('a device trusting the certificate\'s CA plays; replaced files are served to new connections with no restart', async () => {
  test.setTimeout(150 * 1000)
  const { node } = seed
  expect(node.pairingLink.startsWith(`https://${lan.router.address}:${node.port}/pair#key=`), `printed: ${node.pairingLink}`).toBe(true)
  const caPem = seed.api.caPem ?? ''
  const before = await servedCertificate(lan.router.address, node.port, lan.router.address, caPem)
  expect(before.authorized, before.error ?? '').toBe(true)

  const a = device = await openLanDevice('deviceA', lan.deviceA, { trustedCaFiles: [ca.certFile] })
  await a.page.goto(node.pairingLink)
  await expect.poll(async () => await a.page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the printed pairing link should pair this device' }).toBe(true)
  expect(await a.page.evaluate(() => window.isSecureContext)).toBe(true)
  await playClip(a.page, 'click to first frame (device A, own certificate)')

  const { serial } = await installPair('router-2')
  expect(serial).not.toBe(before.serial)
  await expect.poll(async () => (await servedCertificate(lan.router.address, node.port, lan.router.address, caPem)).serial,
    { message: 'a new TLS connection should see the new certificate' }).toBe(serial)
  const after = await servedCertificate(lan.router.address, node.port, lan.router.address, caPem)
  expect(after.authorized, after.error ?? '').toBe(true)
  report('certificate serials (own files)', `before ${before.serial}, after replacing the files ${after.serial}`)
  expect((await reach()).tls).toMatchObject({ mode: 'files', warning: null })
  expect(node.output().match(/Hearth is running/g), 'the same process, never restarted').toHaveLength(1)

  // The device plays again (new requests; its old connections may still carry the old certificate, as a browser's would).
  await playClip(a.page, 'click to first frame (device A, after the certificate was replaced)')
})

test('a botched replacement (the key of another pair) keeps the last good certificate in service and shows a warning until a good pair arrives', async () => {
  const { node } = seed
  const caPem = seed.api.caPem ?? ''
  const good = await servedCertificate(lan.router.address, node.port, lan.router.address, caPem)
  await installPair('router-3', 'router-2')
  await expect.poll(async () => (await reach()).tls.warning, { message: 'the app\'s status should show the problem' }).not.toBeNull()
  const kept = await servedCertificate(lan.router.address, node.port, lan.router.address, caPem)
  expect(kept.serial).toBe(good.serial)
  expect(kept.authorized).toBe(true)
  report('warning shown for a mismatched pair', (await reach()).tls.warning ?? '')
  const fixed = await installPair('router-4')
  await expect.poll(async () => (await servedCertificate(lan.router.address, node.port, lan.router.address, caPem)).serial).toBe(fixed.serial)
  await expect.poll(async () => (await reach()).tls.warning).toBeNull()
})

test('without --trust-proxy, forwarded headers are ignored: magnets name the address the caller used', async () => {
  const { api, node } = seed
  const reply = await lanGet(new URL('/api/catalog', api.url).href, api.caPem, {
    authorization: `Bearer ${api.credential}`,
    'x-forwarded-proto': 'http',
    'x-forwarded-host': 'elsewhere.hearth-test.org:1',
    'x-forwarded-for': lan.deviceA.address
  })
  expect(reply.status).toBe(200)
  const catalog = parseCatalog(JSON.parse(reply.body.toString('utf8')))
  expect(catalog.trackerUrl.startsWith(`wss://${lan.router.address}:${node.port}/`), catalog.trackerUrl).toBe(true)
  for (const item of catalog.items) {
    expect(item.magnet).not.toContain('elsewhere')
    expect(decodeURIComponent(item.magnet)).toContain(`wss://${lan.router.address}:${node.port}/`)
  }
})

test('a spoofed X-Forwarded-For gets the guesser banned, not the device it names', async () => {
  const { api } = seed
  const url = new URL('/api/catalog', api.url).href
  const wrong = `${api.credential.slice(0, -1)}${api.credential.endsWith('A') ? 'B' : 'A'}`
  // Device B guesses, claiming to be device A.
  for (let attempt = 0; attempt < BAN_MAX_RETRY; attempt++) {
    const guess = await requestFromHost(lan.deviceB, url, { caFile: ca.certFile, headers: { authorization: `Bearer ${wrong}`, 'x-forwarded-for': lan.deviceA.address } })
    expect(guess.status).toBe(403)
    expect(guess.body).toContain('wrong household credential')
  }
  const banned = await requestFromHost(lan.deviceB, url, { caFile: ca.certFile, headers: { authorization: `Bearer ${wrong}`, 'x-forwarded-for': lan.deviceA.address } })
  expect(banned.status).toBe(403)
  expect(banned.body).toContain('banned')
  // Device A is not banned: a request without a credential (never counted) gets "sign in", not "banned".
  const fromA = await requestFromHost(lan.deviceA, url, { caFile: ca.certFile })
  expect(fromA.status).toBe(401)
  expect(fromA.body).not.toContain('banned')
  // And it is still served: its browser opens the library and plays.
  const a = device
  if (a === null) throw new Error('the first test opens device A')
  await playClip(a.page, 'click to first frame (device A, after device B was banned)')
  expect((await lanApi(api, 'GET', '/api/status')).status).toBe(200)
})
