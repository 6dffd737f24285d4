/**
 * Turns a file name into what a person calls the item: `Show - S01E02 - Name.mp4` is
 * episode 2 of season 1 of "Show"; `Film (2026).mp4` is the film "Film (2026)".
 */
import type { SeriesInfo } from '../../protocol/catalog.ts'
import { stripExtension } from '../../protocol/media-types.ts'

export interface ParsedTitle {
  title: string
  series: SeriesInfo | null
}

// Word boundaries without `\b`, which counts `_` as a letter and so missed `Show_S01E02_Name`.
const EPISODE_PATTERNS = [/(?<![a-z0-9])S(\d{1,3})\s*E(\d{1,4})(?![a-z0-9])/i, /(?<![A-Za-z0-9])(\d{1,2})x(\d{1,3})(?![A-Za-z0-9])/]

function tidy (text: string): string {
  return text.replace(/[._]+/g, ' ').replace(/\s+-\s*$|^\s*-\s+/g, '').replace(/\s+/g, ' ').trim()
}

export function parseTitle (fileName: string): ParsedTitle {
  const base = stripExtension(fileName)
  for (const pattern of EPISODE_PATTERNS) {
    const match = pattern.exec(base)
    if (!match || match.index === undefined) continue
    const name = tidy(base.slice(0, match.index))
    const rest = tidy(base.slice(match.index + match[0].length))
    const season = Number(match[1])
    const episode = Number(match[2])
    if (name === '') continue
    return {
      title: rest === '' ? `${name} S${String(season).padStart(2, '0')}E${String(episode).padStart(2, '0')}` : rest,
      series: { name, season, episode }
    }
  }
  return { title: tidy(base) || base, series: null }
}
