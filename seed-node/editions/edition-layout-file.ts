/**
 * An edition's time line (edition-layout.ts) chosen for a file and kept beside its segments as
 * `layout.json`, so a finished edition is served with the same playlist after a restart.
 * Read back through a schema: a damaged or foreign file reads as no layout.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { EditionRequest } from '../../protocol/api/editions.ts'
import type { EditionInput } from './edition-args.ts'
import { BASE_SEGMENT_SEC, MAX_SEGMENT_SEC, segmentSecForKeyframes, type EditionLayout } from './edition-layout.ts'
import { probeKeyframes } from './keyframe-probe.ts'

const LAYOUT_FILE = 'layout.json'
const MAX_LAYOUT_BYTES = 4 * 1024

const StoredLayout = z.object({
  segmentSec: z.number().min(1).max(MAX_SEGMENT_SEC),
  durationSec: z.number().positive().max(7 * 24 * 3600),
  lastKeyframeSec: z.number().nonnegative().nullable()
}).strict()

/**
 * The time line for an edition of this file: segment length from the keyframes when the video
 * is copied. Another edition of the same item with the same video (another audio track) already
 * knows it: its layout is reused, and switching tracks skips the keyframe probe.
 */
export async function planLayout (input: EditionInput, request: Pick<EditionRequest, 'video'>, durationSec: number, itemDir: string): Promise<EditionLayout> {
  for (const sibling of await readdir(itemDir).catch(() => [])) {
    if (!sibling.endsWith(`-${request.video}`)) continue
    const known = await readLayout(path.join(itemDir, sibling))
    if (known !== null && Math.abs(known.durationSec - durationSec) < 1e-3) return known
  }
  const copiesVideo = input.videoCodec !== null && request.video === 'copy'
  const keyframes = copiesVideo ? await probeKeyframes(input.absolutePath, durationSec) : []
  return {
    segmentSec: copiesVideo && keyframes.length > 1 ? segmentSecForKeyframes(keyframes) : BASE_SEGMENT_SEC,
    durationSec,
    lastKeyframeSec: copiesVideo ? keyframes.at(-1) ?? null : null
  }
}

export async function writeLayout (dir: string, layout: EditionLayout): Promise<void> {
  await writeFile(path.join(dir, LAYOUT_FILE), JSON.stringify(layout))
}

/** The layout kept in an edition's folder, or null when there is none (or it is unreadable). */
export async function readLayout (dir: string): Promise<EditionLayout | null> {
  try {
    const text = await readFile(path.join(dir, LAYOUT_FILE), 'utf8')
    if (text.length > MAX_LAYOUT_BYTES) return null
    const parsed = StoredLayout.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
