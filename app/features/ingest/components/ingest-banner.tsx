/**
 * A small line on the library page while the home server indexes new files ("Indexing your
 * library: 12 items left"; test id `ingest-banner`); gone when it is done, and the catalog
 * is reloaded so the new items appear.
 */
import { useLibraryKey } from '../../../lib/household/use-library-key.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { ingestBannerText } from '../ingest-progress.ts'
import { useIngestProgress } from '../use-ingest-progress.ts'

export function IngestBanner ({ onFinished }: { onFinished: () => void }) {
  const paired = typeof useLibraryKey() === 'string'
  const text = ingestBannerText(useIngestProgress(paired, onFinished))
  if (text === null) return null
  return (
    <p className='ingest-banner' role='status' data-testid={TEST_IDS.ingestBanner}>
      <span className='spinner ingest-banner__spinner' aria-hidden='true' />
      {text}
    </p>
  )
}
