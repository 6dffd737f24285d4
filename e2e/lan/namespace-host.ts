/**
 * One host of the test LAN: a network namespace with no name, owned by a holder process.
 *
 * Why unnamed: `ip netns add` mounts under /run/netns, which is shared by the whole
 * machine, so parallel runs could collide and a crashed run would leave mounts behind. A
 * namespace held by a process disappears when its last process exits. The holder is
 * `unshare -n cat` reading a pipe from this test process: when the test process ends for any
 * reason (even SIGKILL) the pipe closes, `cat` reads end-of-file and exits, and the host is
 * gone with everything in it.
 *
 * Programs run inside with `nsenter -t <holder pid> -n` (network namespace only: the file
 * system, users and processes are shared with the test, so paths and binaries are the same).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { readlink } from 'node:fs/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)
/** Bound on a single `ip`/`nsenter` configuration command. */
const COMMAND_TIMEOUT_MS = 10 * 1000
/** Bound on the holder's exit once its pipe is closed. */
const HOLDER_EXIT_TIMEOUT_MS = 5 * 1000

export interface NamespaceHost {
  name: string
  /** The holder's process id: `nsenter -t <pid> -n` enters this host's network. */
  pid: number
  /** The command and arguments that run `command args…` inside this host's network namespace. */
  wrap: (command: string, args: string[]) => { command: string, args: string[] }
  /** Runs a command inside the host to its end; rejects with its stderr on failure. */
  exec: (command: string, args: string[]) => Promise<string>
  /** Ends the holder (and with it the namespace, once the programs started in it are gone). Idempotent. */
  close: () => Promise<void>
}

export async function execBounded (command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, { timeout: COMMAND_TIMEOUT_MS })
    return stdout
  } catch (err) {
    const stderr = typeof err === 'object' && err !== null && 'stderr' in err ? String(err.stderr) : ''
    throw new Error(`${command} ${args.join(' ')} failed: ${err instanceof Error ? err.message : String(err)} ${stderr}`.trim(), { cause: err })
  }
}

function exited (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => child.once('exit', () => resolve()))
}

/** Starts a new host; resolves once its namespace exists (the holder has unshared). */
export async function startNamespaceHost (name: string): Promise<NamespaceHost> {
  const holder = spawn('unshare', ['-n', '--', 'cat'], { stdio: ['pipe', 'ignore', 'pipe'] })
  const pid = holder.pid
  if (pid === undefined) throw new Error(`could not start the holder of host ${name}`)
  const wrap = (command: string, args: string[]): { command: string, args: string[] } =>
    ({ command: 'nsenter', args: ['-t', String(pid), '-n', '--', command, ...args] })
  const close = async (): Promise<void> => {
    holder.stdin?.end()
    const timer = setTimeout(() => holder.kill('SIGKILL'), HOLDER_EXIT_TIMEOUT_MS)
    await exited(holder)
    clearTimeout(timer)
  }
  const host: NamespaceHost = {
    name,
    pid,
    wrap,
    exec: async (command, args) => { const wrapped = wrap(command, args); return await execBounded(wrapped.command, wrapped.args) },
    close
  }
  try {
    await waitUntilUnshared(pid)
    return host
  } catch (err) {
    await close()
    throw err
  }
}

/** `unshare` execs `cat` after it has created the namespace: wait until the holder's netns differs from ours. */
async function waitUntilUnshared (pid: number): Promise<void> {
  const ours = await readlink('/proc/self/ns/net')
  const deadline = Date.now() + COMMAND_TIMEOUT_MS
  for (;;) {
    const theirs = await readlink(`/proc/${pid}/ns/net`).catch(() => ours)
    if (theirs !== ours) return
    if (Date.now() > deadline) throw new Error(`host holder ${pid} did not enter a new network namespace`)
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}
