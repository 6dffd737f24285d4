/**
 * Which of a film's audio tracks plays: what this person chose last on this device when the
 * film has it (the same language, and the same title when there is one, so "Commentary" is
 * not swapped for the main French dub), else the track the file marks as default, else the
 * first. Pure: the player hands in the tracks and the remembered choice.
 */
import type { AudioTrackFacts } from '../../../protocol/media-facts.ts'

/** What a person last chose on this device; null when nothing yet. */
export type RememberedAudio = { language: string | null, title: string | null } | null

type ChoosableAudio = Pick<AudioTrackFacts, 'index' | 'language' | 'title' | 'isDefault'>

/** The file's own starting track: default-marked, else the first (what a browser plays from the file itself). */
export function fileStartingTrack (tracks: readonly ChoosableAudio[]): number | null {
  return (tracks.find(track => track.isDefault) ?? tracks[0])?.index ?? null
}

function sameText (a: string | null, b: string | null): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase()
}

/** The `index` (MediaFacts numbering) of the track to play, or null for a file without audio. */
export function chooseAudioTrack (tracks: readonly ChoosableAudio[], remembered: RememberedAudio): number | null {
  if (remembered !== null && remembered.language !== null) {
    const sameLanguage = tracks.filter(track => track.language !== null && sameText(track.language, remembered.language))
    const exact = sameLanguage.find(track => sameText(track.title, remembered.title))
    const chosen = exact ?? (sameLanguage.length === 1 ? sameLanguage[0] : sameLanguage.find(track => track.isDefault) ?? sameLanguage[0])
    if (chosen !== undefined) return chosen.index
  }
  if (remembered !== null && remembered.language === null) {
    const byTitle = tracks.find(track => track.title !== null && sameText(track.title, remembered.title))
    if (byTitle !== undefined) return byTitle.index
  }
  return fileStartingTrack(tracks)
}

/** "French · Commentaire · 5.1" from the file's own tags (`names`: the device's language names). */
export function audioTrackLabel (track: Pick<AudioTrackFacts, 'index' | 'language' | 'title' | 'channels'>, languageName: (code: string) => string): string {
  const parts = [
    track.language === null ? null : languageName(track.language),
    track.title,
    channelsLabel(track.channels)
  ].filter((part): part is string => part !== null && part !== '')
  return parts.length === 0 ? `Track ${track.index + 1}` : [...new Set(parts)].join(' · ')
}

function channelsLabel (channels: number | null): string | null {
  if (channels === null) return null
  if (channels === 1) return 'mono'
  if (channels === 2) return 'stereo'
  if (channels === 6) return '5.1'
  if (channels === 8) return '7.1'
  return `${channels} channels`
}
