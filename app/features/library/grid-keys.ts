/**
 * Arrow-key (D-pad) movement through a grid of `count` tiles laid out `columns` wide: where
 * focus goes from `index` for a key, or null when the key is not a grid move. Up and down keep
 * the column; left and right wrap between rows, as a TV remote expects; Home and End jump to
 * the ends, PageUp and PageDown by `pageRows` rows.
 */
export function gridMove (key: string, index: number, count: number, columns: number, pageRows: number): number | null {
  if (count === 0) return null
  const clamp = (next: number): number => Math.min(count - 1, Math.max(0, next))
  switch (key) {
    case 'ArrowRight': return clamp(index + 1)
    case 'ArrowLeft': return clamp(index - 1)
    case 'ArrowDown': return index + columns < count ? index + columns : index
    case 'ArrowUp': return index - columns >= 0 ? index - columns : index
    case 'PageDown': return clamp(index + columns * pageRows)
    case 'PageUp': return clamp(index - columns * pageRows)
    case 'Home': return 0
    case 'End': return count - 1
    default: return null
  }
}

/** Columns that fit `widthPx` with tiles at least `minTilePx` wide and `gapPx` apart. */
export function columnsFor (widthPx: number, minTilePx: number, gapPx: number): number {
  return Math.max(1, Math.floor((widthPx + gapPx) / (minTilePx + gapPx)))
}
