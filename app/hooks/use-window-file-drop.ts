/**
 * Files dragged anywhere onto the window: `dragging` is true while they hover (for an
 * overlay), and `onFiles` gets them on drop. The whole window takes the drop, so a file
 * dropped beside a drop zone is never opened by the browser instead. Drags that carry no
 * files (text, links) are left alone.
 */
import { useEffect, useRef, useState } from 'react'
import { listenAll } from '../lib/dom/listen-all.ts'

export function useWindowFileDrop (onFiles: (files: FileList | null) => void): boolean {
  const [dragging, setDragging] = useState(false)
  const onFilesRef = useRef(onFiles)
  useEffect(() => { onFilesRef.current = onFiles })

  useEffect(() => {
    let depth = 0 // dragenter/dragleave fire for every child element crossed
    const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true
    const onEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth += 1
      setDragging(true)
    }
    const onOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault() // allow the drop
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onDrop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault() // never let the browser navigate to the file
      depth = 0
      setDragging(false)
      onFilesRef.current(event.dataTransfer?.files ?? null)
    }
    return listenAll<WindowEventMap>(window, { dragenter: onEnter, dragover: onOver, dragleave: onLeave, drop: onDrop })
  }, [])

  return dragging
}
