/**
 * Converts SubRip (.srt) text to WebVTT, which is all `<track>` accepts. Pure and total:
 * cue numbers are dropped, `00:00:01,500` timestamps become `00:00:01.500`, a BOM and CRLF
 * line ends are normalised, and text lines pass through unchanged (SRT's `<i>`/`<b>` tags
 * are valid VTT too).
 */
const SRT_TIMING = /^(\d{1,2}:\d{2}:\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,2}:\d{2}:\d{2})[,.](\d{1,3})(.*)$/

export function srtToVtt (srt: string): string {
  const lines = srt.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const out: string[] = ['WEBVTT', '']
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const next = lines[i + 1] ?? ''
    // A cue number is a line of digits directly followed by a timing line: drop it.
    if (/^\d+$/.test(line.trim()) && SRT_TIMING.test(next.trim())) continue
    const timing = SRT_TIMING.exec(line.trim())
    if (timing) {
      const [, start = '', startMs = '', end = '', endMs = '', settings = ''] = timing
      out.push(`${pad(start)}.${startMs.padEnd(3, '0')} --> ${pad(end)}.${endMs.padEnd(3, '0')}${settings.trimEnd()}`)
      continue
    }
    out.push(line)
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

/** `1:02:03` → `01:02:03`. */
function pad (hms: string): string {
  return hms.length === 7 ? `0${hms}` : hms
}
