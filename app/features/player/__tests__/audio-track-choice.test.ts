import { describe, expect, it } from 'vitest'
import { audioTrackLabel, chooseAudioTrack, fileStartingTrack } from '../audio-track-choice.ts'

const track = (index: number, language: string | null, title: string | null = null, isDefault = false) => ({ index, language, title, isDefault, channels: 2 })
const film = [track(0, 'eng', null, true), track(1, 'fra'), track(2, 'fra', 'Commentaire'), track(3, 'deu')]

describe('audio track choice', () => {
  it('starts with the file\'s default track, else its first', () => {
    expect(chooseAudioTrack(film, null)).toBe(0)
    expect(fileStartingTrack([track(0, 'eng'), track(1, 'fra', null, true)])).toBe(1)
    expect(chooseAudioTrack([], null)).toBeNull()
  })

  it('follows what this device chose last: the language, and the title when there is one', () => {
    expect(chooseAudioTrack(film, { language: 'fra', title: 'Commentaire' })).toBe(2)
    expect(chooseAudioTrack(film, { language: 'fra', title: null })).toBe(1)
    expect(chooseAudioTrack(film, { language: 'deu', title: 'Kommentar' })).toBe(3)
  })

  it('falls back to the default when the film has no track in the remembered language', () => {
    expect(chooseAudioTrack(film, { language: 'jpn', title: null })).toBe(0)
  })

  it('matches by title when the remembered track had no language', () => {
    expect(chooseAudioTrack([track(0, null, 'Main', true), track(1, null, 'Commentary')], { language: null, title: 'commentary' })).toBe(1)
  })

  it('labels a track with its language, title and channels', () => {
    const names = (code: string): string => ({ fra: 'French', eng: 'English' })[code] ?? code
    expect(audioTrackLabel({ index: 2, language: 'fra', title: 'Commentaire', channels: 6 }, names)).toBe('French · Commentaire · 5.1')
    expect(audioTrackLabel({ index: 0, language: null, title: null, channels: null }, names)).toBe('Track 1')
  })
})
