/** A stable hue (0..359) per title, so each placeholder poster keeps its colour between visits. */
export function posterHue (title: string): number {
  let hash = 0
  for (let i = 0; i < title.length; i++) hash = (hash * 31 + title.charCodeAt(i)) >>> 0
  return hash % 360
}
