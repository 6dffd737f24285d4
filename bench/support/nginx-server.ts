/**
 * Debian's nginx as the "files over plain HTTP" peer: a minimal config in a temp folder,
 * listening on 127.0.0.1 and a port chosen at run time, serving a media folder at
 * /media/ and a folder of bench pages at /, run in the foreground under time -v.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { freePort } from './free-port.ts'
import { startMeasured, type MeasuredProcess } from './measured-process.ts'

export interface NginxServer { url: string, process: MeasuredProcess, stop: () => Promise<void> }

export async function startNginx (options: { dir: string, mediaDir: string, wwwDir: string }): Promise<NginxServer> {
  const port = await freePort()
  const temp = path.join(options.dir, 'temp')
  await mkdir(temp, { recursive: true })
  const conf = path.join(options.dir, 'nginx.conf')
  const asRoot = process.getuid?.() === 0
  await writeFile(conf, `${asRoot ? 'user root;\n' : ''}worker_processes 1;
pid ${options.dir}/nginx.pid;
error_log ${options.dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { video/mp4 mp4; video/webm webm; text/html html; application/javascript js; }
  default_type application/octet-stream;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  server {
    listen 127.0.0.1:${port};
    location /media/ { alias ${options.mediaDir}/; }
    location / { root ${options.wwwDir}; }
  }
}
`)
  const proc = startMeasured('nginx', ['-c', conf, '-p', options.dir, '-g', 'daemon off;'])
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10 * 1000
  for (;;) {
    const ok = await fetch(url + '/').then(() => true, () => false)
    if (ok) break
    if (Date.now() > deadline || proc.child.exitCode !== null) {
      await proc.stop()
      throw new Error(`nginx did not start:\n${proc.output()}`)
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return { url, process: proc, stop: async () => { await proc.stop('SIGQUIT') } }
}
