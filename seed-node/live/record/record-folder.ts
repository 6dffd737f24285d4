/**
 * Start-up of `--live-record`: where recordings go and one recorder per recorded channel.
 * The folder must lie outside the library: Hearth never writes into the library (except
 * its Downloads folder, which belongs to the downloads, whose files it deletes by its own
 * rules: recordings pruned there would vanish from under viewers). A user who wants the
 * recordings in the app adds the folder to a library themselves. Refused with one line.
 */
import { mkdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import type { SeedNodeConfig } from '../../config.ts'
import { HearthError } from '../../lib/errors.ts'
import type { Logger } from '../../lib/log.ts'
import { isInsideOrSame } from '../../lib/path-inside.ts'
import type { LiveChannelSpec } from '../live-source.ts'
import { LiveRecorder } from './live-recorder.ts'
import { parseRecordSpecs, recordFolderName, rotationMs } from './record-spec.ts'

type RecordConfig = Pick<SeedNodeConfig, 'liveRecord' | 'liveRecordDir' | 'libraryDir'>

/** The real path `target` has or will have once made: its deepest existing ancestor resolved (symlinks included), the rest appended. */
async function realPathOfNew (target: string): Promise<string> {
  const missing: string[] = []
  let at = path.resolve(target)
  for (;;) {
    const real = await realpath(at).catch(() => null)
    if (real !== null) return path.join(real, ...missing.reverse())
    const parent = path.dirname(at)
    if (parent === at) return path.resolve(target)
    missing.push(path.basename(at))
    at = parent
  }
}

export async function openRecorders (config: RecordConfig, channels: readonly LiveChannelSpec[], ringDirOf: (channelId: string) => string, log: Logger): Promise<LiveRecorder[]> {
  const specs = parseRecordSpecs(config.liveRecord)
  // resolveConfig has checked the values already; this narrows the type.
  if (typeof specs === 'string') throw new HearthError('HEARTH_E_BAD_OPTION', `--live-record ${specs}`)
  if (specs.length === 0) return []
  const root = config.liveRecordDir
  // Checked before anything is made: a refused folder must not be created inside the library.
  const [realRoot, realLibrary] = await Promise.all([realPathOfNew(root), realpath(config.libraryDir).catch(() => path.resolve(config.libraryDir))])
  if (isInsideOrSame(realLibrary, realRoot)) {
    throw new HearthError('HEARTH_E_BAD_OPTION', `--live-record-dir ${root} must be outside the library ${config.libraryDir} (Hearth does not write into it); add the folder to a library yourself`)
  }
  try {
    await mkdir(root, { recursive: true })
  } catch (err) {
    throw new HearthError('HEARTH_E_BAD_OPTION', `--live-record-dir ${root} cannot be made: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
  const recorders: LiveRecorder[] = []
  for (const spec of specs) {
    const channel = channels.find(candidate => candidate.name.toLowerCase() === spec.name.toLowerCase())
    if (channel === undefined) continue // resolveConfig refuses an unknown name
    const dir = path.join(root, recordFolderName(channel.name))
    await mkdir(dir, { recursive: true })
    recorders.push(new LiveRecorder({ channel: channel.name, ringDir: ringDirOf(channel.id), dir, keepMs: spec.keepMs, log }))
    log.info('live.recording', { channel: channel.name, dir, keepHours: Math.round(spec.keepMs / 360_000) / 10, fileSec: rotationMs(spec.keepMs) / 1000 })
  }
  return recorders
}
