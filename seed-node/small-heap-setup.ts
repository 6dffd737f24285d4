/** Imported first by cli.ts, so V8's small-heap flags are set before the rest of the seed node loads (lib/heap-trim.ts). */
import { enableSmallHeap } from './lib/heap-trim.ts'

enableSmallHeap()
