#!/bin/sh
# Measures what the dashboard sends to the terminal, through tmux pipe-pane:
#   (a) bytes during 60 idle seconds (real clock, so only the minute tick should draw),
#   (b) bytes for one visitor check-in made by another session through the CLI,
# and the dashboard's CPU time over the idle minute (utime+stime from /proc), to show it
# sleeps in poll(2) instead of polling busily.
#
# Usage: scripts/measure-terminal-bytes.sh STORE_DIR
#   STORE_DIR is created as a training store with today's demo office when it does not exist
#   (or is empty); an existing store is used as it is.
#   FRONTDESK_BIN  the binary to measure (default .build/debug/frontdesk)
#   IDLE_SECONDS   length of the idle window (default 60)
set -eu

STORE=${1:?usage: $0 STORE_DIR}
BIN=${FRONTDESK_BIN:-.build/debug/frontdesk}
IDLE=${IDLE_SECONDS:-60}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "no executable at $BIN (build first, or set FRONTDESK_BIN)" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 2; }
unset FRONTDESK_NOW FRONTDESK_USER FRONTDESK_STORE

if [ ! -d "$STORE" ] || [ -z "$(ls -A "$STORE" 2>/dev/null)" ]; then
    "$BIN" init --store "$STORE" --allow-overrides >/dev/null
    "$BIN" demo --store "$STORE" --date "$(date +%F)" >/dev/null
fi
STORE=$(cd "$STORE" && pwd)

SOCK=frontdesk-bytes-$$
OUT=$(mktemp /tmp/frontdesk-bytes.XXXXXX)
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -f "$OUT"; }
trap cleanup EXIT INT TERM

size() { wc -c < "$OUT" | tr -d ' '; }
now_ms() { date +%s%3N; }
# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat; the command
# name in field 2 is in parentheses and may hold spaces, so cut after the last ')').
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
# Waits (up to $2 seconds) until the screen contains $1.
wait_screen() {
    end=$(( $(date +%s) + $2 ))
    while ! T capture-pane -p -t fd | grep -q -- "$1"; do
        [ "$(date +%s)" -lt "$end" ] || { echo "timed out waiting for '$1'; screen:" >&2; T capture-pane -p -t fd >&2; exit 1; }
        sleep 0.05
    done
}
# Waits until no byte has reached the terminal for $1 ms.
wait_quiet() {
    last=$(size); quiet_since=$(now_ms)
    while [ $(( $(now_ms) - quiet_since )) -lt "$1" ]; do
        sleep 0.05
        s=$(size)
        if [ "$s" != "$last" ]; then last=$s; quiet_since=$(now_ms); fi
    done
}

# `exec` so the pane's pid is the dashboard itself.
T new-session -d -s fd -x 120 -y 40 \
    "exec env LANG=C.UTF-8 TERM=xterm-256color '$BIN' --store '$STORE'"
T set-option -g remain-on-exit on
PID=$(T display -p -t fd '#{pane_pid}')
wait_screen 'Approvals' 10
T pipe-pane -o -t fd "cat >> '$OUT'"
sleep 1   # let pipe-pane attach; the dashboard is idle here
echo "binary:   $BIN ($(cat /proc/$PID/comm), pid $PID)"
echo "store:    $STORE"

# (a) idle
TICK=$(getconf CLK_TCK)
b0=$(size); c0=$(cpu_ticks "$PID"); t0=$(now_ms)
sleep "$IDLE"
b1=$(size); c1=$(cpu_ticks "$PID"); t1=$(now_ms)
idle_bytes=$((b1 - b0))
echo "idle:     $idle_bytes bytes in $(( (t1 - t0) / 1000 )) s"
echo "idle cpu: $((c1 - c0)) ticks = $(( (c1 - c0) * 1000 / TICK )) ms of CPU (utime+stime, $TICK ticks/s) in $(( (t1 - t0) / 1000 )) s"
if [ "$idle_bytes" -gt 0 ]; then
    printf 'idle bytes, as sent: '
    tail -c "$idle_bytes" "$OUT" | cat -v | head -c 400; echo
fi

# (b) one check-in from another session
wait_quiet 1500
V=$("$BIN" visitor list --store "$STORE" --json | python3 -c '
import json, sys
rows = [v for v in json.load(sys.stdin) if v.get("status") == "arrived"]
print(rows[0]["id"] if rows else "")')
if [ -z "$V" ]; then
    V=$("$BIN" visitor add --store "$STORE" --name "测量 Bytes" --host lina --at "$(date '+%F %H:%M')" | head -1)
    "$BIN" visitor arrive "$V" --store "$STORE" >/dev/null
    wait_quiet 1500
fi
NAME=$("$BIN" visitor list --store "$STORE" --json | python3 -c "
import json, sys
print(next(v['name'] for v in json.load(sys.stdin) if v['id'] == '$V'))")
b2=$(size); t2=$(now_ms)
BADGE=$("$BIN" visitor checkin "$V" --store "$STORE" | head -1)
t3=$(now_ms)
# The badge code appears on the visitor's row when the dashboard has drawn the change.
wait_screen "$BADGE" 10
t4=$(now_ms)
wait_quiet 1000
b3=$(size)
echo "checkin:  $V ($NAME) got badge $BADGE; CLI $((t3 - t2)) ms, on screen $((t4 - t3)) ms after it returned"
echo "checkin:  $((b3 - b2)) bytes sent to the terminal"
