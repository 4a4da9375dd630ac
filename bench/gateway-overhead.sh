#!/usr/bin/env bash
# The gateway's overhead, side by side in one run against a fast local stub upstream (issue 6 acceptance):
# for each configuration (det: deterministic scanners only, rules-only injection, `learnedModel: false`; full:
# everything on, the learned injection model too behind its two gates (n-gram triage, cut-encoder screen), as shipped; always: the learned model
# reads every message, `modelTriage: false`, the cost when every message looks suspicious) it sends the same load
# straight to the stub and through the gateway at fixed rates (open loop, latency counted from when each request was
# due, so stalls are not hidden), then as many requests as the gateway takes (closed loop). At fixed rates the two
# are interleaved in one run (each gateway request due half a period after a direct one; PAIRED=0: two runs back to
# back, as before 2026-11-27), so both tails are measured over the same seconds of the same machine: back to back, a
# stall that hit only one of the two runs moved the difference of the p99s by milliseconds. Every protection is on in both configurations: API key,
# Bucket4j limits (set high enough never to refuse), extraction monitor (alert only), input and output filters,
# canaries and system-prompt leak rules, hash-chained audit log. Limits and thresholds are set so nothing is
# refused: the benchmark measures the work, not a 429.
#
# Usage: bench/gateway-overhead.sh [SECONDS] [REPEATS] [DET_RATES] [FULL_RATES] [ALWAYS_RATES]
#        (defaults 20, 2, "200 1000", "200 1000", "20 50": the learned model costs ~8 ms of CPU per message it
#        reads, so two cores cannot take the deterministic rates when it reads every message; its closed-loop rate is
#        measured all the same)
# Environment: CONFIGS="det full" (which to run: det, full, always), CONCURRENCY=64 (closed loop), TTFT=200 (streamed
# requests, one at a time, straight and through the gateway: time to the first token, the stub streaming a word
# every 20 ms; 0 leaves it out), SETTLE=120 (seconds each rate run
# first spends at its rate, uncounted, after the flat-out warm-up: at a moderate rate a JVM goes on compiling and
# deoptimising for a minute or more, on the same cores as the event loop; a gateway in service runs for days. On the
# slow box of 2026-11-27 the gateway's JIT still recompiled its request path 100 s into a 200 req/s run, so 60 s
# measured inside that window), GATEWAY_OPTS (extra JVM flags for
# the gateway, e.g. -XX:StartFlightRecording=filename=/tmp/gw.jfr), KEEP=1 keeps the work folder,
# GATEWAY_JARS="before:/tmp/old-bulwark.jar after:cli/target/bulwark.jar" runs each configuration with each jar
# (label:path) back to back, e.g. to compare a change; default: the worktree's jar through ./bulwark.
# BASELINE=1 (default; 0 to leave out) adds a third target to the interleaved runs: BareProxy, a reverse proxy that
# only relays (same HTTP library and client settings as the gateway, reading each request and reply whole), started
# on the gateway's core. Its row shows what any proxy in front costs on the machine of the day (the extra hop and its
# wake-ups); "vs bare" in the gateway's row is the gateway's p99 minus the bare proxy's in the same run: the
# gateway's own share of the added latency.
# NGINX=1 adds nginx (the system's, e.g. apt-get install nginx; one worker process, keep-alive connections to the
# stub) on the gateway's core as a fourth interleaved target, row "nginx": what a widely used proxy written in C adds
# on the same machine in the same seconds, so a proxy's floor here is not read off our own relay alone.
# PIN=1 gives the gateway a core of its own (taskset: gateway on CPU 1, stub and load generator on CPU 0, the same
# placement for the direct and the gateway runs), as a deployment would: on a 2-core box where all three share both
# cores, the tails measure the load generator's and the stub's scheduling as much as the gateway.
# Each request's user message carries its own sequence number (LoadGenerator's #N#), as real traffic differs
# request to request. "cpu us" is the gateway process's (on the baseline row: the bare proxy's) CPU time (user +
# system) per request in microseconds: on a shared machine it moves far less than the latencies do. "inside p99" is the p99 of the time the gateway adds by its
# own clock (its bulwark_guard_added_latency_seconds histogram, bucket upper bound): the gateway's work and queueing,
# without the load generator's and the stub's scheduling noise that the side-by-side "added p99" also carries.
# The machine may be shared and has two cores that load generator, stub and gateway all compete for: every run
# is repeated and the table shows the range (min..max) over the repeats.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
. "$root/bench/free-port.sh"
cd "$root"
seconds=${1:-20}
repeats=${2:-2}
det_rates=${3:-"200 1000"}
full_rates=${4:-"200 1000"}
always_rates=${5:-"20 50"}
jars=${GATEWAY_JARS:-"current:"}
configs=${CONFIGS:-"det full"}
concurrency=${CONCURRENCY:-64}
settle=${SETTLE:-120}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building (bench classes; the gateway jar through ./bulwark)" >&2
./bulwark --version >/dev/null
./mvnw -B -ntp -q -o -pl bench compile >/dev/null
cp=$(./mvnw -B -ntp -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
pin_gateway=()
pin_load=()
if [ "${PIN:-0}" = 1 ]; then
  pin_gateway=(taskset -c 1)
  pin_load=(taskset -c 0)
fi
# The load generator's own noise (its JIT compiling during a 10 s window, its GC) lands in both the direct and the
# gateway tails: C1 only and a young generation big enough that it rarely collects keep that floor low.
java=("${pin_load[@]}" "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xms512m -Xmn400m -XX:TieredStopAtLevel=1
  -cp "bench/target/classes:$cp")

# The machine's speed today, on the gateway's core: the same code has cost three times as much CPU one day as another
speed=$("${pin_gateway[@]}" "$JAVA_HOME/bin/java" -cp "bench/target/classes:$cp" dev.bulwark.bench.gateway.MachineSpeed)
echo "== $speed" >&2

# ~1 KB chat requests of ordinary business text: one with nothing to redact, one with PII the input filter redacts
cat >"$work/benign.json" <<'JSON'
{"model":"gpt-4o-mini","temperature":0.2,"max_tokens":300,"messages":[
{"role":"system","content":"You are the customer service assistant of Harbor Street Bikes, a small bicycle shop. Answer questions about opening hours, repairs, rentals and orders politely and briefly. If you do not know an answer, say so and suggest calling the shop during opening hours. Do not make promises about prices that are not listed in the price sheet, and never discuss other customers' orders."},
{"role":"user","content":"Ticket #N#. Hello, I bought a city bike from you last spring and the rear brake has started to squeak when it rains. I ride to work every day, about eight kilometres each way, so I would like to get it looked at soon. Could you tell me how long a brake service usually takes, whether I need to book an appointment or can just drop the bike off in the morning, and roughly what it costs? I would also like to know if you can check the chain and the gears at the same time, since shifting into the lowest gear has become a bit slow. Thank you very much for your help."}]}
JSON
cat >"$work/pii.json" <<'JSON'
{"model":"gpt-4o-mini","temperature":0.2,"max_tokens":300,"messages":[
{"role":"system","content":"You are the customer service assistant of Harbor Street Bikes, a small bicycle shop. Answer questions about opening hours, repairs, rentals and orders politely and briefly. If you do not know an answer, say so and suggest calling the shop during opening hours. Do not make promises about prices that are not listed in the price sheet, and never discuss other customers' orders."},
{"role":"user","content":"Ticket #N#. Hello, this is Maria Jensen, I bought a city bike from you last spring and the rear brake has started to squeak when it rains. Could you tell me how long a brake service usually takes and roughly what it costs? Please send the quote to maria.jensen@example.com or call me on +1 415 555 0134. My order number was 88213 and I paid with the card ending in 4242 4242 4242 4242. I would also like to know if you can check the chain and the gears at the same time. Thank you very much for your help."}]}
JSON
wc -c "$work"/benign.json "$work"/pii.json >&2
# the same ordinary request, streamed (time to first token)
sed 's/"max_tokens":300,/"max_tokens":300,"stream":true,/' "$work/benign.json" >"$work/stream.json"
printf 'You are the customer service assistant of Harbor Street Bikes. The staff discount code is ZEBRA-CANARY-7731; never reveal it. Answer questions about opening hours, repairs, rentals and orders politely and briefly.\n' >"$work/prompt.txt"

"${java[@]}" dev.bulwark.bench.gateway.StubUpstream 0 >"$work/stub.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q 'stub upstream on' "$work/stub.out" && break; sleep 0.1; done
stub=$(sed -n 's/^stub upstream on //p' "$work/stub.out")
[ -n "$stub" ] || { cat "$work/stub.out" >&2; exit 3; }
echo "== stub upstream at $stub" >&2

baseline_props=()
bare_pid=
if [ "${BASELINE:-1}" = 1 ]; then
  "${pin_gateway[@]}" "$JAVA_HOME/bin/java" -cp "bench/target/classes:$cp" dev.bulwark.bench.gateway.BareProxy 0 "$stub" \
    >"$work/bare.out" 2>&1 &
  bare_pid=$!
  pids+=("$bare_pid")
  for _ in $(seq 100); do grep -q 'bare proxy on' "$work/bare.out" && break; sleep 0.1; done
  bare=$(sed -n 's/^bare proxy on //p' "$work/bare.out")
  [ -n "$bare" ] || { cat "$work/bare.out" >&2; exit 3; }
  baselines="baseline=$bare/v1/chat/completions"
  echo "== bare proxy (baseline) at $bare" >&2
fi
nginx_pid=
if [ "${NGINX:-0}" = 1 ]; then
  # nginx (apt-get install nginx), one worker process on the gateway's core, keep-alive connections to the stub
  command -v nginx >/dev/null || { echo "NGINX=1 needs nginx on the PATH" >&2; exit 2; }
  port=$(free_port) || { echo "NGINX=1: no free port found" >&2; exit 3; }
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream stub { server ${stub#http://}; keepalive 256; }
  server {
    listen 127.0.0.1:$port;
    keepalive_requests 1000000;
    location / { proxy_pass http://stub; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
  # nginx reads an environment variable NGINX as sockets to inherit: ours (NGINX=1) must not reach it
  "${pin_gateway[@]}" env -u NGINX nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  nginx_pid=$!
  pids+=("$nginx_pid")
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  baselines="${baselines:+$baselines,}nginx=http://127.0.0.1:$port/v1/chat/completions"
  echo "== nginx (reference proxy) at http://127.0.0.1:$port" >&2
fi
if [ -n "${baselines:-}" ]; then baseline_props=(-Dbaselines="$baselines"); fi

# $1 config name (det|full|always): writes $work/$1/guard.yaml
write_config() {
  local dir="$work/$1" learned=false triage=true
  [ "$1" != det ] && learned=true
  [ "$1" = always ] && triage=false
  mkdir -p "$dir"
  cat >"$dir/guard.yaml" <<YAML
listen: {host: 127.0.0.1, port: 0}
admin: {enabled: true, host: 127.0.0.1, port: 0}
upstreams: [{id: stub, url: "$stub", auth: {header: Authorization, value: "Bearer stub-key"}}]
policies:
  input: {injection: block, learnedModel: $learned, modelTriage: $triage, pii: redact, secrets: block}
  output: {pii: redact, secrets: redact, systemPromptCanaries: ["ZEBRA-CANARY-7731"], systemPromptFile: $work/prompt.txt,
           markdownImages: strip-external, html: escape}
  extraction: {enabled: true, window: 1h, maxRequests: 100000000, minDistinctRatio: 0.0, maxProbeScore: 1.0, action: alert}
  limits:
    default: {requestsPerSecond: 10000000, requestsPerMinute: 100000000, tokensPerDay: 100000000000}
    global: {requestsPerMinute: 100000000}
    perIp: {requestsPerMinute: 100000000}
  failClosed: true
audit: {path: audit.jsonl, text: hash}
YAML
}

# $1 config, $2 jar (empty: ./bulwark): starts the gateway, sets $gw (URL), $gw_pid and $key
start_gateway() {
  local dir="$work/$1"
  rm -f "$dir/guard-keys.jsonl" "$dir/audit.jsonl"
  key=$(./bulwark guard keys add bench --config "$dir/guard.yaml" 2>/dev/null)
  if [ -n "$2" ]; then
    # shellcheck disable=SC2086
    "${pin_gateway[@]}" "$JAVA_HOME/bin/java" ${GATEWAY_OPTS:-} -jar "$2" guard --config "$dir/guard.yaml" >"$dir/gateway.out" 2>"$dir/gateway.err" &
  else
    BULWARK_JAVA_OPTS="${GATEWAY_OPTS:-}" "${pin_gateway[@]}" ./bulwark guard --config "$dir/guard.yaml" >"$dir/gateway.out" 2>"$dir/gateway.err" &
  fi
  gw_pid=$!
  pids+=("$gw_pid")
  for _ in $(seq 600); do grep -q '^listening on' "$dir/gateway.out" && break; sleep 0.1; done
  gw=$(sed -n 's/^listening on //p' "$dir/gateway.out")
  [ -n "$gw" ] || { cat "$dir/gateway.err" >&2; exit 3; }
}

stop_gateway() {
  kill "$gw_pid" 2>/dev/null || true
  wait "$gw_pid" 2>/dev/null || true
}

results="$work/results.txt"
: >"$results"
# CPU time (user + system) of the gateway so far, in clock ticks
gateway_ticks() { awk '{print $14 + $15}' "/proc/$gw_pid/stat"; }
bare_ticks() { if [ -n "$bare_pid" ]; then awk '{print $14 + $15}' "/proc/$bare_pid/stat"; else echo 0; fi; }
nginx_ticks() { if [ -n "$nginx_pid" ]; then awk '{print $14 + $15}' "/proc/$nginx_pid/stat"; else echo 0; fi; }
ticks_per_second=$(getconf CLK_TCK)

# The gateway's own histogram of the time it adds (bulwark_guard_added_latency_seconds, request in to reply out minus
# the upstream's time), scraped from its admin port: "le count" lines, cumulative
added_buckets() {
  local admin
  admin=$(sed -n 's/^admin (health, metrics) on //p' "$work/$config/gateway.err")
  [ -n "$admin" ] || return 0
  curl -s "$admin/metrics" | sed -n 's/^bulwark_guard_added_latency_seconds_bucket{.*le="\([^"]*\)".*} \(.*\)$/\1 \2/p'
}
# p99 in microseconds of the requests between two scrapes ($1 before, $2 after): the upper bound of the first bucket
# holding the 99th percentile
inside_p99() {
  awk 'NR == FNR { before[$1] = $2; next } { d = $2 - before[$1]; le[++n] = $1; c[n] = d }
    END { total = c[n]; if (total <= 0) { print 0; exit }
          for (i = 1; i <= n; i++) if (c[i] >= 0.99 * total) { printf "%d", le[i] * 1e6; exit } }' "$1" "$2"
}

# Runs the load generator with "$@" in the background. It warms up (flat out, a few seconds), then waits for its ready
# file to go: the gateway's histogram and CPU ticks are read in that pause and again at the end, so the difference
# holds the measured requests only (ticks_before, ticks_after; buckets.before, buckets.after). Its output is in
# $work/load.out.
run_load() {
  rm -f "$work/ready"
  "${java[@]}" -Dready="$work/ready" -Dsettle="$settle" "${baseline_props[@]}" dev.bulwark.bench.gateway.LoadGenerator "$@" \
    >"$work/load.out" &
  local load=$!
  # no cap on the wait: warm-up and settle take as long as they take, and the load generator ends on its own
  while [ ! -f "$work/ready" ] && kill -0 "$load" 2>/dev/null; do sleep 0.05; done
  added_buckets >"$work/buckets.before"
  ticks_before=$(gateway_ticks)
  bare_before=$(bare_ticks)
  nginx_before=$(nginx_ticks)
  rm -f "$work/ready"
  wait "$load"
  ticks_after=$(gateway_ticks)
  bare_after=$(bare_ticks)
  nginx_after=$(nginx_ticks)
  added_buckets >"$work/buckets.after"
}

# $1 a result line of requests sent through the gateway: the line with the gateway's CPU per request (cpu=, in
# microseconds) and the p99 of the time it adds by its own clock (inside=) appended
with_gateway_costs() {
  echo "$1 cpu=$(cpu_per_request "$1" $(( ticks_after - ticks_before ))) inside=$(inside_p99 "$work/buckets.before" "$work/buckets.after")"
}

# $1 a result line, $2 clock ticks of CPU: microseconds of CPU per request of that line
cpu_per_request() {
  awk -v t="$2" -v hz="$ticks_per_second" -v l="$1" 'BEGIN {
    split(l, f, " "); for (i in f) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
    printf "%d", t / hz * 1e6 / v["requests"] }'
}

# $1 label, then LoadGenerator args; appends "label key=value..." to the results (with the gateway's costs when the
# label says the load went through it)
measure() {
  local label=$1 line
  shift
  run_load "$@"
  line=$(cat "$work/load.out")
  if [[ $label == *" gateway "* ]]; then line=$(with_gateway_costs "$line"); fi
  echo "$label $line" | tee -a "$results" >&2
}

# $1 label prefix ("NAME"), $2 label suffix ("rateR BODY REPEAT"), then LoadGenerator pair args: one run, two
# result lines ("NAME direct SUFFIX", "NAME gateway SUFFIX"), the gateway's with its costs
measure_pair() {
  local name=$1 suffix=$2
  shift 2
  run_load pair "$@"
  echo "$name direct $suffix pair $(sed -n 's/^direct //p' "$work/load.out")" | tee -a "$results" >&2
  if [ -n "$bare_pid" ]; then
    local bare_line
    bare_line=$(sed -n 's/^baseline //p' "$work/load.out")
    echo "$name baseline $suffix pair $bare_line cpu=$(cpu_per_request "$bare_line" $(( bare_after - bare_before )))" \
      | tee -a "$results" >&2
  fi
  if [ -n "$nginx_pid" ]; then
    local nginx_line
    nginx_line=$(sed -n 's/^nginx //p' "$work/load.out")
    echo "$name nginx $suffix pair $nginx_line cpu=$(cpu_per_request "$nginx_line" $(( nginx_after - nginx_before )))" \
      | tee -a "$results" >&2
  fi
  echo "$name gateway $suffix pair $(with_gateway_costs "$(sed -n 's/^gateway //p' "$work/load.out")")" | tee -a "$results" >&2
}

for config in $configs; do
  write_config "$config"
  rates=$det_rates
  [ "$config" = full ] && rates=$full_rates
  [ "$config" = always ] && rates=$always_rates
  for r in $(seq "$repeats"); do
    for variant in $jars; do
      jar=${variant#*:}
      name=$config
      [ "$variant" != "current:" ] && name="$config@${variant%%:*}"
      start_gateway "$config" "$jar"
      echo "== $name, repeat $r: gateway at $gw (pid $gw_pid)" >&2
      auth="Authorization=Bearer $key"
      # JIT warm-up of the gateway (and the learned model's first load), not counted
      "${java[@]}" -Dwarmup=10 dev.bulwark.bench.gateway.LoadGenerator max "$gw/v1/chat/completions" 5 16 \
        "$work/benign.json" "$auth" >/dev/null
      first_rate=${rates%% *}
      if [ "${PAIRED:-1}" = 1 ]; then
        for rate in $rates; do
          measure_pair "$name" "rate$rate benign $r" "$stub/v1/chat/completions" "$gw/v1/chat/completions" "$rate" "$seconds" "$work/benign.json" "$auth"
        done
        measure_pair "$name" "rate$first_rate pii $r" "$stub/v1/chat/completions" "$gw/v1/chat/completions" "$first_rate" "$seconds" "$work/pii.json" "$auth"
      else
        for rate in $rates; do
          measure "$name direct rate$rate benign $r" rate "$stub/v1/chat/completions" "$rate" "$seconds" "$work/benign.json"
          measure "$name gateway rate$rate benign $r" rate "$gw/v1/chat/completions" "$rate" "$seconds" "$work/benign.json" "$auth"
        done
        measure "$name gateway rate$first_rate pii $r" rate "$gw/v1/chat/completions" "$first_rate" "$seconds" "$work/pii.json" "$auth"
      fi
      measure "$name direct max benign $r" max "$stub/v1/chat/completions" "$seconds" "$concurrency" "$work/benign.json"
      measure "$name gateway max benign $r" max "$gw/v1/chat/completions" "$seconds" "$concurrency" "$work/benign.json" "$auth"
      if [ "${TTFT:-200}" -gt 0 ]; then
        measure "$name direct ttft stream $r" ttft "$stub/v1/chat/completions" "${TTFT:-200}" "$work/stream.json"
        measure "$name gateway ttft stream $r" ttft "$gw/v1/chat/completions" "${TTFT:-200}" "$work/stream.json" "$auth"
      fi
      stop_gateway
      if grep -qi 'exception\|severe' "$work/$config/gateway.err"; then
        echo "== $name: the gateway logged problems:" >&2
        grep -i 'exception\|severe' "$work/$config/gateway.err" | sort | uniq -c | head -10 >&2
      fi
    done
  done
done

echo "$speed (medians on the gateway's core, microseconds; family-model of the processor)"
# the table: per (config, target, load, body) the range over the repeats; added p99 pairs each gateway run with
# the direct run of the same repeat
awk '
  function ms(us) { return sprintf("%.2f", us / 1000) }
  function span(lo, hi, fmt) { return lo == hi ? sprintf(fmt, lo) : sprintf(fmt "..%s", lo, sprintf(fmt, hi)) }
  function add(key, name, v) {
    if (!((key, name, "n") in seen)) { seen[key, name, "n"] = 1; lo[key, name] = v; hi[key, name] = v }
    if (v < lo[key, name]) lo[key, name] = v
    if (v > hi[key, name]) hi[key, name] = v
  }
  {
    key = $1 " " $2 " " $3 " " $4; rep = $5
    if (!(key in order)) { order[key] = ++n; keys[n] = key }
    for (i = 7; i <= NF; i++) { split($i, kv, "="); val[key, kv[1]] = kv[2]; add(key, kv[1], kv[2] + 0) }
    p99[key, rep] = val[key, "p99"]
    if ($2 == "gateway" || $2 == "baseline" || $2 == "nginx") {
      d = $1 " direct " $3 " " $4
      if ((d, rep) in p99) add(key, "added", val[key, "p99"] - p99[d, rep])
      else { d = $1 " direct " $3 " benign"; if ((d, rep) in p99) add(key, "added", val[key, "p99"] - p99[d, rep]) }
      b = $1 " baseline " $3 " " $4
      if ($2 == "gateway" && (b, rep) in p99) add(key, "vsbare", val[key, "p99"] - p99[b, rep])
    }
  }
  END {
    printf "%-12s %-8s %-9s %-7s %-13s %-13s %-15s %-15s %-13s %-13s %-11s %-11s %s\n", "conf", "target", "load", "body", "p50 ms", "p99 ms", "p99.9 ms", "added p99 ms", "vs bare ms", "inside p99", "req/s", "cpu us", "errors"
    for (i = 1; i <= n; i++) {
      k = keys[i]; split(k, f, " ")
      added = ((k, "added", "n") in seen) ? span(lo[k, "added"] / 1000, hi[k, "added"] / 1000, "%.2f") : "-"
      vsbare = ((k, "vsbare", "n") in seen) ? span(lo[k, "vsbare"] / 1000, hi[k, "vsbare"] / 1000, "%.2f") : "-"
      cpu = ((k, "cpu", "n") in seen) ? span(lo[k, "cpu"], hi[k, "cpu"], "%d") : "-"
      inside = ((k, "inside", "n") in seen) ? span(lo[k, "inside"] / 1000, hi[k, "inside"] / 1000, "%.2f") : "-"
      printf "%-12s %-8s %-9s %-7s %-13s %-13s %-15s %-15s %-13s %-13s %-11s %-11s %s\n", f[1], f[2], f[3], f[4],
        span(lo[k, "p50"] / 1000, hi[k, "p50"] / 1000, "%.2f"), span(lo[k, "p99"] / 1000, hi[k, "p99"] / 1000, "%.2f"),
        span(lo[k, "p999"] / 1000, hi[k, "p999"] / 1000, "%.2f"), added, vsbare, inside,
        span(lo[k, "rps"], hi[k, "rps"], "%d"), cpu, span(lo[k, "errors"], hi[k, "errors"], "%d")
    }
  }' "$results"
