// Imported by the generated service worker (see app/build/service-worker-plugin.ts).
// A page that was hard-reloaded (Shift+Reload) is not controlled even though the worker is
// active, so WebTorrent's `/webtorrent/...` stream URLs would bypass the worker. The page
// then posts { type: 'HEARTH_CLAIM' } and the worker takes control of it.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'HEARTH_CLAIM') event.waitUntil(self.clients.claim())
})
