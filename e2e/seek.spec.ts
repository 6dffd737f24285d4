/**
 * Seeking into a part of the film that has not been downloaded yet: the service worker
 * turns the range request into piece priorities and playback resumes at the new position.
 */
import { test, expect } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { expectPlaysPast, openItem } from './support/player.ts'
import { FAR_SEEK, piecesAround, seekIntoMissingPart } from './support/seek-far.ts'
import { makeLibraryWithLongClip } from './support/test-clips.ts'

/** A 90 s clip and an upload cap that keeps 80% out of reach for a while (seek-far.ts says why). */
const CLIP_SECONDS = FAR_SEEK.clipSeconds

let node: SeedNodeProcess
let stateDir: string
let library: string
let fileName: string

test.beforeAll(async () => {
  ({ library, fileName } = await makeLibraryWithLongClip(CLIP_SECONDS))
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, library, args: ['--no-web-seed', ...FAR_SEEK.uploadLimitArgs] })
})

test.afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

test('seeking into a part of a clip not yet downloaded (80% when it is missing) resumes playback there', async ({ page }) => {
  const item = await itemByMediaPath(node, fileName)
  await openItem(page, node, item.id)
  await expectPlaysPast(page, 1)
  // The pieces there have not arrived: the client streams on demand.
  const sought = await seekIntoMissingPart(page, item.id, CLIP_SECONDS)
  expect(await piecesAround(page, item.id, sought, sought + 0.005)).toContain('1')
})
