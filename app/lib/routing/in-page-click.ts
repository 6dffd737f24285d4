import type { MouseEvent } from 'react'

/** Routes a plain left click on a link in the page; lets the browser handle new-tab / new-window clicks. */
export function inPageClick (go: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    go()
  }
}
