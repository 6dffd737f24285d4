/**
 * Asks ffprobe what a live source carries before each ffmpeg run: whether its video is
 * already H.264 (copied, not encoded) and whether it has audio. A source ffprobe cannot
 * open in time (a camera unplugged, an IP camera unreachable) is unreadable: the channel
 * is offline and the supervisor tries again later.
 */
import { execFile } from 'node:child_process'
import { z } from 'zod'
import { FFPROBE_COMMAND } from '../editions/ffprobe-media.ts'
import { probeInputArgs, TESTSRC_FACTS, type SourceFacts } from './live-args.ts'
import type { LiveSource } from './live-source.ts'

const PROBE_TIMEOUT_MS = 15 * 1000
const MAX_PROBE_OUTPUT_BYTES = 256 * 1024

const ProbeOutput = z.object({
  streams: z.array(z.object({ codec_type: z.string().optional(), codec_name: z.string().optional() })).default([])
})

export type ProbeResult = { ok: true, facts: SourceFacts } | { ok: false, reason: string }

/** `signal` stops a probe still waiting for a source (the seed node is closing). */
export async function probeLiveSource (source: LiveSource, signal?: AbortSignal): Promise<ProbeResult> {
  const input = probeInputArgs(source)
  if (input === null) return { ok: true, facts: TESTSRC_FACTS }
  const args = ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name', '-of', 'json', ...input]
  return await new Promise(resolve => {
    execFile(FFPROBE_COMMAND, args, { timeout: PROBE_TIMEOUT_MS, maxBuffer: MAX_PROBE_OUTPUT_BYTES, killSignal: 'SIGKILL', ...(signal === undefined ? {} : { signal }) }, (err, stdout, stderr) => {
      if (err !== null) {
        const said = stderr.split('\n').map(line => line.trim()).filter(Boolean).at(-1)
        return resolve({ ok: false, reason: (said ?? (err.killed ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : err.message)).slice(0, 300) })
      }
      let parsed: z.infer<typeof ProbeOutput>
      try {
        parsed = ProbeOutput.parse(JSON.parse(stdout))
      } catch {
        return resolve({ ok: false, reason: 'ffprobe gave an answer that is not its JSON' })
      }
      const first = (type: string): string | null => parsed.streams.find(stream => stream.codec_type === type)?.codec_name ?? null
      const facts = { videoCodec: first('video'), audioCodec: first('audio') }
      if (facts.videoCodec === null) return resolve({ ok: false, reason: 'the source has no video stream' })
      resolve({ ok: true, facts })
    })
  })
}
