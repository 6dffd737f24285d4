/**
 * Whether one resolved path lies inside another, for the checks that keep Hearth's writes out
 * of the library and its reads inside it. `path.relative` gives `..` or `../…` for a path
 * outside; a name that merely begins with two dots (`..rec`, `..hidden.mkv`) is inside.
 */
import path from 'node:path'

function relativeInside (root: string, target: string): string | null {
  const relative = path.relative(root, target)
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
  return outside ? null : relative
}

/** `target` is strictly inside `root` (not `root` itself). */
export function isInside (root: string, target: string): boolean {
  const relative = relativeInside(root, target)
  return relative !== null && relative !== ''
}

/** `target` is `root` itself or inside it. */
export function isInsideOrSame (root: string, target: string): boolean {
  return relativeInside(root, target) !== null
}
