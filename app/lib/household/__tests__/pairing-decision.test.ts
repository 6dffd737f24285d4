import { describe, expect, it } from 'vitest'
import { firstStep, outcome } from '../pairing-decision.ts'

const A = 'a'.repeat(43)
const B = 'b'.repeat(43)

describe('firstStep', () => {
  it('joins at once (after verification) when the device is not paired', () => {
    expect(firstStep(A, null)).toEqual({ kind: 'join' })
  })
  it('does nothing for the key the device already holds', () => {
    expect(firstStep(A, A)).toEqual({ kind: 'same' })
  })
  it('asks before a link moves a paired device to another household', () => {
    expect(firstStep(B, A)).toEqual({ kind: 'ask' })
  })
})

describe('outcome', () => {
  it('stores a key the home server accepted', () => {
    expect(outcome('join', { kind: 'accepted' })).toMatchObject({ store: true, tone: 'info', text: 'This device joined the household.' })
    expect(outcome('switch', { kind: 'accepted' })).toMatchObject({ store: true, tone: 'info', text: 'This device moved to the other household.' })
  })
  it('never stores a refused key', () => {
    expect(outcome('join', { kind: 'refused' })).toMatchObject({ store: false, tone: 'error' })
    expect(outcome('switch', { kind: 'refused' })).toMatchObject({ store: false, tone: 'error' })
    expect(outcome('switch', { kind: 'refused' }).text).toMatch(/does not accept this pairing link.*stays in its household/)
  })
  it('keeps an unconfirmed key only on a device with no household to lose', () => {
    const unknown = { kind: 'unknown', detail: 'The home server could not be reached' } as const
    expect(outcome('join', unknown)).toMatchObject({ store: true, tone: 'info' })
    expect(outcome('join', unknown).text).toContain('could not confirm the link (The home server could not be reached)')
    expect(outcome('switch', unknown)).toMatchObject({ store: false, tone: 'error' })
    expect(outcome('switch', unknown).text).toMatch(/Nothing changed/)
  })
})
