/** React binding for history API routing: the current route, and `navigate` to push a new one. */
import { useCallback, useEffect, useState } from 'react'
import { parseRoute, routePath, type Route } from './route.ts'

/** Marks history entries pushed by the app, so "back" knows it stays inside Hearth. */
const IN_APP_ENTRY = { hearth: true } as const

/** True when the current history entry was pushed by the app (not a deep link or reload of one). */
export function cameFromInsideApp (): boolean {
  const state: unknown = window.history.state
  return typeof state === 'object' && state !== null && 'hearth' in state
}

export interface NavigateOptions {
  /**
   * Replace the current history entry instead of pushing one: typing in the search box
   * refines one view, and Back should leave it, not undo it a letter at a time.
   */
  readonly replace?: boolean
}

export function useRoute (): { route: Route, navigate: (to: Route, options?: NavigateOptions) => void } {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname, window.location.search))

  useEffect(() => {
    const onPopState = (): void => setRoute(parseRoute(window.location.pathname, window.location.search))
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [])

  const navigate = useCallback((to: Route, options: NavigateOptions = {}) => {
    const path = routePath(to)
    if (options.replace === true) window.history.replaceState(window.history.state, '', path)
    else if (path !== window.location.pathname + window.location.search) window.history.pushState(IN_APP_ENTRY, '', path)
    setRoute(to)
    if (options.replace !== true) window.scrollTo(0, 0)
  }, [])

  return { route, navigate }
}
