/**
 * `--live-record` on a disk that fills up: the seed node runs in a mount namespace of its
 * own (`unshare -rm`) in which the record folder is a 1.5 MB tmpfs, so a real write fails
 * with ENOSPC after a few seconds of a testsrc channel. The failure is logged, the file is cut
 * at its last whole segment and still reads as MP4, and the channel plays on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile, spawnSync } from 'node:child_process'
import { mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { LiveListReply, liveFilePath } from '../../../protocol/api/live.ts'
import { FFPROBE_COMMAND } from '../../editions/ffprobe-media.ts'
import { spawnLauncher, type Launcher } from '../../testing/cli-process.ts'
import { api } from '../../testing/seed-node-api.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../../testing/seed-node-process.ts'

const run = promisify(execFile)
const TIMEOUT_MS = 90 * 1000
const DISK = '1536k'

/** Whether this machine lets an unprivileged user namespace mount a tmpfs (CI containers usually do). */
const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /tmp'], { stdio: 'ignore' }).status === 0

let stateDir = ''
let node: SeedNodeProcess | null = null
/** unshare, sh and then node run as one process (each execs the next): the node's pid. */
let nodePid = 0

const running = (): SeedNodeProcess => {
  if (node === null) throw new Error('the seed node starts in beforeAll')
  return node
}

/** The seed node with `dir` a small tmpfs seen by it alone. */
function onSmallDisk (dir: string): Launcher {
  return (command, args, cwd, env) => {
    const launched = spawnLauncher('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=${DISK} tmpfs "$0" && exec "$@"`, dir, command, ...args], cwd, env)
    nodePid = launched.child.pid ?? 0
    return launched
  }
}

beforeAll(async () => {
  if (!canMount) return
  stateDir = await makeStateDir()
  const recordDir = path.join(stateDir, 'rec')
  await mkdir(recordDir)
  node = await startSeedNodeProcess({ stateDir, launch: onSmallDisk(recordDir), args: ['--live', 'Cam=testsrc', '--live-window', '10', '--live-record', 'Cam=1m', '--live-record-dir', recordDir] })
}, TIMEOUT_MS)

afterAll(async () => {
  await node?.stop()
  if (stateDir) await removeDir(stateDir)
})

describe.skipIf(!canMount)('a full recording disk', () => {
  it('is logged, pauses recording, leaves readable files, and the channel plays on', async () => {
    await expect.poll(() => /live\.record_paused channel=Cam error=ENOSPC/.test(running().output()), { timeout: TIMEOUT_MS, interval: 500 }).toBe(true)
    expect(running().output()).toContain('the recording disk is full')
    const channel = LiveListReply.parse((await api(running(), 'GET', '/api/live')).json).channels[0]
    expect(channel?.state).toBe('online')
    const playlistUrl = new URL(liveFilePath(running().credential, channel?.id ?? '', 'index.m3u8'), running().url)
    const before = await (await fetch(playlistUrl)).text()
    await expect.poll(async () => await (await fetch(playlistUrl)).text(), { timeout: 20_000 }).not.toBe(before)
    // The tmpfs is the node's alone: its files are read through the node's mount namespace.
    const dir = `/proc/${nodePid}/root${path.join(stateDir, 'rec', 'Cam')}`
    const files = (await readdir(dir)).filter(name => name.endsWith('.mp4'))
    expect(files.length).toBeGreaterThan(0)
    for (const name of files) {
      const { stdout } = await run(FFPROBE_COMMAND, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path.join(dir, name)])
      expect(Number(stdout.trim()), name).toBeGreaterThan(0)
    }
  }, 2 * TIMEOUT_MS)
})
