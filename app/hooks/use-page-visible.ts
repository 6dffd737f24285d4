/**
 * Whether this page is visible (not a background tab, not a locked phone screen). Polls
 * run only while it is, so a forgotten tab costs the home server nothing.
 */
import { useSyncExternalStore } from 'react'

function subscribe (onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange)
  return () => document.removeEventListener('visibilitychange', onChange)
}

export function usePageVisible (): boolean {
  return useSyncExternalStore(subscribe, () => document.visibilityState === 'visible', () => true)
}
