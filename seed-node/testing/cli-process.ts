/**
 * A command-line program started for a test or a benchmark: its output collected as it
 * arrives, waits on that output driven by the output itself (no polling), and a way to
 * signal it and wait for its exit. How it is started is pluggable, so the benchmarks can
 * run the same program under `/usr/bin/time -v` (bench/support/measured-process.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'

/** A started program: its child process, and how to deliver a signal and wait for the exit. */
export interface LaunchedProcess {
  child: ChildProcess
  /** Delivers `signal` to the program and resolves once it has exited. */
  signal: (signal: NodeJS.Signals) => Promise<void>
}

/** `env`: variables added to this process's environment for the program. */
export type Launcher = (command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) => LaunchedProcess

export interface Exit { code: number | null, signal: NodeJS.Signals | null }

/** The default launcher: the program as a plain child process, output piped, no colours. */
export const spawnLauncher: Launcher = (command, args, cwd, env = {}) => {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, FORCE_COLOR: '0' } })
  const exited = exitOf(child)
  return {
    child,
    signal: async signal => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    }
  }
}

/** The default launcher with more environment variables (`HEARTH_FFPROBE` pointing at no program: a seed node without ffmpeg). */
export function launcherWithEnv (env: Record<string, string>): Launcher {
  return (command, args, cwd, more = {}) => spawnLauncher(command, args, cwd, { ...env, ...more })
}

function exitOf (child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise(resolve => child.once('close', (code, signal) => resolve({ code, signal })))
}

export interface CliProcess {
  launched: LaunchedProcess
  /** Everything printed so far, stdout and stderr interleaved as they arrived. */
  output: () => string
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit, once the program is gone and its output read to the end. */
  exited: Promise<Exit>
  /**
   * Resolves once `condition` holds for the output so far (checked on every chunk) and
   * returns its match; rejects if the program exits first or `timeoutMs` passes.
   */
  waitForOutput: (condition: RegExp | ((output: string) => boolean), timeoutMs: number) => Promise<RegExpExecArray | null>
}

export function startCli (command: string, args: string[], cwd: string, launch: Launcher = spawnLauncher, env?: NodeJS.ProcessEnv): CliProcess {
  const launched = launch(command, args, cwd, env)
  const { child } = launched
  let output = ''
  let stdout = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  child.stdout?.on('data', (chunk: Buffer) => { const text = chunk.toString(); output += text; stdout += text; for (const listener of listeners) listener() })
  child.stderr?.on('data', (chunk: Buffer) => { const text = chunk.toString(); output += text; stderr += text; for (const listener of listeners) listener() })
  const exited = exitOf(child)
  let gone = false
  void exited.then(() => { gone = true; for (const listener of listeners) listener() })

  const waitForOutput: CliProcess['waitForOutput'] = async (condition, timeoutMs) => await new Promise((resolve, reject) => {
    const test = (): { done: boolean, match: RegExpExecArray | null } => {
      if (typeof condition === 'function') return { done: condition(output), match: null }
      const match = condition.exec(output)
      return { done: match !== null, match }
    }
    const check = (): void => {
      const { done, match } = test()
      if (done) finish(() => resolve(match))
      else if (gone) finish(() => reject(new Error(`${command} exited before printing what was awaited (${String(condition)}):\n${output.slice(-4000)}`)))
    }
    const timer = setTimeout(() => finish(() => reject(new Error(`${command} did not print what was awaited (${String(condition)}) within ${timeoutMs} ms:\n${output.slice(-4000)}`))), timeoutMs)
    const finish = (settle: () => void): void => { clearTimeout(timer); listeners.delete(check); settle() }
    listeners.add(check)
    check()
  })

  return { launched, output: () => output, stdout: () => stdout, stderr: () => stderr, exited, waitForOutput }
}
