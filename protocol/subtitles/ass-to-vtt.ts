/**
 * Converts Advanced SubStation Alpha (.ass/.ssa) text to WebVTT, text only: the `[Events]`
 * section's `Dialogue:` lines become cues in time order; override blocks (`{\an8\i1}`) are
 * dropped, `\N` and `\n` become line breaks and `\h` a space. Styles, positions and
 * karaoke are not rendered (the issue asks for the words, not the typesetting). Pure and
 * total: a line it cannot read is left out.
 */

interface Cue { startSec: number, endSec: number, text: string }

/** `0:01:02.50` (h:mm:ss.cc) → seconds, or NaN. */
function assTime (text: string): number {
  const match = /^(\d+):(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(text.trim())
  if (!match) return Number.NaN
  const fraction = match[4] === undefined ? 0 : Number(`0.${match[4]}`)
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) + fraction
}

function vttTime (seconds: number): string {
  const totalMs = Math.round(seconds * 1000)
  const h = Math.floor(totalMs / 3_600_000)
  const m = Math.floor(totalMs / 60_000) % 60
  const s = Math.floor(totalMs / 1000) % 60
  const ms = totalMs % 1000
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms).padStart(3, '0')}`
}

/** The text of a Dialogue line without ASS markup, safe inside a VTT cue. */
function plainText (text: string): string {
  return text
    .replace(/\{[^}]*\}/g, '')
    .replace(/\\[Nn]/g, '\n')
    .replace(/\\h/g, ' ')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .split('\n').map(line => line.trim()).filter(line => line !== '').join('\n')
    // A cue's text may not hold the timing arrow.
    .replace(/-->/g, '->')
}

export function assToVtt (ass: string): string {
  const lines = ass.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  let inEvents = false
  let format = ['layer', 'start', 'end', 'style', 'name', 'marginl', 'marginr', 'marginv', 'effect', 'text']
  const cues: Cue[] = []
  for (const raw of lines) {
    const line = raw.trim()
    if (line.startsWith('[')) {
      inEvents = line.toLowerCase() === '[events]'
      continue
    }
    if (!inEvents) continue
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const key = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1)
    if (key === 'format') format = value.split(',').map(field => field.trim().toLowerCase())
    if (key !== 'dialogue') continue
    // The text is the last field and may itself hold commas.
    const fields = value.split(',')
    const head = fields.slice(0, format.length - 1)
    const text = fields.slice(format.length - 1).join(',')
    const startSec = assTime(head[format.indexOf('start')] ?? '')
    const endSec = assTime(head[format.indexOf('end')] ?? '')
    const cleaned = plainText(text)
    if (Number.isFinite(startSec) && Number.isFinite(endSec) && endSec > startSec && cleaned !== '') cues.push({ startSec, endSec, text: cleaned })
  }
  cues.sort((a, b) => a.startSec - b.startSec)
  return ['WEBVTT', '', ...cues.map(cue => `${vttTime(cue.startSec)} --> ${vttTime(cue.endSec)}\n${cue.text}\n`)].join('\n').trimEnd() + '\n'
}
