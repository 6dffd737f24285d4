/**
 * A scratch folder for a test of the library or the whole seed node: `<tmp>/<prefix>…/` holds
 * the library (which the test fills) and the state folder, and goes away with `remove()`.
 * `startScratchSeedNode` runs a real seed node in the test's own process over it.
 * The node listens on 127.0.0.1 at a port the OS picks and does not rescan on a timer during
 * the test; it is handed back after its first scan.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { SeedNodeOptions } from '../config.ts'
import { startSeedNode, type RunningSeedNode } from '../seed-node.ts'
import { silentLogger, type Logger } from '../lib/log.ts'

/** An hour: longer than any test, so only the test's own rescans happen. */
const NO_PERIODIC_RESCAN_SEC = 3600

export interface ScratchFolder {
  dir: string
  /** `<dir>/<libraryName>`, made empty. */
  library: string
  /** `<dir>/state`, made empty. */
  stateDir: string
  remove: () => Promise<void>
}

export async function makeScratchFolder (prefix: string, libraryName = 'library'): Promise<ScratchFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  const library = path.join(dir, libraryName)
  const stateDir = path.join(dir, 'state')
  await mkdir(library, { recursive: true })
  await mkdir(stateDir)
  return { dir, library, stateDir, remove: async () => await rm(dir, { recursive: true, force: true }) }
}

export async function startScratchSeedNode (scratch: ScratchFolder, log: Logger = silentLogger, options: Partial<SeedNodeOptions> = {}): Promise<RunningSeedNode> {
  const node = await startSeedNode({ libraryDir: scratch.library, stateDir: scratch.stateDir, host: '127.0.0.1', port: 0, rescanIntervalSec: NO_PERIODIC_RESCAN_SEC, ...options }, log)
  await node.firstScan
  return node
}
