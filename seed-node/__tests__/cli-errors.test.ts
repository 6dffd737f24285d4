/**
 * What a user sees when they get the command line wrong: one line naming the problem and
 * exit code 2, never a stack trace. Runs the real CLI as a child process.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runSeedNodeCli as runCli } from '../testing/seed-node-process.ts'
import { holdBusyPort } from '../testing/busy-port.ts'

type Outcome = Awaited<ReturnType<typeof runCli>>

/** The one line the CLI printed on stderr, ignoring npm/node warnings about config. */
function errorLines (outcome: Outcome): string[] {
  return outcome.stderr.split('\n').filter(line => line.startsWith('hearth:'))
}

let scratch: string

beforeAll(async () => { scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-cli-')) })
afterAll(async () => { await rm(scratch, { recursive: true, force: true }) })

describe('seed node command line', () => {
  it('prints help and exits 0', async () => {
    const outcome = await runCli(['--help'])
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toContain('--library <folder>')
    expect(outcome.stdout).toContain('--no-web-seed')
  })

  it('names a missing library folder in one line', async () => {
    const missing = path.join(scratch, 'no-such-library')
    const outcome = await runCli(['--library', missing, '--state', path.join(scratch, 'state-a'), '--port', '0'])
    expect(outcome.code).toBe(2)
    expect(errorLines(outcome)).toEqual([`hearth: library folder not found: ${missing}`])
  })

  it('refuses a library path that is a file', async () => {
    const file = path.join(scratch, 'film.mp4')
    await writeFile(file, 'not a folder')
    const outcome = await runCli(['--library', file, '--state', path.join(scratch, 'state-b'), '--port', '0'])
    expect(outcome.code).toBe(2)
    expect(errorLines(outcome)).toEqual([`hearth: library path is not a folder: ${file}`])
  })

  it('refuses a state folder inside the library, which is read-only to Hearth', async () => {
    const library = path.join(scratch, 'library')
    await mkdir(library, { recursive: true })
    const outcome = await runCli(['--library', library, '--state', path.join(library, '.state'), '--port', '0'])
    expect(outcome.code).toBe(2)
    expect(errorLines(outcome)[0]).toMatch(/state folder .* is inside the library/)
  })

  it('names the port when it is already in use', async () => {
    const { port, release } = await holdBusyPort()
    try {
      const outcome = await runCli(['--state', path.join(scratch, 'state-c'), '--host', '127.0.0.1', '--port', String(port)])
      expect(outcome.code).toBe(2)
      expect(errorLines(outcome)).toEqual([`hearth: port ${port} on 127.0.0.1 is already in use (choose another with --port)`])
    } finally {
      await release()
    }
  })

  it('names an unknown option', async () => {
    const outcome = await runCli(['--libary', '/tmp'])
    expect(outcome.code).toBe(2)
    expect(errorLines(outcome)[0]).toContain("'--libary'")
  })

  it('refuses an out-of-range number', async () => {
    const outcome = await runCli(['--port', '70000'])
    expect(outcome.code).toBe(2)
    expect(errorLines(outcome)).toEqual(['hearth: --port must be an integer 0-65535, got 70000'])
  })
})
