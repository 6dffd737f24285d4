/**
 * Which character set a subtitle file was written in. People's subtitles come in UTF-8,
 * UTF-16 (with a BOM, from Windows tools) and, from older rips, the code page of the
 * writer's Windows: Windows-1252 in Western Europe ("Grüße aus München" must not read
 * "Gr��e aus M�nchen"), Windows-1251 for Cyrillic, Windows-1250 for Central Europe,
 * ISO-8859-7 / Windows-1253 for Greek, Shift_JIS, GB18030, Big5, EUC-KR in East Asia.
 *
 * The rule, most certain first:
 * 1. a BOM decides;
 * 2. bytes that are valid UTF-8 are UTF-8 (legacy text almost never is);
 * 3. chardet's statistical guess, when it is confident and clearly ahead of the runner-up
 *    (a short file with a handful of accented letters gives weak, close guesses);
 * 4. else Windows-1252, the most common legacy code page of subtitle files.
 * ISO-8859 names are read as the Windows code page that is their superset where one is
 * (8859-1 → 1252, 8859-9 → 1254, 8859-8 → 1255): the C1 range 0x80–0x9F holds “quotes”, €
 * and … in subtitle files written on Windows, never control characters.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'

/** chardet reads at most this much of a file: enough text for a confident guess, and quick on a 16 MiB ASS file. */
const SAMPLE_BYTES = 256 * 1024
/** chardet's confidence (0–100) under which its guess is not taken. */
const MIN_CONFIDENCE = 20
/** How far ahead of the runner-up the guess must be, in chardet's confidence points. */
const MIN_LEAD = 5
export const FALLBACK_CHARSET = 'windows-1252'

/** ISO-8859 parts whose Windows code page holds every character they do. */
const WINDOWS_SUPERSET: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-8': 'windows-1255'
}

/** Names chardet gives that are not a single-charset answer (or not one iconv-lite decodes). */
const NOT_A_CHARSET: ReadonlySet<string> = new Set(['ascii', 'mbcs', 'sbcs', 'iso_2022', 'utf-32', 'utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])

function bomCharset (bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

function isUtf8 (bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** chardet's guess, when it is one to trust; null otherwise. */
function guessedCharset (bytes: Uint8Array): string | null {
  const matches = chardet.analyse(bytes.subarray(0, SAMPLE_BYTES))
  const [best, runnerUp] = matches
  if (best === undefined || best.confidence < MIN_CONFIDENCE) return null
  if (runnerUp !== undefined && best.confidence - runnerUp.confidence < MIN_LEAD) return null
  const name = best.name.toLowerCase()
  if (NOT_A_CHARSET.has(name)) return null
  const charset = WINDOWS_SUPERSET[name] ?? name
  return iconv.encodingExists(charset) ? charset : null
}

/** The charset name (lowercase, as iconv-lite knows it) to read `bytes` with. */
export function detectCharset (bytes: Uint8Array): string {
  return bomCharset(bytes) ?? (isUtf8(bytes) ? 'utf-8' : guessedCharset(bytes) ?? FALLBACK_CHARSET)
}

/** The file's text, BOM removed, in whatever charset it was written. */
export function decodeText (bytes: Uint8Array): { text: string, charset: string } {
  const charset = detectCharset(bytes)
  // iconv-lite strips a BOM of the charset it decodes (stripBOM defaults to true).
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset), charset }
}
