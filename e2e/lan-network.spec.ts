/**
 * The test LAN itself (e2e/lan/): hosts in network namespaces on one bridge, Chromium
 * devices with the browser's default WebRTC and certificate behaviour. These prove what the
 * household specs rely on, without the seed node: a device trusts exactly the CAs in its NSS
 * database; two devices connect over WebRTC with mDNS host candidates; a device connects to
 * a Node peer using @roamhq/wrtc (which cannot resolve `.local` names).
 */
import { test, expect } from '@playwright/test'
import { canBuildTestLan, startTestLan, type TestLan } from './lan/test-lan.ts'
import { makeTestCertificateAuthority, type TestCertificateAuthority } from './lan/test-certificate-authority.ts'
import { openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { runNodeProbePeer, startProbeServer, type ProbeServer } from './lan/webrtc-probe/probe-processes.ts'
import { runProbePeer, type ProbeOptions, type ProbeResult } from './lan/webrtc-probe/probe-peer.ts'
import { removeDir } from '../seed-node/testing/seed-node-process.ts'

test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')

const PAYLOAD_BYTES = 256 * 1024
const PROBE_TIMEOUT_MS = 30 * 1000

let lan: TestLan | null = null
let ca: TestCertificateAuthority | null = null
let probe: ProbeServer | null = null
const devices: LanDevice[] = []

test.beforeAll(async () => {
  lan = await startTestLan()
  ca = await makeTestCertificateAuthority()
  const server = await ca.issue('router', [lan.router.address])
  probe = await startProbeServer(lan.router, lan.router.address, server.certFile, server.keyFile)
})

test.afterEach(async () => {
  for (const device of devices.splice(0)) await device.dispose()
})

test.afterAll(async () => {
  await probe?.stop()
  await lan?.close()
  if (ca !== null) await removeDir(ca.dir)
})

function ready (): { lan: TestLan, ca: TestCertificateAuthority, probe: ProbeServer } {
  if (lan === null || ca === null || probe === null) throw new Error('the LAN is started in beforeAll')
  return { lan, ca, probe }
}

async function device (name: string, trust: boolean): Promise<LanDevice> {
  const { lan, ca } = ready()
  const made = await openLanDevice(name, name === 'deviceA' ? lan.deviceA : lan.deviceB, { trustedCaFiles: trust ? [ca.certFile] : [] })
  devices.push(made)
  return made
}

function probeOptions (room: string, initiator: boolean): ProbeOptions {
  return { relayUrl: ready().probe.relayUrl(room), initiator, iceServers: [], payloadBytes: PAYLOAD_BYTES, timeoutMs: PROBE_TIMEOUT_MS }
}

function describeProbe (label: string, result: ProbeResult): string {
  const pair = result.selected === null ? 'none' : `${result.selected.local.type} ${result.selected.local.address} → ${result.selected.remote.type} ${result.selected.remote.address}`
  return `${label}: ${result.bytesReceived} bytes, ${result.connectionState}, pair ${pair}, gathered [${result.localCandidates.join(' | ')}]${result.error === null ? '' : `, error ${result.error}`}`
}

test('a device trusts a server certificate only through the CA in its NSS database', async () => {
  const { probe } = ready()
  const trusting = await device('deviceA', true)
  const response = await trusting.page.goto(probe.origin)
  expect(response?.status()).toBe(200)
  await expect(trusting.page).toHaveTitle('Hearth LAN probe')
  expect(await trusting.page.evaluate(() => window.isSecureContext)).toBe(true)

  const stranger = await device('deviceB', false)
  await expect(stranger.page.goto(probe.origin)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/)
})

test('two devices open a WebRTC data channel with default flags (mDNS host candidates)', async () => {
  const { probe } = ready()
  const [a, b] = [await device('deviceA', true), await device('deviceB', true)]
  await a.page.goto(probe.origin)
  await b.page.goto(probe.origin)
  const [fromA, fromB] = await Promise.all([
    a.page.evaluate(runProbePeer, probeOptions('devices', true)),
    b.page.evaluate(runProbePeer, probeOptions('devices', false))
  ])
  test.info().annotations.push({ type: 'ice', description: describeProbe('device A', fromA) }, { type: 'ice', description: describeProbe('device B', fromB) })
  expect(fromA.error, describeProbe('device A', fromA)).toBeNull()
  expect(fromB.error, describeProbe('device B', fromB)).toBeNull()
  // Default Chromium hides its address behind an mDNS name; had a flag turned that off, this fails.
  expect(fromA.localCandidates.every(line => !line.includes(' typ host') || line.includes('.local'))).toBe(true)
  expect(fromA.localCandidates.some(line => line.includes('.local'))).toBe(true)
  // Each side reached the other's mDNS host candidate (resolved by multicast DNS on the LAN),
  // not only a peer-reflexive one learnt from incoming checks. Chromium now and then reports
  // no selected pair on the side that finished second (its stats lag the closing peer), so a
  // side without one is left out; at least one side must say, and every side that says, host.
  const remoteTypes = [fromA.selected?.remote.type, fromB.selected?.remote.type].filter(type => type !== undefined)
  expect(remoteTypes.length, `${describeProbe('device A', fromA)}\n${describeProbe('device B', fromB)}`).toBeGreaterThan(0)
  expect(remoteTypes.every(type => type === 'host'), remoteTypes.join(', ')).toBe(true)
})

test('a device and a Node peer (@roamhq/wrtc, as in the seed node) connect across hosts', async () => {
  const { lan, ca, probe } = ready()
  const a = await device('deviceA', true)
  await a.page.goto(probe.origin)
  const [fromBrowser, fromNode] = await Promise.all([
    a.page.evaluate(runProbePeer, probeOptions('node', true)),
    runNodeProbePeer(lan.router, probeOptions('node', false), ca.certFile)
  ])
  test.info().annotations.push({ type: 'ice', description: describeProbe('device A', fromBrowser) }, { type: 'ice', description: describeProbe('router (wrtc)', fromNode) })
  expect(fromBrowser.error, describeProbe('device A', fromBrowser)).toBeNull()
  expect(fromNode.error, describeProbe('router (wrtc)', fromNode)).toBeNull()
  // wrtc cannot resolve the browser's `.local` name: it learns the browser's address from the
  // browser's connectivity checks (a peer-reflexive candidate); the browser uses wrtc's plain host candidate.
  expect(fromNode.selected?.remote.type).toBe('prflx')
  expect(fromBrowser.selected?.remote).toMatchObject({ type: 'host', address: lan.router.address })
})
