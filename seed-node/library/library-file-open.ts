/**
 * Opening a library file to serve it, confined to the library: a symlink is served only
 * when its target stays inside the library folder, unless the owner said `--follow-symlinks`.
 * The scanner already skips symlinks that lead outside; this is the check at open time,
 * because a file can be replaced by a symlink (or a folder on its path by a symlinked one)
 * after the scan. The path checked is the one the kernel opened (`/proc/self/fd/<fd>` on
 * Linux), so nothing can change between the check and the read; where /proc is missing, the
 * path is resolved right after opening.
 */
import { open, readlink, realpath, type FileHandle } from 'node:fs/promises'
import { HearthError } from '../lib/errors.ts'
import { isInside } from '../lib/path-inside.ts'

/** Where a library's files may be read from. */
export interface LibraryConfinement {
  /** The library folder, as configured (it may itself be, or sit under, a symlink). */
  root: string
  /** `--follow-symlinks`: serve symlinks wherever they lead. */
  followSymlinks: boolean
}

async function openedPath (handle: FileHandle, absolutePath: string): Promise<string> {
  try {
    return await readlink(`/proc/self/fd/${handle.fd}`)
  } catch {
    return await realpath(absolutePath)
  }
}

/** Opens `absolutePath` read-only, or throws HEARTH_E_OUTSIDE_LIBRARY (closing what it opened). */
export async function openLibraryFile (absolutePath: string, confinement: LibraryConfinement): Promise<FileHandle> {
  const handle = await open(absolutePath, 'r')
  if (confinement.followSymlinks) return handle
  try {
    const [opened, root] = await Promise.all([openedPath(handle, absolutePath), realpath(confinement.root)])
    if (!isInside(root, opened)) {
      throw new HearthError('HEARTH_E_OUTSIDE_LIBRARY', `${absolutePath} leads outside the library folder (a symlink?); not served without --follow-symlinks`)
    }
    return handle
  } catch (err) {
    await handle.close()
    throw err
  }
}
