import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CatalogFormatError, parseCatalog, type Catalog, type CatalogItem } from '../catalog.ts'

const ID = '0123456789abcdef0123456789abcdef01234567'

function validItem (overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id: ID,
    title: 'Pilot',
    kind: 'episode',
    series: { name: 'Show', season: 1, episode: 1 },
    mediaPath: 'Show - S01E01/Show - S01E01.mp4',
    sizeBytes: 1_234_567,
    durationSec: 1320.5,
    mimeType: 'video/mp4',
    container: 'MPEG-4',
    videoCodec: 'avc1',
    audioCodec: 'mp4a',
    subtitles: [{ path: 'Show - S01E01/Show - S01E01.en.vtt', language: 'en', label: 'English', format: 'vtt' }],
    magnet: `magnet:?xt=urn:btih:${ID}&dn=Show`,
    posterUrl: null,
    addedAt: '2026-01-02T03:04:05.000Z',
    availability: 'online',
    ...overrides
  }
}

function validCatalog (items: unknown[] = [validItem()]): Record<string, unknown> {
  return { version: 1, libraryName: 'Home', trackerUrl: 'ws://192.168.1.2:8000/announce', items }
}

/** Parses `input` expecting a rejection, and returns the error. */
function rejection (input: unknown): CatalogFormatError {
  try {
    parseCatalog(input)
  } catch (err) {
    expect(err).toBeInstanceOf(CatalogFormatError)
    return err as CatalogFormatError
  }
  throw new Error('parseCatalog accepted an invalid catalog')
}

describe('parseCatalog', () => {
  it('accepts a valid catalog and returns it', () => {
    const input = validCatalog([validItem(), validItem({ id: 'f'.repeat(40), kind: 'film', series: null, subtitles: [], durationSec: null, videoCodec: null, audioCodec: null, posterUrl: '/posters/f.jpg', availability: 'offline' })])
    expect(parseCatalog(input)).toEqual(input)
  })

  it('accepts an empty library over wss', () => {
    const input = { version: 1, libraryName: '', trackerUrl: 'wss://home.example/announce', items: [] }
    expect(parseCatalog(input)).toEqual(input)
  })

  it('drops fields it does not know', () => {
    const parsed = parseCatalog({ ...validCatalog(), extra: true })
    expect(parsed).not.toHaveProperty('extra')
  })

  it.each([
    ['a bad infohash', validCatalog([validItem({ id: 'xyz' })]), 'items.0.id', /infohash/],
    ['an upper-case infohash', validCatalog([validItem({ id: ID.toUpperCase() })]), 'items.0.id', /infohash/],
    ['a negative size', validCatalog([validItem({ sizeBytes: -1 })]), 'items.0.sizeBytes', /./],
    ['a fractional size', validCatalog([validItem({ sizeBytes: 1.5 })]), 'items.0.sizeBytes', /./],
    ['an unknown kind', validCatalog([validItem(), validItem({ kind: 'podcast' as CatalogItem['kind'] })]), 'items.1.kind', /./],
    ['a link that is not a magnet', validCatalog([validItem({ magnet: 'https://example.com/film.torrent' })]), 'items.0.magnet', /magnet:\?/],
    ['a subtitle with an unknown format', validCatalog([validItem({ subtitles: [{ path: 'a.sub', language: 'en', label: 'English', format: 'sub' as 'vtt' }] })]), 'items.0.subtitles.0.format', /./],
    ['a date that is not ISO 8601', validCatalog([validItem({ addedAt: 'yesterday' })]), 'items.0.addedAt', /./],
    ['a wrong version', { ...validCatalog(), version: 2 }, 'version', /./],
    ['a missing version', { ...validCatalog(), version: undefined }, 'version', /./],
    ['an http tracker URL', { ...validCatalog(), trackerUrl: 'http://tracker/announce' }, 'trackerUrl', /./],
    ['items that are not a list', { ...validCatalog(), items: {} }, 'items', /./]
  ])('rejects %s, naming the field', (_label, input, field, detail) => {
    const error = rejection(input)
    expect(error.code).toBe('HEARTH_E_BAD_CATALOG')
    expect(error.message).toMatch(new RegExp(`^catalog rejected: ${field.replace(/\./g, '\\.')}: `))
    expect(error.message).toMatch(detail)
  })

  it.each([null, 'catalog', 42, []])('rejects %j at the root', input => {
    const error = rejection(input)
    expect(error.code).toBe('HEARTH_E_BAD_CATALOG')
    expect(error.message).toMatch(/^catalog rejected: \(root\): /)
  })
})

describe('parseCatalog round trip', () => {
  // Any code points; bounded by UTF-16 length, which is what the schema counts.
  const text = (minLength = 0, maxLength = 30) =>
    fc.string({ unit: 'binary', minLength, maxLength }).filter(s => s.length >= minLength && s.length <= maxLength)
  const hex40 = fc.uint8Array({ minLength: 20, maxLength: 20 }).map(bytes => Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join(''))
  const isoDate = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }).map(date => date.toISOString())
  const nonNegative = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }).map(x => x + 0) // no -0: JSON turns it into 0

  const subtitle = fc.record({
    path: text(1),
    language: text(1, 35),
    label: text(1, 200),
    format: fc.constantFrom('vtt' as const, 'srt' as const)
  })

  const item: fc.Arbitrary<CatalogItem> = fc.record({
    id: hex40,
    title: text(1),
    kind: fc.constantFrom('film' as const, 'episode' as const, 'audio' as const),
    series: fc.option(fc.record({ name: text(1), season: fc.nat({ max: 1000 }), episode: fc.nat({ max: 10000 }) }), { nil: null }),
    mediaPath: text(1),
    sizeBytes: fc.maxSafeNat(),
    durationSec: fc.option(nonNegative, { nil: null }),
    mimeType: text(1),
    container: text(1),
    videoCodec: fc.option(text(), { nil: null }),
    audioCodec: fc.option(text(), { nil: null }),
    subtitles: fc.array(subtitle, { maxLength: 4 }),
    magnet: text().map(rest => `magnet:?${rest}`),
    posterUrl: fc.option(text().map(rest => `/${rest}`.slice(0, 2048)), { nil: null }),
    addedAt: isoDate,
    availability: fc.constantFrom('online' as const, 'offline' as const)
  })

  const catalog: fc.Arbitrary<Catalog> = fc.record({
    version: fc.constant(1 as const),
    libraryName: text(),
    trackerUrl: fc.tuple(fc.constantFrom('ws://', 'wss://'), text()).map(([scheme, rest]) => scheme + rest),
    items: fc.array(item, { maxLength: 5 })
  })

  it('gives back an equal catalog after JSON.stringify → JSON.parse → parseCatalog', () => {
    fc.assert(fc.property(catalog, value => {
      expect(parseCatalog(JSON.parse(JSON.stringify(value)))).toEqual(value)
    }), { numRuns: 300 })
  })

  it('is idempotent: parsing what it returned gives the same value', () => {
    fc.assert(fc.property(catalog, value => {
      const once = parseCatalog(value)
      expect(parseCatalog(once)).toEqual(once)
    }), { numRuns: 100 })
  })
})
