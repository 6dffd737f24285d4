/**
 * Where a file named by untrusted metadata (a foreign magnet's torrent, a dropped
 * .torrent) may be written: always inside the downloads folder. Components that try to
 * escape (`..`, absolute paths, drive letters) or that no file system should see (NUL and
 * control characters, Windows reserved names, trailing dots and spaces, over-long names)
 * are refused with HEARTH_E_UNSAFE_PATH, naming the problem — never silently written.
 */
import path from 'node:path'
import type { ApiErrorCode } from '../../protocol/api/api-error.ts'

export class UnsafePathError extends Error {
  readonly code = 'HEARTH_E_UNSAFE_PATH' satisfies ApiErrorCode
  constructor (readonly torrentPath: string, reason: string) {
    super(`refused file name ${JSON.stringify(torrentPath.slice(0, 200))}: ${reason}`)
  }
}

/** Bytes in one path component on common file systems (ext4, NTFS, APFS). */
const MAX_COMPONENT_BYTES = 255
/** Components in one path, and bytes in the whole relative path. */
const MAX_DEPTH = 32
const MAX_PATH_BYTES = 4000
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/
const FORBIDDEN_CHARACTERS = /[<>:"|?*\\/]/

/** Why one component is unsafe, or null when it is fine. */
export function unsafeComponentReason (component: string): string | null {
  if (component === '') return 'empty path component'
  if (component === '.' || component === '..') return `"${component}" would leave the downloads folder`
  if (CONTROL_CHARACTERS.test(component)) return 'NUL or control character in the name'
  if (FORBIDDEN_CHARACTERS.test(component)) return 'character not allowed in file names (<>:"|?*\\/)'
  if (WINDOWS_RESERVED.test(component)) return `"${component}" is a reserved device name`
  if (/[. ]$/.test(component)) return 'name ends with a dot or a space'
  if (Buffer.byteLength(component) > MAX_COMPONENT_BYTES) return `name longer than ${MAX_COMPONENT_BYTES} bytes`
  return null
}

/**
 * The absolute path for a torrent file path (its components, or a `/`-joined string) inside
 * `downloadsDir`. Throws UnsafePathError for anything that is not a plain relative name.
 */
export function confinePath (downloadsDir: string, torrentPath: string | readonly string[]): string {
  const shown = typeof torrentPath === 'string' ? torrentPath : torrentPath.join('/')
  const components = typeof torrentPath === 'string' ? torrentPath.split('/') : [...torrentPath]
  if (typeof torrentPath === 'string' && (torrentPath.startsWith('/') || /^[A-Za-z]:/.test(torrentPath))) {
    throw new UnsafePathError(shown, 'absolute path')
  }
  if (components.length === 0 || components.length > MAX_DEPTH) throw new UnsafePathError(shown, `path must have 1-${MAX_DEPTH} components`)
  if (Buffer.byteLength(shown) > MAX_PATH_BYTES) throw new UnsafePathError(shown, `path longer than ${MAX_PATH_BYTES} bytes`)
  for (const component of components) {
    const reason = unsafeComponentReason(component)
    if (reason) throw new UnsafePathError(shown, reason)
  }
  const root = path.resolve(downloadsDir)
  const target = path.resolve(root, ...components)
  // Belt and braces: whatever the checks above missed, the result must stay under root.
  if (!target.startsWith(root + path.sep)) throw new UnsafePathError(shown, 'resolves outside the downloads folder')
  return target
}

/** Text of a bencoded string (parse-torrent leaves them as bytes in `info`). */
function text (value: unknown): string | null {
  if (typeof value === 'string') return value
  if (value instanceof Uint8Array) return new TextDecoder().decode(value)
  return null
}

/**
 * The file paths exactly as a torrent's raw info dictionary names them — before any
 * library "normalises" them (parse-torrent quietly turns `../x` into `x`): the torrent
 * name followed by each file's components, preferring the `.utf-8` variants.
 */
export function rawTorrentPaths (info: unknown): string[][] {
  if (typeof info !== 'object' || info === null) throw new UnsafePathError('(info)', 'torrent has no info dictionary')
  const dict = info as Record<string, unknown>
  const name = text(dict['name.utf-8'] ?? dict.name)
  if (name === null) throw new UnsafePathError('(name)', 'torrent has no name')
  const files = dict.files
  if (!Array.isArray(files)) return [[name]]
  return files.map((file: unknown, index) => {
    const entry = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>
    const components = entry['path.utf-8'] ?? entry.path
    if (!Array.isArray(components)) throw new UnsafePathError(`${name}/(file ${index})`, 'file without a path')
    return [name, ...components.map(component => text(component) ?? '\u0000')]
  })
}

/** Checks every file of a torrent's raw info dictionary; returns their confined absolute paths. */
export function confineTorrentFiles (downloadsDir: string, info: unknown): string[] {
  return rawTorrentPaths(info).map(components => confinePath(downloadsDir, components))
}
