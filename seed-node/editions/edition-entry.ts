/** One edition being made (or made) during this run of the seed node, as edition-service.ts keeps it. */
import { access } from 'node:fs/promises'
import type { EditionRequest } from '../../protocol/api/editions.ts'
import type { EditionInput } from './edition-args.ts'
import type { EditionJob } from './edition-job.ts'
import type { EditionLayout } from './edition-layout.ts'

/** One edition being made (or made) during this run of the seed node. */
export interface EditionEntry {
  readonly itemId: string
  readonly dir: string
  readonly layout: EditionLayout
  readonly input: EditionInput
  readonly request: EditionRequest
  /** ffmpeg runs of this edition, newest last (running ones, and ended ones until replaced). */
  jobs: EditionJob[]
  lastUsedMs: number
  complete: boolean
  /** Settles once a finished run's completeness check is done (edition-ahead.ts waits for it). */
  completing: Promise<void>
  /** A run being replaced: asks wait for it rather than starting their own. */
  switching: Promise<void> | null
}

export async function exists (file: string): Promise<boolean> {
  return await access(file).then(() => true, () => false)
}

export const sleep = async (ms: number): Promise<void> => await new Promise(resolve => setTimeout(resolve, ms))
