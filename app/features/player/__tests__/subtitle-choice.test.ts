import { describe, expect, it } from 'vitest'
import { chooseSubtitle } from '../subtitle-choice.ts'

const track = (language: string, forced = false, sdh = false) => ({ language, forced, sdh })

describe('chooseSubtitle', () => {
  it('turns nothing on when no track is forced or in the preferred language (German for an English user)', () => {
    expect(chooseSubtitle([track('de'), track('fr')], ['en-US', 'en'], null)).toBe(-1)
  })
  it('turns a forced track on', () => {
    expect(chooseSubtitle([track('de'), track('en', true)], ['en-US'], null)).toBe(1)
  })
  it('prefers a full track in the preferred language, not SDH, over a forced one', () => {
    expect(chooseSubtitle([track('en', true), track('en', false, true), track('en')], ['en'], null)).toBe(2)
  })
  it('follows what the person chose last time on this device, off included (forced stays on)', () => {
    const tracks = [track('de'), track('en'), track('en', true)]
    expect(chooseSubtitle(tracks, ['en'], { language: 'de', sdh: false })).toBe(0)
    expect(chooseSubtitle(tracks, ['en'], 'off')).toBe(2)
    expect(chooseSubtitle([track('de')], ['en'], 'off')).toBe(-1)
  })
  it('matches a region tag by its language (pt-br for pt-PT)', () => {
    expect(chooseSubtitle([track('pt-br')], ['pt-PT'], null)).toBe(0)
  })
})
