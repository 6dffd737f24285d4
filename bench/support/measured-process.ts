/**
 * Runs a program the way the benchmarks measure it: from outside, under `/usr/bin/time -v`
 * (peak RSS, user and system CPU seconds), in a process group of its own so `stop()` can
 * end it and anything it started. `sample()` reads the live process's CPU time and RSS
 * from /proc for measuring one phase of a long-running server.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'

const CLOCK_TICKS_PER_SEC = 100 // Linux USER_HZ
const STOP_GRACE_MS = 10 * 1000

export interface TimeReport {
  maxRssKiB: number
  userSec: number
  systemSec: number
  wallSec: number
}

export interface ProcSample {
  /** user + system CPU seconds so far. */
  cpuSec: number
  rssKiB: number
  /** peak RSS so far (VmHWM). */
  peakRssKiB: number
}

export interface MeasuredProcess {
  child: ChildProcess
  output: () => string
  /** Resolves when `pattern` appears in the output; returns the match. */
  waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpExecArray>
  /** The measured program's own pid (the child of `time`). */
  pid: () => Promise<number>
  sample: () => Promise<ProcSample>
  /** SIGTERM to the program (so `time` reports), then SIGKILL to the group after a grace period. */
  stop: (signal?: NodeJS.Signals) => Promise<TimeReport | null>
  exited: Promise<TimeReport | null>
}

/** Every group started and not yet stopped, for the runner's last-resort cleanup. */
const live = new Set<number>()

/** Signals a process or group that may already be gone: a vanished target is what we wanted. */
function signalIfAlive (target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal)
  } catch {
    // ESRCH: it has exited already.
  }
}

export function killAllMeasured (): void {
  for (const pgid of live) signalIfAlive(-pgid, 'SIGKILL')
  live.clear()
}

export function parseTimeReport (stderr: string): TimeReport | null {
  const num = (label: string): number => {
    const match = new RegExp(`${label}:\\s*([\\d.]+)`).exec(stderr)
    return match ? Number(match[1]) : NaN
  }
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*([\d:.]+)/.exec(stderr)?.[1]
  if (!/Maximum resident set size/.test(stderr)) return null
  const wallSec = wall ? wall.split(':').map(Number).reduce((acc, part) => acc * 60 + part, 0) : NaN
  return { maxRssKiB: num('Maximum resident set size \\(kbytes\\)'), userSec: num('User time \\(seconds\\)'), systemSec: num('System time \\(seconds\\)'), wallSec }
}

async function procSample (pid: number): Promise<ProcSample> {
  const [stat, status] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/status`, 'utf8')])
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14, 15 of the full line)
  const kib = (key: string): number => Number(new RegExp(`${key}:\\s*(\\d+)`).exec(status)?.[1] ?? NaN)
  return { cpuSec: ticks / CLOCK_TICKS_PER_SEC, rssKiB: kib('VmRSS'), peakRssKiB: kib('VmHWM') }
}

export function startMeasured (command: string, args: string[], options: { cwd?: string, env?: NodeJS.ProcessEnv } = {}): MeasuredProcess {
  const child = spawn('/usr/bin/time', ['-v', command, ...args], {
    cwd: options.cwd, env: { ...process.env, FORCE_COLOR: '0', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true
  })
  const pgid = child.pid!
  live.add(pgid)
  let output = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { const text = chunk.toString(); output += text; stderr += text })
  const exited = new Promise<TimeReport | null>(resolve => child.once('close', () => { live.delete(pgid); resolve(parseTimeReport(stderr)) }))

  const pid = async (): Promise<number> => {
    for (let tries = 0; tries < 200; tries++) {
      const children = await readFile(`/proc/${pgid}/task/${pgid}/children`, 'utf8').catch(() => '')
      const first = Number(children.trim().split(/\s+/)[0])
      if (first > 0) return first
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    throw new Error(`${command} did not start`)
  }

  return {
    child,
    output: () => output,
    exited,
    pid,
    sample: async () => await procSample(await pid()),
    waitFor: async (pattern, timeoutMs) => await new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = pattern.exec(output)
        if (match) { cleanup(); resolve(match) }
        return match !== null
      }
      const onExit = (): void => { cleanup(); reject(new Error(`${command} exited before printing ${pattern}:\n${output.slice(-3000)}`)) }
      const timer = setTimeout(() => { cleanup(); reject(new Error(`${command} did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-3000)}`)) }, timeoutMs)
      const cleanup = (): void => { clearTimeout(timer); child.stdout!.off('data', check); child.stderr!.off('data', check); child.off('close', onExit) }
      if (check()) return
      child.stdout!.on('data', check)
      child.stderr!.on('data', check)
      child.once('close', onExit)
    }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return await exited
      signalIfAlive(await pid(), signal)
      const timer = setTimeout(() => signalIfAlive(-pgid, 'SIGKILL'), STOP_GRACE_MS)
      const report = await exited
      clearTimeout(timer)
      signalIfAlive(-pgid, 'SIGKILL') // anything the program left behind
      return report
    }
  }
}

/** Runs a command to completion under `time -v`. */
export async function runMeasured (command: string, args: string[], options: { cwd?: string } = {}): Promise<{ report: TimeReport | null, output: string, code: number | null }> {
  const proc = startMeasured(command, args, options)
  const report = await proc.exited
  return { report, output: proc.output(), code: proc.child.exitCode }
}

export const mib = (kib: number): string => Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MiB` : 'n/a'
