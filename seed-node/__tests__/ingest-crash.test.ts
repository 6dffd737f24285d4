/**
 * SIGKILL in the middle of a first ingest, then restart: the state folder is consistent,
 * every item whose hashing had finished is served again without hashing, and the rest are
 * hashed. Runs the real CLI as a child process.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const FILES = 240
const FILE_BYTES = 256 * 1024

let scratch: string
let library: string
let stateDir: string

interface Run { child: ChildProcess, output: () => string, exited: Promise<void> }

function startCli (): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'seed-node/cli.ts'),
    '--library', library, '--state', stateDir, '--host', '127.0.0.1', '--port', '0', '--rescan-interval', '3600'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  return { child, output: () => output, exited }
}

function hashedPaths (output: string): string[] {
  return [...output.matchAll(/ingest\.hashed path=("(?:[^"\\]|\\.)*"|\S+)/g)].map(match => {
    const raw = match[1] ?? ''
    return raw.startsWith('"') ? JSON.parse(raw) as string : raw
  })
}

async function until (condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-ingest-crash-'))
  library = path.join(scratch, 'library')
  stateDir = path.join(scratch, 'state')
  for (let n = 0; n < FILES; n++) {
    const dir = path.join(library, `Album ${Math.floor(n / 40)}`)
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, `Track ${n}.flac`), new Uint8Array(FILE_BYTES).map((_, i) => (i * 31 + n * 7) & 0xff))
  }
})

afterAll(async () => { await rm(scratch, { recursive: true, force: true }) })

describe('SIGKILL during the first ingest', () => {
  it('keeps every finished item and hashes only the rest after a restart', { timeout: 180 * 1000 }, async () => {
    const first = startCli()
    await until(() => hashedPaths(first.output()).length >= 20, 120 * 1000, 'some items to be hashed')
    first.child.kill('SIGKILL')
    await first.exited
    const finished = new Set(hashedPaths(first.output()))
    expect(finished.size).toBeGreaterThanOrEqual(20)

    const second = startCli()
    try {
      await until(() => /ingest\.scan_done/.test(second.output()), 150 * 1000, 'the second scan')
      const rehashed = hashedPaths(second.output())
      expect(rehashed.filter(relativePath => finished.has(relativePath))).toEqual([]) // nothing finished is hashed twice
      expect(finished.size + rehashed.length).toBe(FILES) // and nothing is missing
      expect(second.output()).toMatch(/ingest\.scan_done items=240 /)
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  })
})
