/**
 * A seed node on the test LAN's router host (bound to 0.0.0.0, web seed off, so bytes travel
 * over WebRTC only) in any HTTPS mode the test chooses by its arguments (its own certificate
 * files, ACME, behind a proxy), with the API as the test process reaches it across the LAN.
 * household-lan.ts is the zero-configuration twin (household CA).
 */
import { makeStateDir, removeDir, startSeedNodeProcess, waitForFirstScan, SAMPLE_LIBRARY, type SeedNodeProcess } from '../../seed-node/testing/seed-node-process.ts'
import { launcherIn } from './webrtc-probe/probe-processes.ts'
import { lanStatus, type LanApiTarget } from './lan-api.ts'
import type { TestLan } from './test-lan.ts'

const STARTUP_TIMEOUT_MS = 60 * 1000

export interface RouterSeedNodeOptions {
  lan: TestLan
  args: string[]
  /** CA (PEM) the test process trusts for the node's API; null for plain HTTP. */
  caPem: string | null
  /** Names the test process resolves for the API (a domain, a proxy's name). */
  hosts?: Readonly<Record<string, string>>
  /** Where the API is reached; default: the address the node printed. */
  apiUrl?: (node: SeedNodeProcess) => string
  library?: string
  /** A state folder to reuse (a restart); the caller removes it. Default: a new one, removed on stop. */
  stateDir?: string
  /** Default 0 (any free port). */
  port?: number
}

export interface RouterSeedNode {
  node: SeedNodeProcess
  api: LanApiTarget
  stop: () => Promise<void>
}

export async function startRouterSeedNode (options: RouterSeedNodeOptions): Promise<RouterSeedNode> {
  const ownState = options.stateDir === undefined
  const stateDir = options.stateDir ?? await makeStateDir()
  let node: SeedNodeProcess | null = null
  const stop = async (): Promise<void> => {
    await node?.stop()
    if (ownState) await removeDir(stateDir)
  }
  try {
    node = await startSeedNodeProcess({
      stateDir,
      library: options.library ?? SAMPLE_LIBRARY,
      host: '0.0.0.0',
      port: options.port ?? 0,
      args: ['--no-web-seed', ...options.args],
      launch: launcherIn(options.lan.router),
      startupTimeoutMs: STARTUP_TIMEOUT_MS,
      // The harness's own wait uses fetch, which trusts neither the test CAs nor the LAN's names.
      waitForScan: false
    })
    const started = node
    const api: LanApiTarget = { url: options.apiUrl?.(started) ?? started.url, credential: started.credential, caPem: options.caPem, hosts: options.hosts }
    await waitForFirstScan({ status: async () => await lanStatus(api), output: started.output }, STARTUP_TIMEOUT_MS)
    return { node: started, api, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
