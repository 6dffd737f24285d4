/**
 * Names as people have them: scene releases, Sonarr/Radarr and Plex/Jellyfin layouts, season
 * folders, hand-named files. Each row: the path in the library, then the expected title and
 * series (null for a film or a track).
 */
import { describe, expect, it } from 'vitest'
import { parseTitle } from '../title-parser.ts'

type Row = [path: string, title: string, series: [name: string, season: number, episode: number] | null]

const EPISODES: Row[] = [
  ['Show - S01E02 - Name.mp4', 'Name', ['Show', 1, 2]],
  ['Show - S01E02.mkv', 'Show S01E02', ['Show', 1, 2]],
  ['Show S1E5.mkv', 'Show S01E05', ['Show', 1, 5]],
  ['show s03 e07 finale.mp4', 'finale', ['Show', 3, 7]],
  ['Show.Name.S01E01.Pilot.mkv', 'Pilot', ['Show Name', 1, 1]],
  ['The_Show_S02E10_The_Title.mkv', 'The Title', ['The Show', 2, 10]],
  ['The_Show_2x03.mkv', 'The Show S02E03', ['The Show', 2, 3]],
  ['Show 1x02 Title.mkv', 'Title', ['Show', 1, 2]],
  ['The.Show.S02E01.1080p.WEB-DL.x264-GROUP.mkv', 'The Show S02E01', ['The Show', 2, 1]],
  ['The Show (2010) - S02E01 - Homecoming.mkv', 'Homecoming', ['The Show', 2, 1]],
  ['The.Show.2010.S02E02.720p.HDTV.x264-GRP.mkv', 'The Show S02E02', ['The Show', 2, 2]],
  ['Breaking.Bad.S05E14.Ozymandias.1080p.BluRay.x264-ROVERS.mkv', 'Ozymandias', ['Breaking Bad', 5, 14]],
  ['breaking.bad.s01e01.720p.bluray.x264-demand.mkv', 'Breaking Bad S01E01', ['Breaking Bad', 1, 1]],
  ['Game.of.Thrones.S08E03.The.Long.Night.1080p.AMZN.WEB-DL.DDP5.1.H.264-GoT.mkv', 'The Long Night', ['Game of Thrones', 8, 3]],
  ['The.Office.US.S03E05.720p.HDTV.mkv', 'The Office US S03E05', ['The Office US', 3, 5]],
  ['Doctor.Who.2005.S13E01.1080p.HEVC.x265-MeGusta.mkv', 'Doctor Who S13E01', ['Doctor Who', 13, 1]],
  ['Stranger Things - S04E09 - Chapter Nine The Piggyback.mkv', 'Chapter Nine The Piggyback', ['Stranger Things', 4, 9]],
  ['The Expanse - S06E01 - Strange Dogs [WEBDL-1080p].mkv', 'Strange Dogs [WEBDL-1080p]', ['The Expanse', 6, 1]],
  ['Severance.S02E01.Hello.Ms.Cobel.2160p.ATVP.WEB-DL.mkv', 'Hello Ms Cobel', ['Severance', 2, 1]],
  ['Shogun.2024.S01E01.Anjin.1080p.DSNP.WEB-DL.mkv', 'Anjin', ['Shogun', 1, 1]],
  ['Friends - 1x01 - The One Where Monica Gets a Roommate.avi', 'The One Where Monica Gets a Roommate', ['Friends', 1, 1]],
  ['Daily Show S100E0140.mp4', 'Daily Show S100E140', ['Daily Show', 100, 140]],
  ['Show - 12x104 - Title.mp4', 'Title', ['Show', 12, 104]],
  ['Sherlock.S01E01-E02.720p.mkv', 'Sherlock S01E01', ['Sherlock', 1, 1]],
  ['Fargo.S01.E03.A.Muddy.Road.mkv', 'A Muddy Road', ['Fargo', 1, 3]],
  ['Shows/The Show/Season 02/Episode 2.mp4', 'The Show S02E02', ['The Show', 2, 2]],
  ['Shows/The Show/Season 2/03 - The Return.mkv', 'The Return', ['The Show', 2, 3]],
  ['Shows/The Show (2010)/Season 01/E04.mkv', 'The Show S01E04', ['The Show', 1, 4]],
  ['Shows/The Show/Specials/Episode 1.mkv', 'The Show S00E01', ['The Show', 0, 1]],
  ['Shows/The Show/S03/5.mkv', 'The Show S03E05', ['The Show', 3, 5]],
  ['TV/Severance/Season 01/Severance - S01E02 - Half Loop.mkv', 'Half Loop', ['Severance', 1, 2]],
  ['Series/Dark/Staffel 1/Dark.S01E01.Secrets.German.1080p.mkv', 'Secrets German', ['Dark', 1, 1]]
]

const FILMS: Row[] = [
  ['Film (2026).mp4', 'Film (2026)', null],
  ['Sintel.webm', 'Sintel', null],
  ['Big_Buck_Bunny.webm', 'Big Buck Bunny', null],
  ['Tears.of.Steel.2012.mkv', 'Tears of Steel (2012)', null],
  ['Home Movie', 'Home Movie', null],
  ['Dune.Part.Two.2024.2160p.UHD.BluRay.x265-GROUP.mkv', 'Dune Part Two (2024)', null],
  ['Amélie (2001).mkv', 'Amélie (2001)', null],
  ['Blade Runner 2049 (2017).mkv', 'Blade Runner 2049 (2017)', null],
  ['1917 (2019).mp4', '1917 (2019)', null],
  ['The.Matrix.1999.1080p.BluRay.x264-AMIABLE.mkv', 'The Matrix (1999)', null],
  ['Inception.2010.720p.BrRip.x264.YIFY.mp4', 'Inception (2010)', null],
  ['Parasite.2019.KOREAN.1080p.WEBRip.x264-VXT.mp4', 'Parasite (2019)', null],
  ['Oppenheimer (2023) [2160p] [4K] [WEB] [5.1].mkv', 'Oppenheimer (2023)', null],
  ['The Lord of the Rings The Fellowship of the Ring (2001) Extended.mkv', 'The Lord of the Rings The Fellowship of the Ring (2001)', null],
  ['Spirited.Away.2001.JAPANESE.1080p.BluRay.x264.DTS-FGT.mkv', 'Spirited Away (2001)', null],
  ['Alien.1979.Directors.Cut.1080p.BluRay.x264.mkv', 'Alien (1979)', null],
  ['Colour Bars at Dusk (2026).mp4', 'Colour Bars at Dusk (2026)', null],
  ['Films/Heat (1995)/Heat (1995).mkv', 'Heat (1995)', null],
  ['Interstellar.2014.IMAX.2160p.UHD.BluRay.x265.10bit.HDR.mkv', 'Interstellar (2014)', null],
  ['Mad.Max.Fury.Road.2015.1080p.WEB-DL.DD5.1.H264-FGT.mkv', 'Mad Max Fury Road (2015)', null],
  ['ShowS01E02.mp4', 'ShowS01E02', null],
  ['Film 1920x1080.mkv', 'Film', null]
]

const AUDIO: Row[] = [
  ['Music/Neil Young/Harvest/01 - Out on the Weekend.mp3', 'Out on the Weekend', null],
  ['Music/Artist/Album/03. Song Name.flac', 'Song Name', null],
  ['Track 12.mp3', 'Track 12', null],
  ['Podcast_Episode_Title.m4a', 'Podcast Episode Title', null]
]

function check ([path, title, series]: Row): void {
  const parsed = parseTitle(path)
  expect({ title: parsed.title, series: parsed.series }).toEqual({
    title,
    series: series === null ? null : { name: series[0], season: series[1], episode: series[2] }
  })
}

describe('parseTitle', () => {
  it('has a table of at least 50 real-world names', () => {
    expect(EPISODES.length + FILMS.length + AUDIO.length).toBeGreaterThanOrEqual(50)
  })
  it.each(EPISODES)('reads the episode %s', (...row) => check(row))
  it.each(FILMS)('reads the film %s', (...row) => check(row))
  it.each(AUDIO)('reads the track %s', (...row) => check(row))

  it('gives the release year of a film', () => {
    expect(parseTitle('The.Matrix.1999.1080p.BluRay.x264.mkv').year).toBe(1999)
    expect(parseTitle('Sintel.webm').year).toBeNull()
  })
  it('keeps a name that is nothing but separators rather than returning an empty title', () => {
    expect(parseTitle('___.mp4').title).toBe('___')
  })
})
