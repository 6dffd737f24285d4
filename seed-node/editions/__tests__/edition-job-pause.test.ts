/**
 * A background edition run (`--editions ahead`) holds still while a device waits for
 * another one: the real ffmpeg process is stopped (SIGSTOP, state `T` in /proc) and goes on
 * afterwards (SIGCONT), at the lowest CPU priority. ffmpeg reads a real-time test source
 * here, so it is still running whatever the machine's speed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { EditionJob } from '../edition-job.ts'
import { removeDir } from '../../testing/seed-node-process.ts'

const procState = async (pid: number): Promise<string> => (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ')[0] ?? '?'
const niceness = async (pid: number): Promise<number> => Number((await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ')[16])

let dir = ''
let job: EditionJob | null = null

afterEach(async () => {
  job?.stop()
  await job?.done
  if (dir) await removeDir(dir)
})

describe('a background edition run', () => {
  it('is stopped while paused and goes on when let go, at the lowest priority', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-edition-job-'))
    job = new EditionJob(dir, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=10:duration=60',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'hls', '-hls_time', '1', '-hls_segment_type', 'fmp4', '-hls_segment_filename', `${dir}/seg-%05d.m4s`, `${dir}/index.m3u8`], 0)
    const pid = job.pid
    if (pid === undefined) throw new Error('ffmpeg did not start')
    job.runInBackground()
    expect(await niceness(pid)).toBe(19)
    job.setPaused(true)
    await expect.poll(async () => await procState(pid)).toBe('T')
    expect(job.paused).toBe(true)
    job.setPaused(false)
    await expect.poll(async () => await procState(pid)).not.toBe('T')
    expect(job.state.kind).toBe('running')
  })
})
