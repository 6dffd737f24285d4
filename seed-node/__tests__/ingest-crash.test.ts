/**
 * SIGKILL in the middle of a first ingest, then restart: the state folder is consistent,
 * every item whose hashing had finished is served again without hashing, and the rest are
 * hashed. Runs the real CLI as a child process.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startSeedNodeProcess, type SeedNodeProcess } from '../testing/seed-node-process.ts'

const FILES = 240
const FILE_BYTES = 256 * 1024
const FIRST_HASHED = 20

let scratch: string
let library: string
let stateDir: string

/** The CLI on the test library, not waiting for the first scan (the test watches it). */
async function startCli (): Promise<SeedNodeProcess> {
  return await startSeedNodeProcess({ library, stateDir, args: ['--rescan-interval', '3600'], waitForScan: false, startupTimeoutMs: 120 * 1000 })
}

function hashedPaths (output: string): string[] {
  return [...output.matchAll(/ingest\.hashed path=("(?:[^"\\]|\\.)*"|\S+)/g)].map(match => {
    const raw = match[1] ?? ''
    return raw.startsWith('"') ? JSON.parse(raw) as string : raw
  })
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
    const first = await startCli()
    await first.cli.waitForOutput(output => hashedPaths(output).length >= FIRST_HASHED, 120 * 1000)
    await first.kill()
    const finished = new Set(hashedPaths(first.output()))
    expect(finished.size).toBeGreaterThanOrEqual(FIRST_HASHED)

    const second = await startCli()
    try {
      await second.cli.waitForOutput(/ingest\.scan_done/, 150 * 1000)
      const rehashed = hashedPaths(second.output())
      expect(rehashed.filter(relativePath => finished.has(relativePath))).toEqual([]) // nothing finished is hashed twice
      expect(finished.size + rehashed.length).toBe(FILES) // and nothing is missing
      expect(second.output()).toMatch(/ingest\.scan_done items=240 /)
    } finally {
      await second.stop()
    }
  })
})
