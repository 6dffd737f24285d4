/**
 * A household on the test LAN: the seed node runs on the router host, bound to 0.0.0.0 with
 * the web seed off unless asked (bytes can then only travel over WebRTC), in its zero-configuration HTTPS mode
 * (the household CA). The household CA is fetched as a user would: over plain HTTP from the
 * onboarding page the node printed, checked against the fingerprint it printed, and then
 * installed on each device (its NSS database).
 */
import { X509Certificate } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { makeStateDir, removeDir, startSeedNodeProcess, SAMPLE_LIBRARY, type SeedNodeProcess } from '../../seed-node/testing/seed-node-process.ts'
import { startTestLan, type TestLan } from './test-lan.ts'
import { launcherIn } from './webrtc-probe/probe-processes.ts'
import { lanGet, lanStatus, type LanApiTarget } from './lan-api.ts'

const STARTUP_TIMEOUT_MS = 60 * 1000
/** How often the first-scan wait asks `/api/status` (bounded by the startup timeout). */
const SCAN_POLL_INTERVAL_MS = 100
const ONBOARDING_LINE = /open (http:\/\/\S+)\s*\n\s*\(household CA fingerprint SHA-256 ([0-9A-F:]+)\)/i

export interface HouseholdLan {
  lan: TestLan
  node: SeedNodeProcess
  /** The API as the test process reaches it over the LAN (HTTPS, trusting the household CA). */
  api: LanApiTarget
  /** The household CA as a device downloads it (`/household-ca.crt`), and as PEM. */
  caFile: string
  caPem: string
  /** The onboarding page the node printed (plain HTTP). */
  onboardingUrl: string
  close: () => Promise<void>
}

export interface HouseholdOptions {
  library?: string
  args?: string[]
  /** Keep the web seed on (default off: bytes can only travel over WebRTC). */
  webSeed?: boolean
}

async function downloadHouseholdCa (node: SeedNodeProcess, dir: string): Promise<{ caFile: string, caPem: string, onboardingUrl: string }> {
  const printed = ONBOARDING_LINE.exec(node.output())
  if (printed?.[1] === undefined || printed[2] === undefined) throw new Error(`the seed node printed no onboarding link with a CA fingerprint:\n${node.output().slice(-3000)}`)
  const onboardingUrl = printed[1]
  const reply = await lanGet(new URL('/household-ca.crt', onboardingUrl).href, null)
  if (reply.status !== 200) throw new Error(`GET /household-ca.crt answered ${reply.status}`)
  const ca = new X509Certificate(reply.body)
  if (ca.fingerprint256.toUpperCase() !== printed[2].toUpperCase()) throw new Error(`the downloaded CA has fingerprint ${ca.fingerprint256}, the node printed ${printed[2]}`)
  const caFile = path.join(dir, 'household-ca.crt')
  await writeFile(caFile, reply.body)
  return { caFile, caPem: ca.toString(), onboardingUrl }
}

async function waitForFirstScan (api: LanApiTarget, node: SeedNodeProcess, deadline: number): Promise<void> {
  // A node busy with its first ingest may be slow to answer; only the deadline ends the wait.
  while (((await lanStatus(api).catch(() => null))?.ingest.scans ?? 0) < 1) {
    if (Date.now() > deadline) throw new Error(`the first library scan did not finish:\n${node.output().slice(-3000)}`)
    await new Promise(resolve => setTimeout(resolve, SCAN_POLL_INTERVAL_MS))
  }
}

export async function startHouseholdLan (options: HouseholdOptions = {}): Promise<HouseholdLan> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  const lan = await startTestLan()
  const stateDir = await makeStateDir()
  const downloads = await mkdtemp(path.join(os.tmpdir(), 'hearth-lan-ca-download-'))
  let node: SeedNodeProcess | null = null
  const close = async (): Promise<void> => {
    await node?.stop()
    await lan.close()
    await removeDir(stateDir)
    await removeDir(downloads)
  }
  try {
    node = await startSeedNodeProcess({
      stateDir,
      library: options.library ?? SAMPLE_LIBRARY,
      host: '0.0.0.0',
      args: [...(options.webSeed === true ? [] : ['--no-web-seed']), ...(options.args ?? [])],
      launch: launcherIn(lan.router),
      startupTimeoutMs: STARTUP_TIMEOUT_MS,
      // The harness's own wait uses fetch, which does not trust the household CA.
      waitForScan: false
    })
    const { caFile, caPem, onboardingUrl } = await downloadHouseholdCa(node, downloads)
    const api: LanApiTarget = { url: node.url, credential: node.credential, caPem }
    await waitForFirstScan(api, node, deadline)
    return { lan, node, api, caFile, caPem, onboardingUrl, close }
  } catch (err) {
    await close()
    throw err
  }
}
