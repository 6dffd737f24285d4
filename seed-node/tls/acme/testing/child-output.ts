/**
 * Child processes of the ACME test servers (pebble, challtestsrv): started with their output
 * collected, and stopped. Shared by the unit-test harness (pebble-server.ts) and the LAN
 * harness (e2e/lan/lan-pebble.ts); no X.509 here, so either may load it as is.
 */
import { spawn, type ChildProcess } from 'node:child_process'

/** Starts `command` with its stdout and stderr appended to `output`. */
export function run (command: string, args: string[], env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk: string) => { output.push(chunk) })
  return child
}

/** SIGTERM, and waits for the exit (at once when it has already exited). */
export async function stopChild (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>(resolve => { child.once('exit', () => { resolve() }).kill('SIGTERM') })
}
