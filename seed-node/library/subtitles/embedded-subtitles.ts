/**
 * What the player is offered of the subtitle streams inside a media file: text streams
 * (SubRip, ASS/SSA, MP4 timed text, WebVTT) as tracks like the sidecar files, extracted by
 * ffmpeg to WebVTT on first request (embedded-subtitle-store.ts); picture streams (PGS from
 * Blu-ray, VobSub from DVD, DVB) listed as not shown, with the reason in words. Pure.
 */
import type { SubtitleFormat, SubtitleNotShown, SubtitleTrack } from '../../../protocol/catalog.ts'
import type { EmbeddedSubtitleFacts } from '../../../protocol/media-facts.ts'
import { languageName, languageOfWord } from './subtitle-languages.ts'

/** Text codecs ffmpeg converts to WebVTT, with the nearest file format for the catalog's `format`. */
const TEXT_CODECS: Readonly<Record<string, SubtitleFormat>> = {
  subrip: 'srt',
  srt: 'srt',
  text: 'srt',
  ass: 'ass',
  ssa: 'ssa',
  webvtt: 'vtt',
  mov_text: 'vtt'
}

/** Picture codecs by the name people know them by. */
const PICTURE_CODECS: Readonly<Record<string, string>> = {
  hdmv_pgs_subtitle: 'PGS (Blu-ray)',
  dvd_subtitle: 'VobSub (DVD)',
  dvb_subtitle: 'DVB',
  xsub: 'XSUB (DivX)'
}

export function isTextSubtitle (codec: string): boolean {
  return Object.hasOwn(TEXT_CODECS, codec)
}

function languageOf (facts: EmbeddedSubtitleFacts): string {
  return facts.language === null ? 'und' : languageOfWord(facts.language) ?? facts.language.toLowerCase()
}

function labelOf (facts: EmbeddedSubtitleFacts, language: string): string {
  const marks = [facts.forced ? 'forced' : '', facts.hearingImpaired ? 'SDH' : ''].filter(mark => mark !== '')
  const name = facts.title ?? languageName(language)
  return `${name}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`.slice(0, 200)
}

/** The catalog track (without its URL) for a text stream; `mediaName` is the media file's name. */
export function embeddedTrack (facts: EmbeddedSubtitleFacts, mediaName: string): Omit<SubtitleTrack, 'url'> {
  const language = languageOf(facts)
  return {
    path: `${mediaName}#${facts.stream}`,
    language,
    label: labelOf(facts, language),
    format: TEXT_CODECS[facts.codec] ?? 'vtt',
    forced: facts.forced,
    sdh: facts.hearingImpaired,
    default: facts.isDefault,
    embedded: { stream: facts.stream, codec: facts.codec }
  }
}

/** A stream that is not offered, and why. */
export function notShown (facts: EmbeddedSubtitleFacts): SubtitleNotShown {
  const language = languageOf(facts)
  const picture = PICTURE_CODECS[facts.codec]
  return {
    language,
    label: labelOf(facts, language),
    codec: facts.codec,
    reason: picture !== undefined
      ? `${picture} subtitles are pictures, and Hearth shows text subtitles only`
      : `${facts.codec} subtitles cannot be converted to text`
  }
}

/** Splits a file's subtitle streams into the ones offered and the ones listed as not shown. */
export function embeddedSubtitles (streams: readonly EmbeddedSubtitleFacts[]): { text: EmbeddedSubtitleFacts[], notShown: SubtitleNotShown[] } {
  return {
    text: streams.filter(stream => isTextSubtitle(stream.codec)),
    notShown: streams.filter(stream => !isTextSubtitle(stream.codec)).map(notShown)
  }
}
