#!/usr/bin/env bash
# Regenerates the sample library that ships in the repo (sample-library/), from ffmpeg's
# built-in test sources, so no media of unknown licence is committed. Needs ffmpeg.
# Output is a few MB: short clips in the codecs Chromium plays (H.264/AAC, VP9/Opus).
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/sample-library"
mkdir -p "$out/Films" "$out/Series/Test Pattern Show/Season 01"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }

# H.264/AAC MP4, moov atom up front (+faststart), 24 s.
ff -f lavfi -i "testsrc2=size=640x360:rate=24:duration=24" \
   -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=24" \
   -c:v libx264 -preset veryfast -profile:v main -pix_fmt yuv420p -b:v 500k -g 48 \
   -c:a aac -b:a 64k -movflags +faststart -metadata title="Colour Bars at Dusk" \
   "$out/Films/Colour Bars at Dusk (2026).mp4"

# VP9/Opus WebM, 20 s.
ff -f lavfi -i "life=size=640x360:rate=24:mold=10:ratio=0.4:death_color=#1a1a40:life_color=#ffc060" \
   -f lavfi -i "sine=frequency=330:sample_rate=48000:duration=20" -t 20 \
   -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 400k -g 48 -pix_fmt yuv420p \
   -c:a libopus -b:a 48k -metadata title="A Life in Cells" \
   "$out/Films/A Life in Cells (2025).webm"

# An episode with a WebVTT subtitle beside it (travels in the same torrent).
ep="$out/Series/Test Pattern Show/Season 01/Test Pattern Show - S01E01 - Pilot"
ff -f lavfi -i "smptehdbars=size=640x360:rate=24:duration=18" \
   -f lavfi -i "sine=frequency=550:sample_rate=48000:duration=18" \
   -c:v libx264 -preset veryfast -pix_fmt yuv420p -b:v 400k -g 48 \
   -c:a aac -b:a 64k -movflags +faststart "$ep.mp4"
cat > "$ep.en.vtt" <<'VTT'
WEBVTT

00:00:00.500 --> 00:00:04.000
Previously, on Test Pattern Show...

00:00:04.500 --> 00:00:09.000
The bars have never looked so sharp.

00:00:09.500 --> 00:00:17.000
Stay tuned: the tone is about to change.
VTT
ls -laR "$out"
