/**
 * A channel OBS pushes to, in a real seed node, with a real RTMP publisher (ffmpeg, as OBS
 * would send): offline "waiting for OBS" until a publisher with the right key comes; a wrong
 * key refused; a second publisher refused without breaking the first; offline again when
 * the publisher stops, and back when it pushes again; repeated wrong keys ban the address.
 * And `--live-record` on that channel: finished files ffprobe reads (starting at 0), no
 * half-written file under a final name, old files pruned, the user's own files left alone,
 * and the refusals of bad values at start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import type { LiveChannel } from '../../../protocol/api/live.ts'
import { FFPROBE_COMMAND } from '../../editions/ffprobe-media.ts'
import { publishRtmp, type RtmpPublisher } from '../../testing/rtmp-publisher.ts'
import { liveChannel } from '../../testing/live-channel-api.ts'
import { makeStateDir, removeDir, refusalOf, runSeedNodeCli, SAMPLE_LIBRARY, startSeedNodeProcess, type SeedNodeProcess } from '../../testing/seed-node-process.ts'
import { recordFileBound } from '../record/record-spec.ts'

const run = promisify(execFile)
const ONLINE_TIMEOUT_MS = 60 * 1000
const POLL_MS = 500
const KEEP_MS = 60 * 1000
const BAN_MAX_RETRY = 3

let stateDir = ''
let recordDir = ''
let node: SeedNodeProcess | null = null
const publishers: RtmpPublisher[] = []

const running = (): SeedNodeProcess => {
  if (node === null) throw new Error('the seed node starts in beforeAll')
  return node
}

async function waitState (state: LiveChannel['state']): Promise<LiveChannel> {
  const deadline = Date.now() + ONLINE_TIMEOUT_MS
  while (Date.now() < deadline) {
    const channel = await liveChannel(running(), 'Studio')
    if (channel.state === state) return channel
    await new Promise(resolve => setTimeout(resolve, POLL_MS))
  }
  throw new Error(`Studio did not become ${state} within ${ONLINE_TIMEOUT_MS} ms:\n${running().output().slice(-2000)}`)
}

async function publishUrl (key?: string): Promise<string> {
  const { obs } = await liveChannel(running(), 'Studio')
  if (obs == null) throw new Error('Studio has no OBS settings')
  return `${obs.serverUrl}/${key ?? obs.streamKey}`
}

function publish (url: string): RtmpPublisher {
  const publisher = publishRtmp(url)
  publishers.push(publisher)
  return publisher
}

const OLD_RECORDING = '2020-01-01 00.00.00.mp4'
const USER_FILE = 'my notes.txt'

beforeAll(async () => {
  stateDir = await makeStateDir()
  recordDir = path.join(stateDir, 'rec')
  // What an earlier run left: a recording past the window (pruned) and a file of the user's (kept).
  await mkdir(path.join(recordDir, 'Studio'), { recursive: true })
  await writeFile(path.join(recordDir, 'Studio', OLD_RECORDING), 'old')
  await writeFile(path.join(recordDir, 'Studio', USER_FILE), 'mine')
  const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
  await utimes(path.join(recordDir, 'Studio', OLD_RECORDING), longAgo, longAgo)
  await utimes(path.join(recordDir, 'Studio', USER_FILE), longAgo, longAgo)
  node = await startSeedNodeProcess({
    stateDir,
    args: ['--live', 'Studio=rtmp-push', '--live-rtmp-port', '0', '--live-window', '10', '--live-segment', '1', '--live-record', 'Studio=1m', '--live-record-dir', recordDir, '--ban-max-retry', String(BAN_MAX_RETRY)]
  })
}, ONLINE_TIMEOUT_MS)

afterAll(async () => {
  await Promise.all(publishers.map(async publisher => await publisher.stop()))
  await node?.stop()
  if (stateDir) await removeDir(stateDir)
})

describe('a channel OBS pushes to', () => {
  it('waits for OBS, and shows the household where to push with which key', async () => {
    const channel = await waitState('offline')
    expect(channel.reason).toBe('waiting for OBS to start streaming')
    expect(channel.obs?.serverUrl).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/live$/)
    expect(channel.obs?.streamKey).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(running().output()).toContain(`Stream key  ${channel.obs?.streamKey ?? ''}`)
  })

  it('refuses a wrong stream key, and the channel stays offline', async () => {
    const wrong = publish(await publishUrl('not-the-key'))
    const exit = await wrong.exited
    expect(exit.code).not.toBe(0)
    expect(exit.stderr).toContain('wrong stream key')
    expect((await liveChannel(running(), 'Studio')).state).toBe('offline')
    expect(running().output()).toMatch(/live\.push_refused address=127\.0\.0\.1 app=live reason="wrong stream key" banned=false/)
  }, ONLINE_TIMEOUT_MS)

  it('plays what OBS pushes; a second publisher is refused and the first goes on', async () => {
    publish(await publishUrl())
    const online = await waitState('online')
    expect(online.reason).toBeNull()
    const second = publish(await publishUrl())
    const exit = await second.exited
    expect(exit.code).not.toBe(0)
    expect(exit.stderr).toContain('another publisher is streaming to this channel')
    // The first publisher's segments keep coming: the playlist changes after the refusal.
    const playlistUrl = new URL(`/live/${running().credential}/${online.id}/index.m3u8`, running().url)
    const before = await (await fetch(playlistUrl)).text()
    await expect.poll(async () => await (await fetch(playlistUrl)).text(), { timeout: 20_000 }).not.toBe(before)
    expect((await liveChannel(running(), 'Studio')).state).toBe('online')
  }, 2 * ONLINE_TIMEOUT_MS)

  it('is offline, waiting for OBS, when OBS stops, and comes back when it pushes again', async () => {
    await Promise.all(publishers.map(async publisher => await publisher.stop()))
    const offline = await waitState('offline')
    expect(offline.reason).toBe('waiting for OBS to start streaming')
    publish(await publishUrl())
    await waitState('online')
  }, 2 * ONLINE_TIMEOUT_MS)
})

describe('recording the channel (--live-record)', () => {
  it('keeps finished MP4 files that ffprobe reads from 0, prunes the old ones, and leaves the user\'s files', async () => {
    const dir = path.join(recordDir, 'Studio')
    const finished = async (): Promise<string[]> => (await readdir(dir)).filter(name => /^\d{4}-.*\.mp4$/.test(name))
    await expect.poll(async () => (await finished()).length, { timeout: ONLINE_TIMEOUT_MS, interval: POLL_MS }).toBeGreaterThanOrEqual(3)
    const names = await readdir(dir)
    expect(names).not.toContain(OLD_RECORDING)
    expect(names).toContain(USER_FILE)
    // At most one file is being written, and only under a hidden temporary name.
    expect(names.filter(name => name.endsWith('.part')).every(name => name.startsWith('.'))).toBe(true)
    expect(names.filter(name => name.endsWith('.part')).length).toBeLessThanOrEqual(1)
    // Two runs of the publisher so far, each cutting a file of its own.
    expect((await finished()).length).toBeLessThanOrEqual(recordFileBound(KEEP_MS, 2))
    for (const name of await finished()) {
      const { stdout } = await run(FFPROBE_COMMAND, ['-v', 'error', '-show_entries', 'format=start_time,duration:stream=codec_name', '-of', 'json', path.join(dir, name)])
      const probe = JSON.parse(stdout) as { format: { start_time: string, duration: string }, streams: Array<{ codec_name: string }> }
      expect(probe.streams.map(stream => stream.codec_name).sort(), name).toEqual(['aac', 'h264'])
      expect(Number(probe.format.start_time), name).toBeLessThan(0.5)
      expect(Number(probe.format.duration), name).toBeGreaterThan(0.5)
    }
  }, 2 * ONLINE_TIMEOUT_MS)
})

describe('wrong keys and bans', () => {
  it('bans an address after --ban-max-retry wrong keys: then even the right key is not heard', async () => {
    const url = await publishUrl()
    // One wrong key was sent above; the rest of the allowance now.
    for (let attempt = 1; attempt < BAN_MAX_RETRY; attempt++) {
      const exit = await publish(url.replace(/[^/]+$/, `wrong-${attempt}`)).exited
      expect(exit.stderr).toContain('wrong stream key')
    }
    expect(running().output()).toMatch(/live\.push_refused address=127\.0\.0\.1 app=live reason="wrong stream key" banned=true/)
    await Promise.all(publishers.map(async publisher => await publisher.stop()))
    const banned = await publish(url).exited
    expect(banned.code).not.toBe(0)
    expect(banned.stderr).not.toContain('another publisher')
  }, 2 * ONLINE_TIMEOUT_MS)
})

describe('refused at start with one line', () => {
  const lines = (stderr: string): string[] => stderr.split('\n').filter(line => line.startsWith('hearth:'))
  it.each([
    [['--live', 'Cam=testsrc', '--live-record', 'Cam=24'], 'hearth: --live-record "Cam" must be hours or minutes ("24h", "90m"), got "24"'],
    [['--live', 'Cam=testsrc', '--live-record', 'Nope=1h'], 'hearth: --live-record names "Nope", which is no --live channel'],
    [['--live', 'Studio=rtmp-push', '--live-rtmp-port', '70000'], 'hearth: --live-rtmp-port must be an integer 0-65535, got 70000']
  ])('%j', async (args, line) => {
    expect(await refusalOf(args)).toEqual({ code: 2, lines: [line] })
  })

  it('a record folder inside the library, which is not made', async () => {
    const inside = path.join(SAMPLE_LIBRARY, 'Recordings')
    const scratch = await makeStateDir()
    try {
      const outcome = await runSeedNodeCli(['--live', 'Cam=testsrc', '--live-record', 'Cam=1h', '--live-record-dir', inside, '--state', scratch, '--port', '0'])
      expect(outcome.code).toBe(2)
      expect(lines(outcome.stderr)).toEqual([`hearth: --live-record-dir ${inside} must be outside the library ${SAMPLE_LIBRARY} (Hearth does not write into it); add the folder to a library yourself`])
      expect(await stat(inside).catch(() => null)).toBeNull()
    } finally {
      await removeDir(scratch)
    }
  })

  it('an RTMP port in use', async () => {
    const taken = net.createServer()
    await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as net.AddressInfo).port
    const scratch = await makeStateDir()
    try {
      const outcome = await runSeedNodeCli(['--live', 'Studio=rtmp-push', '--live-rtmp-port', String(port), '--state', scratch, '--port', '0'])
      expect(outcome.code).toBe(2)
      expect(lines(outcome.stderr)).toEqual([`hearth: --live-rtmp-port ${port} on 127.0.0.1 is in use (another RTMP server?): choose another port`])
    } finally {
      taken.close()
      await removeDir(scratch)
    }
  })
})
