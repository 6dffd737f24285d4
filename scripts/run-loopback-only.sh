#!/usr/bin/env bash
# Runs a command inside a fresh network namespace whose only interface is loopback, so
# nothing the tests start (seed node, WebRTC, Chromium) can reach any other address.
# As root a plain network namespace is used; otherwise a user namespace provides one.
# Where neither is allowed the command runs as is, with a warning.
set -euo pipefail
if [ "${HEARTH_IN_NETNS:-}" = "1" ]; then exec "$@"; fi
inner='ip link set lo up 2>/dev/null || true; export HEARTH_IN_NETNS=1; exec "$@"'
if [ "$(id -u)" = "0" ] && unshare -n true 2>/dev/null; then
  exec unshare -n bash -c "$inner" bash "$@"
elif unshare -rn true 2>/dev/null; then
  exec unshare -rn bash -c "$inner" bash "$@"
fi
echo "run-loopback-only: cannot create a network namespace here; running without isolation" >&2
exec "$@"
