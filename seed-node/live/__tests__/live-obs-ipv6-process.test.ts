/**
 * A seed node listening on IPv6 (`--host ::1`) with a channel OBS pushes to: the terminal
 * and `/api/live` both name OBS's Server URL with the address bracketed once, as a URL
 * writes it (`new URL().hostname` keeps the brackets, a parsed Host header did not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { liveChannel } from '../../testing/live-channel-api.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../../testing/seed-node-process.ts'

const START_TIMEOUT_MS = 60 * 1000

let stateDir = ''
let node: SeedNodeProcess | null = null

const running = (): SeedNodeProcess => {
  if (node === null) throw new Error('the seed node starts in beforeAll')
  return node
}

beforeAll(async () => {
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, host: '::1', args: ['--live', 'Studio=rtmp-push', '--live-rtmp-port', '0'] })
}, START_TIMEOUT_MS)

afterAll(async () => {
  await node?.stop()
  if (stateDir) await removeDir(stateDir)
})

describe('OBS\'s settings on an IPv6 address', () => {
  it('name rtmp://[::1]:<port>/live in the terminal and in /api/live', async () => {
    const { obs } = await liveChannel(running(), 'Studio')
    expect(obs?.serverUrl).toMatch(/^rtmp:\/\/\[::1\]:\d+\/live$/)
    const printed = /Server {6}(\S+)/.exec(running().output())?.[1]
    expect(printed).toBe(obs?.serverUrl)
  })
})
