/**
 * The page nginx serves for the plain `<video src>` side of a first-frame bench: a "play"
 * button (the click the stopwatch starts from) that points a `<video>` at
 * `/media/Films/<?file=…>` and plays it. `muted` as the Hearth side it is compared with plays.
 */
export function nginxPlayPage ({ muted }: { muted: boolean }): string {
  return `<!doctype html><meta charset="utf-8"><title>bench</title>
<button id="play">play</button><video id="v"${muted ? ' muted' : ''} playsinline></video>
<script>
  document.getElementById('play').addEventListener('click', () => {
    const v = document.getElementById('v')
    v.src = '/media/Films/' + new URLSearchParams(location.search).get('file')
    v.play()
  })
</script>`
}
