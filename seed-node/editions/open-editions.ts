/**
 * Start-up of browser editions: asks for ffmpeg and ffprobe once, says in the log what is
 * missing and what that means for the household, and opens the edition service (and, with
 * `--editions ahead`, its background runs; their numbers feed `/api/status` in every mode).
 */
import type { SeedNodeConfig } from '../config.ts'
import type { LibraryRegistry } from '../library/library-registry.ts'
import type { Logger } from '../lib/log.ts'
import type { TeardownStack } from '../teardown-stack.ts'
import { EditionService } from './edition-service.ts'
import { EditionsAhead } from './edition-ahead.ts'
import { detectFfmpeg } from './ffmpeg-tools.ts'
import type { EditionSeeder } from './edition-seeding.ts'

type EditionConfig = Pick<SeedNodeConfig, 'stateDir' | 'editions' | 'editionsMaxGb' | 'transcodeVideo'>

export async function openEditions (config: EditionConfig, registry: LibraryRegistry, stack: TeardownStack, log: Logger, seeder?: EditionSeeder): Promise<{ editions: EditionService, editionsAhead: EditionsAhead }> {
  const tools = await detectFfmpeg()
  if (tools.ffprobe === null) log.warn('editions.no_ffprobe', { note: 'ffprobe not found: codecs are not checked before play and damaged files are not recognised; install ffmpeg' })
  if (tools.ffmpeg === null) log.warn('editions.no_ffmpeg', { note: 'ffmpeg not found: files a browser cannot play (AC-3/DTS audio, AVI, MPEG-TS) get no compatible copy; install ffmpeg' })
  else log.info('editions.ffmpeg', { ffmpeg: tools.ffmpeg, ffprobe: tools.ffprobe ?? 'missing', mode: config.editions, transcodeVideo: config.transcodeVideo })
  const editions = new EditionService({ stateDir: config.stateDir, mode: config.editions, maxGb: config.editionsMaxGb, transcodeVideo: config.transcodeVideo, tools, registry, log, seeder })
  await editions.open()
  stack.push('editions', async () => { editions.close() })
  // Made after the service opened: it looks for work at once (the registry fills as the first scan goes).
  const editionsAhead = new EditionsAhead(editions, registry, config.editions, log)
  stack.push('editions ahead', async () => { editionsAhead.close() })
  return { editions, editionsAhead }
}
