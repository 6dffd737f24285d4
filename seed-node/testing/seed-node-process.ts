/**
 * The real seed node as a child process, started through its CLI as a user would: the one
 * harness the e2e specs, the unit tests that need a real process (crashes, command-line
 * errors) and the benchmarks share. It waits for the printed address, makes the pairing
 * link from the key in the state folder (printed on the first start only), derives the
 * household credential from it, and offers a typed `status()`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deriveKeys } from '../../protocol/library-key.ts'
import { pairingLink as makePairingLink, parsePairingFragment } from '../../protocol/pairing-link.ts'
import { readLibraryKey } from '../access/library-key-file.ts'
import { startCli, type CliProcess, type Exit, type Launcher } from './cli-process.ts'
import { api } from './seed-node-api.ts'
import { COMPILED_NODE_ENV, COMPILED_NODE_FLAGS, COMPILED_SEED_NODE } from './compiled-seed-node.ts'
import { parseSeedNodeStatus, type SeedNodeStatus } from './seed-node-status.ts'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SAMPLE_LIBRARY = path.join(REPO_ROOT, 'sample-library')
const DEFAULT_STARTUP_TIMEOUT_MS = 60 * 1000
const DEFAULT_CLI_TIMEOUT_MS = 30 * 1000
/** How often the first-scan wait asks `/api/status` (bounded by the startup timeout). */
const SCAN_POLL_INTERVAL_MS = 50

const RUNNING_LINE = /Hearth is running: open (https?:\/\/\S+)/

export interface SeedNodeLaunchOptions {
  stateDir: string
  /** Default: the repository's sample library. */
  library?: string
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0 (any free port). */
  port?: number
  /** More CLI options, e.g. `['--tracker', url]`. */
  args?: string[]
  /** The checkout whose `seed-node/cli.ts` runs. Default: this one. */
  root?: string
  /** How the process is started (the benchmarks measure it under `time -v`). */
  launch?: Launcher
  /** Bound on reaching "running" and, unless `waitForScan` is false, the first scan. Default 60 s. */
  startupTimeoutMs?: number
  /** Wait for the first library scan to finish. Default true. */
  waitForScan?: boolean
  /**
   * Run the compiled seed node (`dist-node/seed-node.js`, made by `npm run build`) with plain
   * `node` and the flags `npm start` uses, as a user runs it, instead of the TypeScript sources
   * through tsx. Default false.
   */
  compiled?: boolean
  /** Environment variables for the node (e.g. `HEARTH_WEBRTC: 'off'`). */
  env?: NodeJS.ProcessEnv
}

export interface SeedNodeProcess {
  url: string
  port: number
  /** The pairing link the node printed (the library key rides in its fragment). */
  pairingLink: string
  /** The household credential derived from that key (what paired devices send). */
  credential: string
  stateDir: string
  cli: CliProcess
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  status: () => Promise<SeedNodeStatus>
  /** SIGTERM and wait for exit. */
  stop: () => Promise<void>
  /** SIGKILL and wait for exit (crash simulation). */
  kill: () => Promise<void>
}

export async function makeStateDir (): Promise<string> {
  return await mkdtemp(path.join(os.tmpdir(), 'hearth-state-'))
}

export async function removeDir (dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

function cliArgs (root: string, args: string[], compiled = false): string[] {
  if (compiled) return [...COMPILED_NODE_FLAGS, path.join(root, COMPILED_SEED_NODE), ...args]
  return ['--import', 'tsx', path.join(root, 'seed-node/cli.ts'), ...args]
}

/** Runs the CLI to its exit (for help and refusals); kills it if it outlives `timeoutMs`. */
export async function runSeedNodeCli (args: string[], timeoutMs = DEFAULT_CLI_TIMEOUT_MS): Promise<Exit & { stdout: string, stderr: string }> {
  const cli = startCli(process.execPath, cliArgs(REPO_ROOT, args), REPO_ROOT)
  const timer = setTimeout(() => { void cli.launched.signal('SIGKILL') }, timeoutMs)
  const exit = await cli.exited
  clearTimeout(timer)
  if (exit.signal === 'SIGKILL') throw new Error(`the CLI did not exit within ${timeoutMs} ms:\n${cli.output()}`)
  return { ...exit, stdout: cli.stdout(), stderr: cli.stderr() }
}

/** How a start with `args` (a scratch state folder, any port) was refused: the exit code and the `hearth:` lines on stderr. */
export async function refusalOf (args: string[]): Promise<{ code: number | null, lines: string[] }> {
  const scratch = await makeStateDir()
  try {
    const outcome = await runSeedNodeCli([...args, '--state', scratch, '--port', '0'])
    return { code: outcome.code, lines: outcome.stderr.split('\n').filter(line => line.startsWith('hearth:')) }
  } finally {
    await removeDir(scratch)
  }
}

async function credentialOf (pairingLink: string): Promise<string> {
  return (await deriveKeys(parsePairingFragment(new URL(pairingLink).hash))).credential
}

/**
 * Resolves once the node's first library scan has finished. Polls `/api/status` (the scan
 * prints nothing at `--log-level warn`), bounded by `timeoutMs`.
 */
export async function waitForFirstScan (node: Pick<SeedNodeProcess, 'status' | 'output'>, timeoutMs: number, pollIntervalMs = SCAN_POLL_INTERVAL_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs
  // A node busy with its first ingest may be slow to answer; only the deadline ends the wait.
  while (((await node.status().catch(() => null))?.ingest.scans ?? 0) < 1) {
    if (Date.now() > deadline) throw new Error(`the first library scan did not finish within ${timeoutMs} ms:\n${node.output().slice(-4000)}`)
    await new Promise(resolve => setTimeout(resolve, pollIntervalMs))
  }
}

export async function startSeedNodeProcess (options: SeedNodeLaunchOptions): Promise<SeedNodeProcess> {
  const root = options.root ?? REPO_ROOT
  const timeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS
  const deadline = Date.now() + timeoutMs
  const cli = startCli(process.execPath, cliArgs(root, [
    '--library', options.library ?? SAMPLE_LIBRARY, '--state', options.stateDir,
    '--host', options.host ?? '127.0.0.1', '--port', String(options.port ?? 0), ...(options.args ?? [])
  ], options.compiled), root, options.launch, options.compiled === true ? { ...COMPILED_NODE_ENV, ...options.env } : options.env)
  let stopping = false
  void cli.exited.then(exit => {
    // A seed node that dies on its own is a bug worth seeing in the test output.
    if (!stopping && exit.code !== 0) process.stderr.write(`seed node exited (${exit.code ?? exit.signal}):\n${cli.output().slice(-4000)}\n`)
  })
  const signal = async (name: NodeJS.Signals): Promise<void> => { stopping = true; await cli.launched.signal(name) }
  try {
    const url = (await cli.waitForOutput(RUNNING_LINE, timeoutMs))?.[1]
    if (url === undefined) throw new Error(`the seed node printed no address:\n${cli.output()}`)
    // The link is printed on the first start only (access/pairing-print-policy.ts): it is made
    // from the key in the state folder, as `npm run pair` makes it, on every start.
    const key = await readLibraryKey(options.stateDir)
    if (key === null) throw new Error(`the seed node runs but ${options.stateDir} holds no library key:\n${cli.output()}`)
    const pairingLink = makePairingLink(url, key)
    const credential = await credentialOf(pairingLink)
    const status = async (): Promise<SeedNodeStatus> => {
      const reply = await api({ url, credential }, 'GET', '/api/status')
      if (reply.status !== 200) throw new Error(`GET /api/status answered ${reply.status}`)
      return parseSeedNodeStatus(reply.json)
    }
    const node: SeedNodeProcess = {
      url,
      port: Number(new URL(url).port),
      pairingLink,
      credential,
      stateDir: options.stateDir,
      cli,
      output: cli.output,
      status,
      stop: async () => await signal('SIGTERM'),
      kill: async () => await signal('SIGKILL')
    }
    if (options.waitForScan !== false) await waitForFirstScan(node, Math.max(0, deadline - Date.now()))
    return node
  } catch (err) {
    await signal('SIGKILL')
    throw err
  }
}
