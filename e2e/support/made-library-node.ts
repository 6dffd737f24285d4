/**
 * One seed-node process for a whole spec file over a library the spec makes at test time
 * (clips ffmpeg writes: codec-clips.ts, subtitle-clips.ts): the library and a fresh state
 * folder are made in `beforeAll`, the node stopped and both removed in `afterAll`.
 * `byFile` finds an item in the catalog as the node first served it.
 */
import { test } from '@playwright/test'
import { parseCatalog, type CatalogItem } from '../../protocol/catalog.ts'
import { api } from '../../seed-node/testing/seed-node-api.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../../seed-node/testing/seed-node-process.ts'
import { findItem } from './catalog.ts'

export interface MadeLibraryNode {
  /** The running node (only inside tests). */
  running: () => SeedNodeProcess
  /** The library folder made for this spec. */
  library: () => string
  byFile: (name: string) => CatalogItem
}

export function useMadeLibraryNode (makeLibrary: () => Promise<string>): MadeLibraryNode {
  let library = ''
  let stateDir = ''
  let node: SeedNodeProcess | null = null
  let items: CatalogItem[] = []
  test.beforeAll(async () => {
    library = await makeLibrary()
    stateDir = await makeStateDir()
    node = await startSeedNodeProcess({ library, stateDir })
    items = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items
  })
  test.afterAll(async () => {
    await node?.stop()
    if (stateDir !== '') await removeDir(stateDir)
    if (library !== '') await removeDir(library)
  })
  return {
    running: () => {
      if (node === null) throw new Error('the seed node starts in beforeAll')
      return node
    },
    library: () => library,
    byFile: name => findItem(items, name)
  }
}
