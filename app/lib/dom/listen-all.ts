/**
 * Adds several event listeners to one target and gives back the one function that removes them
 * all, for an effect's clean-up: a listener added without its twin removal outlives the
 * component (and keeps its element alive). `M` is the target's event map
 * (`HTMLVideoElementEventMap`, `WindowEventMap`…), so each listener gets its event's own type.
 */
export type ListenerTable<M> = { [K in keyof M & string]?: (event: M[K]) => void }

export function listenAll<M> (target: EventTarget, listeners: ListenerTable<M>): () => void {
  // The table is keyed by M's event names, so each listener meets only its own event type.
  const entries = Object.entries(listeners) as Array<[string, EventListener]>
  for (const [type, listener] of entries) target.addEventListener(type, listener)
  return () => {
    for (const [type, listener] of entries) target.removeEventListener(type, listener)
  }
}
