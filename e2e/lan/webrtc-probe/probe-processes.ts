/**
 * Starts the probe server and Node probe peers as child processes on LAN hosts.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startCli, spawnLauncher, type CliProcess, type Launcher } from '../../../seed-node/testing/cli-process.ts'
import { REPO_ROOT } from '../../../seed-node/testing/seed-node-process.ts'
import type { NamespaceHost } from '../namespace-host.ts'
import type { ProbeOptions, ProbeResult } from './probe-peer.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const STARTUP_TIMEOUT_MS = 30 * 1000

/** A launcher that starts the program inside `host`'s network namespace. */
export function launcherIn (host: NamespaceHost, env: NodeJS.ProcessEnv = {}): Launcher {
  return (command, args, cwd) => {
    const wrapped = host.wrap('env', [...Object.entries(env).map(([key, value]) => `${key}=${value ?? ''}`), command, ...args])
    return spawnLauncher(wrapped.command, wrapped.args, cwd)
  }
}

export interface ProbeServer { origin: string, relayUrl: (room: string) => string, cli: CliProcess, stop: () => Promise<void> }

/** The probe server on `host`, HTTPS with the given certificate, reached at `hostName`. */
export async function startProbeServer (host: NamespaceHost, hostName: string, certFile: string, keyFile: string): Promise<ProbeServer> {
  const cli = startCli(process.execPath, ['--import', 'tsx', path.join(HERE, 'probe-server.ts'), certFile, keyFile], REPO_ROOT, launcherIn(host))
  try {
    const port = (await cli.waitForOutput(/probe server listening on (\d+)/, STARTUP_TIMEOUT_MS))?.[1]
    const origin = `https://${hostName}:${port ?? ''}`
    return { origin, relayUrl: room => `wss://${hostName}:${port ?? ''}/relay/${room}`, cli, stop: async () => await cli.launched.signal('SIGTERM') }
  } catch (err) {
    await cli.launched.signal('SIGKILL')
    throw err
  }
}

/** Runs a Node (@roamhq/wrtc) probe peer on `host` to its end; `caFile` is trusted for the relay. */
export async function runNodeProbePeer (host: NamespaceHost, options: ProbeOptions, caFile: string): Promise<ProbeResult> {
  const cli = startCli(process.execPath, ['--import', 'tsx', path.join(HERE, 'probe-node-peer.ts'), JSON.stringify(options)], REPO_ROOT,
    launcherIn(host, { NODE_EXTRA_CA_CERTS: caFile }))
  try {
    const line = (await cli.waitForOutput(/probe result (.*)\n/, options.timeoutMs + STARTUP_TIMEOUT_MS))?.[1]
    return JSON.parse(line ?? 'null') as ProbeResult
  } finally {
    await cli.launched.signal('SIGKILL')
  }
}
