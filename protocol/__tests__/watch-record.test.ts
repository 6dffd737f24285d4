import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareRecords, isFinished, mergeRecords, newer, parseWatchRecord, recordKey, type WatchRecord } from '../watch-record.ts'
import { record, recordArb, stamp } from './arbitraries.ts'

type State = Map<string, WatchRecord>

function stateOf (...sets: WatchRecord[][]): State {
  const state: State = new Map()
  for (const set of sets) mergeRecords(state, set)
  return state
}

/** Joins two states the way a replica does: merge the other's records into a copy. */
function join (a: State, b: State): State {
  const out = new Map(a)
  mergeRecords(out, b.values())
  return out
}

/** A state as a comparable value: its entries sorted by key. */
function asSet (state: State): Array<[string, WatchRecord]> {
  return [...state.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

const setArb = fc.array(recordArb, { maxLength: 30 })

describe('mergeRecords (last-writer-wins register per profile and item)', () => {
  it('is commutative', () => {
    fc.assert(fc.property(setArb, setArb, (a, b) => {
      expect(asSet(join(stateOf(a), stateOf(b)))).toEqual(asSet(join(stateOf(b), stateOf(a))))
    }))
  })

  it('is associative', () => {
    fc.assert(fc.property(setArb, setArb, setArb, (a, b, c) => {
      const [x, y, z] = [stateOf(a), stateOf(b), stateOf(c)]
      expect(asSet(join(join(x, y), z))).toEqual(asSet(join(x, join(y, z))))
    }))
  })

  it('is idempotent, and a second merge of the same records changes nothing', () => {
    fc.assert(fc.property(setArb, a => {
      const state = stateOf(a)
      expect(asSet(join(state, state))).toEqual(asSet(state))
      expect(mergeRecords(state, a)).toEqual([])
    }))
  })

  it('converges whatever order and duplication the records arrive in', () => {
    fc.assert(fc.property(setArb.chain(a => fc.tuple(fc.constant(a), fc.shuffledSubarray([...a, ...a], { minLength: 2 * a.length }))), ([a, shuffled]) => {
      expect(asSet(stateOf(shuffled))).toEqual(asSet(stateOf(a)))
    }))
  })

  it('keeps, per key, the record that is greatest by compareRecords', () => {
    fc.assert(fc.property(setArb, a => {
      const state = stateOf(a)
      for (const r of a) expect(compareRecords(state.get(recordKey(r))!, r)).toBeGreaterThanOrEqual(0)
    }))
  })

  it('returns only the records that changed the state', () => {
    const old = record({ hlc: stamp(1000) })
    const young = record({ hlc: stamp(2000), positionSec: 50 })
    const state = stateOf([young])
    expect(mergeRecords(state, [old])).toEqual([])
    expect(mergeRecords(new Map(), [old, young])).toEqual([old, young])
  })

  it('breaks a tie between two records under one stamp by content, the same way on every replica', () => {
    const a = record({ positionSec: 10 })
    const b = record({ positionSec: 20 })
    expect(newer(a, b)).toBe(newer(b, a))
    expect(compareRecords(a, { ...a })).toBe(0)
  })
})

describe('watch record helpers', () => {
  it('keys by profile and item', () => {
    expect(recordKey(record())).toBe(recordKey(record({ positionSec: 1 })))
    expect(recordKey(record())).not.toBe(recordKey(record({ profile: 'bob' })))
  })

  it('counts past 90% as finished', () => {
    expect(isFinished(89, 100)).toBe(false)
    expect(isFinished(90, 100)).toBe(true)
    expect(isFinished(90, null)).toBe(false)
  })

  it('parses valid records and refuses invalid ones', () => {
    fc.assert(fc.property(recordArb, r => { expect(parseWatchRecord(JSON.parse(JSON.stringify(r)))).toEqual(r) }))
    expect(parseWatchRecord({ ...record(), itemId: 'nope' })).toBeUndefined()
    expect(parseWatchRecord({ ...record(), positionSec: -1 })).toBeUndefined()
  })
})
