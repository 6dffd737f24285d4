// Worker threads start without the parent's TypeScript loader: register tsx in this thread,
// then load the real worker. (The one JavaScript file of the seed node, for that reason.)
import { register } from 'tsx/esm/api'

register()
await import('./hash-worker.ts')
