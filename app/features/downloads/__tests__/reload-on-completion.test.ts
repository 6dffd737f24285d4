import { describe, expect, it } from 'vitest'
import { itemsMissingFromCatalog } from '../use-reload-on-completion.ts'
import { download, HASH } from './download-fixture.ts'

describe('itemsMissingFromCatalog', () => {
  it('lists finished downloads that are library items the catalog lacks', () => {
    const done = download({ state: 'completed', itemId: HASH })
    expect(itemsMissingFromCatalog([done, download()], new Set())).toEqual([HASH])
    expect(itemsMissingFromCatalog([done], new Set([HASH]))).toEqual([])
  })
  it('ignores finished downloads that are not playable items', () => {
    expect(itemsMissingFromCatalog([download({ state: 'seeding', itemId: null })], new Set())).toEqual([])
  })
})
