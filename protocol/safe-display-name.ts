/**
 * Untrusted names (a magnet's `dn`, a dropped file's name, a foreign torrent's file names)
 * become display text only: control characters and bidirectional overrides (which can make
 * `evil‮4pm.exe` read as `evilexe.mp4`) are removed, runs of white space collapse, and the
 * length is capped. Never use the result as a path. Pure, so the magnet parser and
 * both parts share it.
 */

/** Longest name shown, in code points; longer names end with an ellipsis. */
export const MAX_DISPLAY_NAME_CHARS = 200

// C0 and C1 controls, DEL, and the bidi embedding / override / isolate marks.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** The cleaned name, or `fallback` when nothing printable is left. */
export function safeDisplayName (raw: string, fallback = 'Untitled'): string {
  const cleaned = raw.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim()
  if (cleaned === '') return fallback
  const chars = Array.from(cleaned)
  return chars.length <= MAX_DISPLAY_NAME_CHARS ? cleaned : `${chars.slice(0, MAX_DISPLAY_NAME_CHARS - 1).join('').trimEnd()}…`
}
