#!/usr/bin/env bash
# Starts a local Apertium APy (uk<->ru) on 127.0.0.1:$1 (default 2737) in the background and waits
# until it answers; prints its URL. Needs Debian's apertium-apy and apertium-rus-ukr (setup.sh
# installs them). Idempotent: an APy already answering on the port is reused.
#
# Debian's rus-ukr pair is broken as shipped: its apertium-tagger step crashes on most input and APy
# answers 503. We run it from a modes directory of our own in which that step is replaced by a
# constraint-grammar disambiguation pass (cg-proc -1 -n -w), which translates every paragraph.
#
# `apy.sh stop PORT` stops an APy that this script started on PORT.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
state="$here/target/apy"
if [ "${1:-}" = stop ]; then
  pidfile="$state/apy-${2:-2737}.pid"
  [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
  exit 0
fi
port=${1:-2737}
url="http://127.0.0.1:$port"

if curl -fsS -m 2 "$url/listPairs" >/dev/null 2>&1; then
  echo "$url"
  exit 0
fi
if [ ! -f /usr/share/apertium/modes/ukr-rus.mode ] || ! /usr/bin/python3 -c 'import apertium_apy' 2>/dev/null; then
  echo "apy.sh: Apertium APy or the rus-ukr pair is not installed" >&2
  exit 1
fi

mkdir -p "$state/modes"
for mode in ukr-rus rus-ukr; do
  src=/usr/share/apertium/modes/$mode.mode
  rlx=$(grep -o "'[^']*$mode\.rlx\.bin'" "$src" | head -n 1)
  sed -E "s#apertium-tagger -g \\\$2 '[^']*\.prob'#cg-proc -1 -n -w $rlx#" "$src" > "$state/modes/$mode.mode"
  grep -q 'apertium-tagger' "$state/modes/$mode.mode" && { echo "apy.sh: could not patch $mode.mode" >&2; exit 1; }
done

nohup /usr/bin/python3 "$here/scripts/apy.py" "$port" "$state/modes" > "$state/apy-$port.log" 2>&1 &
echo $! > "$state/apy-$port.pid"
for _ in $(seq 1 60); do
  if curl -fsS -m 2 "$url/listPairs" >/dev/null 2>&1; then
    echo "$url"
    exit 0
  fi
  sleep 0.5
done
echo "apy.sh: APy did not start; see $state/apy-$port.log" >&2
exit 1
