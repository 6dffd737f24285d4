import { describe, expect, it } from 'vitest'
import { parseTitle } from '../title-parser.ts'

describe('parseTitle: episodes', () => {
  it('reads `Show - S01E02 - Name`', () => {
    expect(parseTitle('Show - S01E02 - Name.mp4')).toEqual({ title: 'Name', series: { name: 'Show', season: 1, episode: 2 } })
  })

  it('names an episode without a title after its show and number', () => {
    expect(parseTitle('Show - S01E02.mkv')).toEqual({ title: 'Show S01E02', series: { name: 'Show', season: 1, episode: 2 } })
    expect(parseTitle('Show S1E5.mkv')).toEqual({ title: 'Show S01E05', series: { name: 'Show', season: 1, episode: 5 } })
  })

  it('accepts lower case, a space between season and episode, and long numbers', () => {
    expect(parseTitle('show s03 e07 finale.mp4').series).toEqual({ name: 'show', season: 3, episode: 7 })
    expect(parseTitle('Daily Show S100E0140.mp4').series).toEqual({ name: 'Daily Show', season: 100, episode: 140 })
  })

  it('reads dotted release names', () => {
    expect(parseTitle('Show.Name.S01E01.Pilot.mkv')).toEqual({ title: 'Pilot', series: { name: 'Show Name', season: 1, episode: 1 } })
  })

  it('reads underscored names', () => {
    expect(parseTitle('The_Show_S02E10_The_Title.mkv')).toEqual({ title: 'The Title', series: { name: 'The Show', season: 2, episode: 10 } })
    expect(parseTitle('The_Show_2x03.mkv')).toEqual({ title: 'The Show S02E03', series: { name: 'The Show', season: 2, episode: 3 } })
  })

  it('reads the `1x02` form', () => {
    expect(parseTitle('Show 1x02 Title.mkv')).toEqual({ title: 'Title', series: { name: 'Show', season: 1, episode: 2 } })
    expect(parseTitle('Show - 12x104 - Title.mp4').series).toEqual({ name: 'Show', season: 12, episode: 104 })
  })

  it('does not take a number glued to a word for an episode', () => {
    expect(parseTitle('ShowS01E02.mp4').series).toBeNull()
    expect(parseTitle('Show S01E02x.mp4').series).toBeNull()
    expect(parseTitle('Film 1920x1080.mkv').series).toBeNull()
  })

  it('treats an episode marker with no show name as a plain title', () => {
    expect(parseTitle('S01E01.mkv')).toEqual({ title: 'S01E01', series: null })
  })
})

describe('parseTitle: films and audio', () => {
  it('keeps a plain film name, year and parentheses included', () => {
    expect(parseTitle('Film (2026).mp4')).toEqual({ title: 'Film (2026)', series: null })
    expect(parseTitle('Sintel.webm')).toEqual({ title: 'Sintel', series: null })
  })

  it('turns dots and underscores into spaces and collapses runs of them', () => {
    expect(parseTitle('Big_Buck_Bunny.webm')).toEqual({ title: 'Big Buck Bunny', series: null })
    expect(parseTitle('Tears.of..Steel.2012.mkv')).toEqual({ title: 'Tears of Steel 2012', series: null })
  })

  it('keeps a name that is nothing but separators rather than returning an empty title', () => {
    expect(parseTitle('___.mp4').title).toBe('___')
  })

  it('handles a name without an extension', () => {
    expect(parseTitle('Home Movie')).toEqual({ title: 'Home Movie', series: null })
  })
})
