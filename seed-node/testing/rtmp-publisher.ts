/**
 * A real RTMP publisher for tests and benches, standing in for OBS: ffmpeg sending
 * testsrc2 (H.264, a keyframe a second, as OBS is advised to) and a tone (AAC) as FLV to
 * `rtmp://…/<app>/<key>`, paced in real time.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { FFMPEG_COMMAND } from '../editions/ffmpeg-tools.ts'

export interface RtmpPublisher {
  /** Resolves when ffmpeg exits, with its code and the end of what it said. */
  exited: Promise<{ code: number | null, stderr: string }>
  /** Still publishing (ffmpeg has not exited). */
  readonly running: boolean
  /** Stops publishing (as OBS's "Stop Streaming": the connection closes) and waits for the exit. */
  stop: () => Promise<void>
}

export interface PublishOptions {
  seconds?: number
  /** Runs ffmpeg elsewhere, e.g. inside another host of the test LAN (`nsenter …`). */
  wrap?: (command: string, args: string[]) => { command: string, args: string[] }
}

export function publishRtmp (url: string, options: PublishOptions = {}): RtmpPublisher {
  const duration = options.seconds === undefined ? [] : ['-t', String(options.seconds)]
  const wrap = options.wrap ?? ((command: string, args: string[]) => ({ command, args }))
  const launched = wrap(FFMPEG_COMMAND, [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25',
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    ...duration,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '25', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '64k',
    '-f', 'flv', url
  ])
  const child: ChildProcess = spawn(launched.command, launched.args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000) })
  const exited = new Promise<{ code: number | null, stderr: string }>(resolve => {
    child.once('close', code => resolve({ code, stderr }))
    child.once('error', err => resolve({ code: null, stderr: err.message }))
  })
  return {
    exited,
    get running () { return child.exitCode === null && child.signalCode === null },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT') // ffmpeg ends the stream cleanly on SIGINT
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
  }
}
