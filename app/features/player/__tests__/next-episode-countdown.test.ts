import { describe, expect, it } from 'vitest'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { COUNTDOWN_SEC, countdownText, IDLE, stepCountdown, type CountdownEvent, type CountdownState } from '../next-episode-countdown.ts'

function run (events: readonly CountdownEvent[], from: CountdownState = IDLE): CountdownState {
  return events.reduce(stepCountdown, from)
}

describe('the next-episode countdown', () => {
  it('starts at the end, counts down once a second, and plays at zero', () => {
    expect(run(['ended'])).toEqual({ phase: 'counting', remainingSec: COUNTDOWN_SEC })
    expect(run(['ended', 'tick', 'tick'])).toEqual({ phase: 'counting', remainingSec: COUNTDOWN_SEC - 2 })
    expect(run(['ended', ...Array<CountdownEvent>(COUNTDOWN_SEC - 1).fill('tick')])).toEqual({ phase: 'counting', remainingSec: 1 })
    expect(run(['ended', ...Array<CountdownEvent>(COUNTDOWN_SEC).fill('tick')])).toEqual({ phase: 'go' })
  })

  it('stops when cancelled, however long it waits, and still plays on "Play now"', () => {
    const cancelled = run(['ended', 'tick', 'cancel', 'tick', 'tick'])
    expect(cancelled).toEqual({ phase: 'cancelled' })
    expect(run(['ended', ...Array<CountdownEvent>(30).fill('tick')], cancelled)).toEqual({ phase: 'cancelled' })
    expect(stepCountdown(cancelled, 'play-now')).toEqual({ phase: 'go' })
  })

  it('plays at once on "Play now", and forgets the offer when the episode is played again', () => {
    expect(run(['ended', 'play-now'])).toEqual({ phase: 'go' })
    expect(run(['ended', 'tick', 'resumed'])).toEqual(IDLE)
    expect(run(['ended', 'cancel', 'resumed', 'ended'])).toEqual({ phase: 'counting', remainingSec: COUNTDOWN_SEC })
    // Nothing before the end: ticks, cancels and "Play now" do nothing.
    expect(run(['tick', 'cancel', 'play-now'])).toEqual(IDLE)
    expect(run(['ended', 'play-now', 'resumed', 'tick'])).toEqual({ phase: 'go' })
  })

  it('says which episode comes and when', () => {
    const next = { title: 'The Return', series: { name: 'Show', season: 1, episode: 4 } } as unknown as CatalogItem
    expect(countdownText(next, 10)).toBe('Next: S01E04 · The Return in 10 s')
  })
})
