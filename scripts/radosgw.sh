#!/usr/bin/env bash
# A throwaway single-node Ceph (mon + memstore OSD + radosgw on 127.0.0.1:7480) as a real S3 server for the tests.
#
#   scripts/radosgw.sh start    start (or find running) and wait until S3 answers; prints one line with the endpoint
#   scripts/radosgw.sh stop     stop the daemons this script started and remove their directory
#   scripts/radosgw.sh status   print the endpoint line and exit 0 when S3 answers, else exit 1
#   scripts/radosgw.sh env      print the `export …` lines the S3 suites read (eval "$(scripts/radosgw.sh env)")
#
# Installs nothing: needs Debian's radosgw, ceph-mon and ceph-osd (Ceph 16.2, see .ci/run). Run as root.
# Everything lives in $MLFLOW_TS_RADOSGW_DIR (default /tmp/mlflow-ts-radosgw): config, mon store, logs, pid files.
# The OSD keeps its data in memory (memstore), so a stop or a reboot forgets every object.
set -euo pipefail

D=${MLFLOW_TS_RADOSGW_DIR:-${TMPDIR:-/tmp}/mlflow-ts-radosgw}
HOST=127.0.0.1
MON_PORT=${MLFLOW_TS_RADOSGW_MON_PORT:-6789}
PORT=${MLFLOW_TS_RADOSGW_PORT:-7480}
ENDPOINT="http://$HOST:$PORT"
# Fixed test credentials (20/40 characters, as AWS keys look); nothing secret, the server only listens on loopback.
ACCESS_KEY=MLFLOWTSTESTACCESSKY
SECRET_KEY=mlflow-ts-test-secret-key-0123456789abcd
START_TIMEOUT=${MLFLOW_TS_RADOSGW_TIMEOUT:-120}
C=(-c "$D/ceph.conf")

log() { echo "radosgw.sh: $*" >&2; }

line() { echo "radosgw: S3 at $ENDPOINT (access key $ACCESS_KEY, region us-east-1, path-style)$*"; }

# A SigV4-signed ListBuckets with the test user's keys answered with S3's XML: radosgw is up *and* the user exists.
# (curl 7.88's --aws-sigv4 leaves out the payload hash header S3 requires, so it is sent explicitly.)
s3_answers() {
  local body
  body=$(curl -sf --max-time 3 --aws-sigv4 'aws:amz:us-east-1:s3' --user "$ACCESS_KEY:$SECRET_KEY" \
    -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$ENDPOINT/" 2>/dev/null) || return 1
  [[ $body == *'<ListAllMyBucketsResult'* ]]
}

# Anything at all on the port (anonymous GET / answers 200 once radosgw serves requests).
port_answers() {
  curl -s -o /dev/null --max-time 2 "$ENDPOINT/" 2>/dev/null
}

pid_alive() { [ -f "$D/$1.pid" ] && kill -0 "$(cat "$D/$1.pid")" 2>/dev/null; }

# Starts a daemon in the foreground mode (-f) but detached from this shell, its own session, pid recorded.
spawn() {
  local name=$1
  shift
  setsid "$@" </dev/null >>"$D/log/$name.out" 2>&1 &
  echo $! >"$D/$name.pid"
}

wait_for() {
  local what=$1 deadline=$2
  shift 2
  until "$@"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "timed out waiting for $what; logs in $D/log"
      tail -n 20 "$D"/log/*.log "$D"/log/*.out >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.5
  done
}

ceph_q() { timeout 15 ceph "${C[@]}" --connect-timeout 10 "$@"; }
osd_up() { ceph_q osd stat 2>/dev/null | grep -q '1 up'; }
mon_up() { ceph_q mon stat >/dev/null 2>&1; }
# A mon that answers `mon stat` may still refuse commands (EPERM "problem getting command descriptions") until it
# has finished electing itself leader; seen under load, so the first command is retried until the deadline.
osd_created() { ceph_q osd create >/dev/null 2>&1; }

do_stop() {
  local name pid
  case "$D" in /|/tmp|/tmp/|"") log "refusing to remove $D"; return 1 ;; esac
  for name in rgw osd mon; do
    if [ -f "$D/$name.pid" ]; then
      pid=$(cat "$D/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$D"
}

do_start() {
  local t0 deadline fsid
  t0=$(date +%s)
  if s3_answers; then
    line " already running"
    return 0
  fi
  for bin in ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph curl; do
    command -v "$bin" >/dev/null || {
      log "$bin not found: apt-get install --no-install-recommends -y radosgw ceph-mon ceph-osd curl"
      return 1
    }
  done
  if port_answers; then
    log "something already answers on $ENDPOINT but not with the test keys; not starting a second server"
    return 1
  fi
  # A half-started or dead previous instance: start from scratch (memstore kept nothing anyway).
  do_stop
  deadline=$((t0 + START_TIMEOUT))
  mkdir -p "$D"/{mon,osd0,rgw,run,log}
  fsid=$(cat /proc/sys/kernel/random/uuid)
  cat >"$D/ceph.conf" <<EOF
[global]
fsid = $fsid
mon host = $HOST:$MON_PORT
mon initial members = a
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
# Few placement groups: radosgw creates ~7 pools, one memstore OSD peers 8 PGs each much faster than 32.
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon max pg per osd = 1000
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
run dir = $D/run
log file = $D/log/\$name.log
admin socket = $D/run/\$name.asok
ms bind ipv4 = true
ms bind ipv6 = false
[mon]
mon data = $D/mon/\$cluster-\$id
[osd]
osd data = $D/osd0
osd objectstore = memstore
memstore device bytes = 2147483648
osd journal = $D/osd0/journal
[client.rgw.a]
rgw frontends = beast endpoint=$HOST:$PORT
rgw data = $D/rgw
rgw dns name = $HOST
EOF
  monmaptool --create --add a "$HOST:$MON_PORT" --fsid "$fsid" "$D/monmap" >/dev/null
  ceph-mon "${C[@]}" --mkfs -i a --monmap "$D/monmap" >>"$D/log/mkfs.out" 2>&1
  spawn mon ceph-mon "${C[@]}" -i a -f
  wait_for "ceph-mon" "$deadline" mon_up
  wait_for "ceph-mon to accept commands" "$deadline" osd_created
  ceph-osd "${C[@]}" -i 0 --mkfs >>"$D/log/mkfs.out" 2>&1
  spawn osd ceph-osd "${C[@]}" -i 0 -f
  ceph_q osd crush add osd.0 1.0 host=localhost root=default >/dev/null 2>&1
  wait_for "ceph-osd up" "$deadline" osd_up
  spawn rgw radosgw "${C[@]}" -n client.rgw.a -f
  wait_for "radosgw on $ENDPOINT" "$deadline" port_answers
  timeout 60 radosgw-admin "${C[@]}" -n client.rgw.a user create --uid=mlflow-ts-test --display-name=mlflow-ts-test \
    --access-key="$ACCESS_KEY" --secret="$SECRET_KEY" >>"$D/log/user.out" 2>&1
  wait_for "signed S3 requests" "$deadline" s3_answers
  line " started in $(($(date +%s) - t0))s"
}

case "${1:-}" in
  start) do_start ;;
  stop) do_stop && echo "radosgw: stopped" ;;
  status)
    if s3_answers; then line ""; else
      echo "radosgw: not answering on $ENDPOINT"
      exit 1
    fi
    ;;
  env)
    echo "export MLFLOW_TS_S3_TEST_ENDPOINT=$ENDPOINT"
    echo "export MLFLOW_TS_S3_TEST_ACCESS_KEY=$ACCESS_KEY"
    echo "export MLFLOW_TS_S3_TEST_SECRET_KEY=$SECRET_KEY"
    ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
