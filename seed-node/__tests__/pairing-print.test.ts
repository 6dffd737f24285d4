/**
 * The pairing link carries the key, and stdout ends up in the system journal: the seed node
 * prints it on its first start only, and `npm run pair` (seed-node/pair-cli.ts) prints it on
 * demand from the state folder, naming the running node's address. Real processes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startCli, type Exit } from '../testing/cli-process.ts'
import { REPO_ROOT, startSeedNodeProcess } from '../testing/seed-node-process.ts'
import { shouldPrintPairing } from '../access/pairing-print-policy.ts'

const KEY_IN_LINK = /\/pair#key=([A-Za-z0-9_-]{43})/g
const CLI_TIMEOUT_MS = 30 * 1000

let scratch: string

beforeAll(async () => { scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-pairing-')) })
afterAll(async () => { await rm(scratch, { recursive: true, force: true }) })

/** Runs `npm run pair -- <args>` as its script line does, to its exit. */
async function runPair (args: string[]): Promise<Exit & { stdout: string, stderr: string }> {
  const cli = startCli(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'seed-node/pair-cli.ts'), ...args], REPO_ROOT)
  const timer = setTimeout(() => { void cli.launched.signal('SIGKILL') }, CLI_TIMEOUT_MS)
  const exit = await cli.exited
  clearTimeout(timer)
  return { ...exit, stdout: cli.stdout(), stderr: cli.stderr() }
}

const keyFile = async (state: string): Promise<string> => (await readFile(path.join(state, 'library-key'), 'utf8')).trim()

describe('pairing link on stdout', () => {
  it('decides by first start alone', () => {
    expect(shouldPrintPairing({ firstStart: true })).toBe(true)
    expect(shouldPrintPairing({ firstStart: false })).toBe(false)
  })

  it('is printed on the first start, not on the next; `npm run pair` prints it on demand', async () => {
    const state = path.join(scratch, 'state')
    const first = await startSeedNodeProcess({ stateDir: state, waitForScan: false })
    let firstOutput: string
    try {
      firstOutput = first.output()
    } finally {
      await first.stop()
    }
    const key = await keyFile(state)
    expect([...firstOutput.matchAll(KEY_IN_LINK)].map(match => match[1])).toContain(key)

    const second = await startSeedNodeProcess({ stateDir: state, waitForScan: false })
    try {
      expect(second.output()).not.toContain('#key=')
      expect(second.output()).not.toContain(key)
      expect(second.output()).toContain('npm run pair')
      // The harness still pairs devices: it makes the link from the state folder.
      expect(second.pairingLink).toBe(`${second.url}/pair#key=${key}`)

      const pair = await runPair(['--state', state, '--port', String(second.port)])
      expect(pair.code).toBe(0)
      const links = [...pair.stdout.matchAll(/(https?:\/\/\S+)\/pair#key=([A-Za-z0-9_-]{43})/g)]
      expect(links.length).toBeGreaterThanOrEqual(1)
      for (const [, origin, linkKey] of links) {
        expect(linkKey).toBe(key)
        expect(origin).toMatch(/^https?:\/\//)
      }
      // Named by the running node (or, before /api/reach exists, by --host/--port): it answers there.
      expect(links.map(([, origin]) => origin)).toContain(second.url)
      expect(pair.stdout).toContain('█') // the QR code
      expect(pair.stdout).toContain('share it only with your own devices')
    } finally {
      await second.stop()
    }
  }, 120 * 1000)

  it('`npm run pair` without a household says so and makes no key', async () => {
    const empty = path.join(scratch, 'empty-state')
    const pair = await runPair(['--state', empty])
    expect(pair.code).toBe(2)
    expect(pair.stderr).toContain(`hearth pair: no household in ${empty} yet`)
    expect(await readdir(scratch)).not.toContain('empty-state')
  })
})
