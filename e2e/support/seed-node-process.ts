/**
 * Starts the real seed node as a child process (as a user would, through the CLI) on
 * 127.0.0.1 and a port chosen at run time, and waits until its first library scan is done.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deriveKeys } from '../../protocol/library-key.ts'
import { parsePairingFragment } from '../../protocol/pairing-link.ts'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SAMPLE_LIBRARY = path.join(REPO_ROOT, 'sample-library')
const STARTUP_TIMEOUT_MS = 60 * 1000

export interface SeedNodeProcess {
  url: string
  port: number
  /** The pairing link the node printed (the library key rides in its fragment). */
  pairingLink: string
  /** The household credential derived from that key (what paired devices send). */
  credential: string
  stateDir: string
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  status: () => Promise<SeedNodeStatus>
  /** SIGTERM and wait for exit. */
  stop: () => Promise<void>
  /** SIGKILL and wait for exit (crash simulation). */
  kill: () => Promise<void>
}

export interface SeedNodeStatus {
  items: number
  itemsOffline: number
  ingest: { itemsHashed: number, itemsReused: number, piecesHashed: number, scans: number, scanning: boolean }
  seeder: { torrents: number, peers: number, webrtcPeers: number, uploadedBytes: number }
}

export async function makeStateDir (): Promise<string> {
  return await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-state-'))
}

export async function removeDir (dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

function pairingLinkIn (output: string): string {
  const link = /(http:\/\/[\d.]+:\d+\/pair#key=[A-Za-z0-9_-]+)/.exec(output)?.[1]
  if (!link) throw new Error(`seed node printed no pairing link:\n${output}`)
  return link
}

async function credentialFromOutput (output: string): Promise<string> {
  const link = pairingLinkIn(output)
  return (await deriveKeys(parsePairingFragment(new URL(link).hash))).credential
}

function exited (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => child.once('exit', () => resolve()))
}

export async function startSeedNodeProcess (options: { library?: string, stateDir: string, args?: string[], port?: number, host?: string }): Promise<SeedNodeProcess> {
  const host = options.host ?? '127.0.0.1'
  const args = ['--import', 'tsx', path.join(REPO_ROOT, 'seed-node/cli.ts'),
    '--library', options.library ?? SAMPLE_LIBRARY, '--state', options.stateDir, '--host', host, '--port', String(options.port ?? 0), ...(options.args ?? [])]
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.once('exit', (code, signal) => {
    // A seed node that dies on its own is a bug worth seeing in the test output.
    if (signal !== 'SIGTERM' && signal !== 'SIGKILL' && code !== 0) process.stderr.write(`seed node exited (${code ?? signal}):\n${output.slice(-4000)}\n`)
  })

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`seed node did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)), STARTUP_TIMEOUT_MS)
    const check = (): void => {
      const match = /Hearth is running: open (http:\/\/[\d.]+:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', code => {
      clearTimeout(timer)
      reject(new Error(`seed node exited with ${code} before listening:\n${output}`))
    })
  })

  const credential = await credentialFromOutput(output)
  const status = async (): Promise<SeedNodeStatus> => {
    const res = await fetch(`${url}/api/status`, { headers: { authorization: `Bearer ${credential}` } })
    if (!res.ok) throw new Error(`GET /api/status answered ${res.status}`)
    return await res.json() as SeedNodeStatus
  }
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  while ((await status()).ingest.scans < 1) {
    if (Date.now() > deadline) throw new Error(`first library scan did not finish:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }

  const pairingLink = pairingLinkIn(output)
  return {
    url,
    port: Number(new URL(url).port),
    pairingLink,
    credential,
    stateDir: options.stateDir,
    output: () => output,
    status,
    stop: async () => { child.kill('SIGTERM'); await exited(child) },
    kill: async () => { child.kill('SIGKILL'); await exited(child) }
  }
}
