/**
 * A window-scrolled grid that renders only the rows near the viewport (@tanstack/react-virtual,
 * rows of N tiles), so the DOM stays the same size at 50 or 10,000 items. One tile at a time
 * is in the tab order (roving tabindex); arrow keys, PageUp/PageDown, Home and End move focus
 * through the grid, scrolling the target row in first (it may not be rendered yet).
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { columnsFor, gridMove } from '../grid-keys.ts'

/** Narrowest tile (px), as the grid's CSS had it; two columns on phones. */
const MIN_TILE_PX = 220
const PHONE_MAX_PX = 600
const GAP_PX = 20
/** First guess of a row's height (px) before it is measured. */
const ESTIMATED_ROW_PX = 300
/** Rows rendered beyond the viewport each way, so a fast scroll shows no blank. */
const OVERSCAN_ROWS = 2
const PAGE_ROWS = 3

interface VirtualGridProps<T> {
  items: readonly T[]
  getKey: (item: T) => string
  /** Draws one tile; `tabIndex` and the `data-grid-focus` attribute go on its main link. */
  renderTile: (item: T, tabIndex: 0 | -1) => ReactNode
  label: string
}

function useColumns (element: HTMLElement | null): number {
  const [columns, setColumns] = useState(1)
  useLayoutEffect(() => {
    if (element === null) return
    const update = (): void => {
      const width = element.clientWidth
      setColumns(window.innerWidth <= PHONE_MAX_PX ? 2 : columnsFor(width, MIN_TILE_PX, GAP_PX))
    }
    update()
    const observer = new ResizeObserver(update)
    observer.observe(element)
    return () => observer.disconnect()
  }, [element])
  return columns
}

export function VirtualGrid<T> ({ items, getKey, renderTile, label }: VirtualGridProps<T>) {
  const [element, setElement] = useState<HTMLDivElement | null>(null)
  const columns = useColumns(element)
  const rowCount = Math.ceil(items.length / columns)
  const [active, setActive] = useState(0)
  const pendingFocus = useRef<number | null>(null)
  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    scrollMargin: element?.offsetTop ?? 0,
    gap: GAP_PX
  })
  const activeIndex = Math.min(active, Math.max(0, items.length - 1))

  const focusIndex = useCallback((index: number): boolean => {
    const target = element?.querySelector<HTMLElement>(`[data-grid-index="${index}"] [data-grid-focus]`)
    if (!target) return false
    target.focus()
    return true
  }, [element])

  // After a move to a row that was not rendered, focus once it is.
  useEffect(() => {
    if (pendingFocus.current !== null && focusIndex(pendingFocus.current)) pendingFocus.current = null
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const from = Number((event.target as HTMLElement).closest('[data-grid-index]')?.getAttribute('data-grid-index') ?? activeIndex)
    const next = gridMove(event.key, from, items.length, columns, PAGE_ROWS)
    if (next === null) return
    event.preventDefault()
    setActive(next)
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' })
    if (!focusIndex(next)) pendingFocus.current = next
  }

  return (
    <div ref={setElement} className='vgrid' role='list' aria-label={label} onKeyDown={onKeyDown} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map(row => (
        <div
          key={row.key}
          ref={virtualizer.measureElement}
          data-index={row.index}
          className='vgrid__row'
          style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: GAP_PX }}
        >
          {items.slice(row.index * columns, row.index * columns + columns).map((item, column) => {
            const index = row.index * columns + column
            return (
              <div key={getKey(item)} role='listitem' className='vgrid__cell' data-grid-index={index} onFocus={() => setActive(index)}>
                {renderTile(item, index === activeIndex ? 0 : -1)}
              </div>
            )
          })}
        </div>
      ))}
    </div>
  )
}
