/**
 * The stand-alone Hearth tracker (`npm run tracker`, tracker/cli.ts) as a child process on
 * 127.0.0.1 and a port chosen at run time: the "external tracker" a household can give the
 * seed node with `--tracker`.
 */
import path from 'node:path'
import { startCli, type CliProcess } from '../../seed-node/testing/cli-process.ts'
import { REPO_ROOT } from '../../seed-node/testing/seed-node-process.ts'

const STARTUP_TIMEOUT_MS = 30 * 1000

export interface TrackerProcess {
  /** `ws://127.0.0.1:<port>/announce` (open: no tokens). */
  announceUrl: string
  cli: CliProcess
  stop: () => Promise<void>
}

export async function startTrackerProcess (): Promise<TrackerProcess> {
  const cli = startCli(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tracker/cli.ts'), '--host', '127.0.0.1', '--port', '0'], REPO_ROOT)
  try {
    const match = await cli.waitForOutput(/Hearth tracker listening: (ws:\/\/127\.0\.0\.1:\d+)\/announce/, STARTUP_TIMEOUT_MS)
    if (!match?.[1]) throw new Error(`the tracker printed no address:\n${cli.output()}`)
    return { announceUrl: `${match[1]}/announce`, cli, stop: async () => await cli.launched.signal('SIGTERM') }
  } catch (err) {
    await cli.launched.signal('SIGKILL')
    throw err
  }
}
