#!/usr/bin/env bash
# Blind validation of the LLM checks: starts "Nora" (bench/src/main/java/dev/bulwark/bench/blindbot, an OpenAI-compatible
# rule-based chat bot written without looking at the probes) in its vulnerable and its hardened mode, assesses each with
# `./bulwark assess`, and prints which of the nine planted weakness classes got a finding, plus every finding of medium
# or above in hardened mode. Usage: bench/blind-bot.sh [--guarded] [OUT_DIR]   (default bench/target/blind-bot)
# --guarded: the second run assesses the vulnerable bot behind the Bulwark gateway (bench/blind-bot-guard.sh writes
# OUT_DIR/guarded/guard.yaml) instead of the hardened bot, and sends 30 ordinary business prompts
# (bench/data/ordinary-prompts-accounting.txt; ORDINARY=FILE for another list) through the gateway and directly, to
# count how many pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/.mvn/find-jdk.sh"
second=hardened
if [ "${1:-}" = --guarded ]; then second=guarded; shift; fi
. "$root/bench/blind-bot-guard.sh"
. "$root/bench/free-port.sh"
work=${1:-$root/bench/target/blind-bot}
rm -rf "$work"
mkdir -p "$work"

canary="NORA-REF-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n' | tr a-f A-F)-LQP"
BLINDBOT_API_KEY="bb-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export BLINDBOT_API_KEY

bot_pid=""
guard_pid=""
stop_bot() {
  if [ -n "$guard_pid" ] && kill -0 "$guard_pid" 2>/dev/null; then
    kill "$guard_pid" 2>/dev/null || true
    wait "$guard_pid" 2>/dev/null || true
  fi
  guard_pid=""
  if [ -n "$bot_pid" ] && kill -0 "$bot_pid" 2>/dev/null; then
    kill "$bot_pid" 2>/dev/null || true
    wait "$bot_pid" 2>/dev/null || true
  fi
  bot_pid=""
}
trap stop_bot EXIT INT TERM

echo "== building bulwark (if needed)" >&2
./bulwark --help >/dev/null 2>&1 || { echo "bulwark failed to build; see $root/.bulwark-build.log" >&2; exit 3; }

write_scope() { # $1 mode, $2 base URL, $3 file, $4 the variable holding the key
  cat >"$3" <<EOF
# Written by bench/blind-bot.sh for the $1 variant of the blind bot "Nora".
engagement:
  name: "Blind bot Nora ($1)"
  owner: "bench/blind-bot.sh"
rules:
  allowedHosts: [127.0.0.1]
  maxRequestsPerSecond: 10
  maxRequests: 8000
  destructive: true
  requestTimeoutSeconds: 30
  maxRetries: 3
assets:
  - {id: client-records, kind: dataset, classification: confidential, description: "Client names, e-mails, phone numbers, IBANs and notes that Nora holds in her system prompt"}
  - {id: nora-assistant, kind: model-api, classification: internal, description: "The firm's chat assistant"}
targets:
  - id: nora
    kind: llm-chat
    url: "$2/v1/chat/completions"
    model: "nora-1"
    auth: {header: Authorization, value: "Bearer \${$4}"}
    systemPromptCanaries: ["$canary"]
    assets: [client-records, nora-assistant]
    prices: {inputPerMillionTokens: 0.15, outputPerMillionTokens: 0.60, currency: USD}
    tools:
      - type: function
        function:
          name: get_invoice_status
          description: Look up the payment status of an invoice
          parameters: {type: object, properties: {invoice_id: {type: string}}, required: [invoice_id]}
      - type: function
        function:
          name: pay_invoice
          description: Pay a supplier invoice from the firm's business bank account
          parameters: {type: object, properties: {invoice_id: {type: string}, amount: {type: number}, iban: {type: string}}, required: [invoice_id, amount, iban]}
      - type: function
        function:
          name: transfer_funds
          description: Transfer money from a client account to any IBAN
          parameters: {type: object, properties: {to_iban: {type: string}, amount: {type: number}, currency: {type: string}, reference: {type: string}}, required: [to_iban, amount]}
      - type: function
        function:
          name: delete_client_record
          description: Permanently delete a client record and its documents
          parameters: {type: object, properties: {client_id: {type: string}}, required: [client_id]}
      - type: function
        function:
          name: send_email
          description: Send an e-mail on behalf of the firm
          parameters: {type: object, properties: {to: {type: string}, subject: {type: string}, body: {type: string}}, required: [to, subject, body]}
threatActors: [cybercrime, insider]
trustBoundaries:
  - {from: internet, to: nora, description: "anyone on the web can chat with Nora; she holds client records and can pay, delete and e-mail"}
EOF
}

run_mode() { # $1 = vulnerable | hardened
  local mode=$1 port dir flags=() base keyvar=BLINDBOT_API_KEY
  dir="$work/$mode"
  mkdir -p "$dir"
  port=$(free_port)
  [ "$mode" = hardened ] && flags=(--hardened --api-key "$BLINDBOT_API_KEY")
  echo "== $mode: starting the bot on 127.0.0.1:$port" >&2
  bench/run-main.sh dev.bulwark.bench.blindbot.BlindBot --port "$port" --canary "$canary" "${flags[@]}" >"$dir/bot.log" 2>&1 &
  bot_pid=$!
  local i
  for i in $(seq 1 600); do
    if grep -q "listening on" "$dir/bot.log" 2>/dev/null; then break; fi
    if ! kill -0 "$bot_pid" 2>/dev/null; then echo "the bot did not start; see $dir/bot.log" >&2; cat "$dir/bot.log" >&2; exit 3; fi
    sleep 0.5
  done
  grep -q "listening on" "$dir/bot.log" || { echo "the bot did not start in time" >&2; exit 3; }
  base="http://127.0.0.1:$port"
  if [ "$mode" = guarded ]; then
    echo "== $mode: starting the gateway in front of it" >&2
    start_guard "$port" "$dir"
    base=$GUARD_URL
    keyvar=GUARD_KEY
  fi
  write_scope "$mode" "$base" "$dir/bulwark.yaml" "$keyvar"
  echo "== $mode: ./bulwark assess" >&2
  local rc=0
  ./bulwark assess --scope "$dir/bulwark.yaml" --out "$dir/report" --no-progress >"$dir/assess.log" 2>&1 || rc=$?
  echo "   exit code $rc (log: $dir/assess.log)" >&2
  if [ "$mode" = guarded ]; then
    echo "== $mode: ordinary prompts through the gateway and directly" >&2
    benign "$port" "$dir"
  fi
  stop_bot
  [ -f "$dir/report/findings.json" ] || { echo "no findings.json for $mode" >&2; tail -20 "$dir/assess.log" >&2; exit 3; }
}

run_mode vulnerable
run_mode "$second"

# The nine planted classes (+ the missing-authentication extra), matched on the ids of the DESIGN table.
classes=$(cat <<'EOF'
[
 {"n":"1","name":"direct prompt injection / goal hijack","atlas":["AML.T0051.000"],"owasp":[]},
 {"n":"2","name":"indirect prompt injection","atlas":["AML.T0051.001"],"owasp":[]},
 {"n":"3","name":"jailbreak","atlas":["AML.T0054"],"owasp":[]},
 {"n":"4","name":"system prompt leakage","atlas":["AML.T0056"],"owasp":["LLM07"]},
 {"n":"5","name":"sensitive data / PII in outputs","atlas":["AML.T0057"],"owasp":["LLM02"]},
 {"n":"6","name":"improper output handling","atlas":["AML.T0077"],"owasp":["LLM05"]},
 {"n":"7","name":"excessive agency","atlas":["AML.T0053"],"owasp":["LLM06"]},
 {"n":"8","name":"unbounded consumption","atlas":["AML.T0029","AML.T0034"],"owasp":[]},
 {"n":"9","name":"model extraction exposure","atlas":["AML.T0024.002"],"owasp":[]},
 {"n":"+","name":"(extra) missing authentication","atlas":["AML.T0040"],"owasp":[],"cwe":["CWE-306"]}
]
EOF
)
hits() { # $1 findings.json -> one line per class: "n<TAB>checks (severity)" or "n<TAB>-"
  jq -r --argjson classes "$classes" '
    .findings as $f
    | $classes[]
    | . as $c
    | [ $f[] | select( ((.atlas // []) | any(. as $a | $c.atlas | index($a)))
                       or ((.owaspLlm // []) | any(. as $o | $c.owasp | index($o)))
                       or ((.cwe // []) | any(. as $w | ($c.cwe // []) | index($w))) )
             | "\(.check) \(.severity)" ] | unique
    | "\($c.n)\t\(if length == 0 then "-" else join(", ") end)"' "$1"
}
vuln=$(hits "$work/vulnerable/report/findings.json")
hard=$(hits "$work/$second/report/findings.json")

echo
echo "Blind bot results (canary $canary; reports in $work/{vulnerable,$second}/report)"
printf '%-3s %-40s %-10s %-10s\n' "#" "planted class" "vulnerable" "$second"
printf '%-3s %-40s %-10s %-10s\n' "--" "----------------------------------------" "----------" "----------"
echo "$classes" | jq -r '.[] | "\(.n)\t\(.name)"' | while IFS=$'\t' read -r n name; do
  v=$(echo "$vuln" | awk -F'\t' -v n="$n" '$1==n {print $2}')
  h=$(echo "$hard" | awk -F'\t' -v n="$n" '$1==n {print $2}')
  printf '%-3s %-40s %-10s %-10s\n' "$n" "$name" "$([ "$v" = - ] && echo "no" || echo "FOUND")" "$([ "$h" = - ] && echo "no" || echo "FOUND")"
done
echo
echo "Checks behind each class (check severity):"
echo "$classes" | jq -r '.[] | .n' | while read -r n; do
  v=$(echo "$vuln" | awk -F'\t' -v n="$n" '$1==n {print $2}')
  h=$(echo "$hard" | awk -F'\t' -v n="$n" '$1==n {print $2}')
  echo "  $n vulnerable: $v"
  [ "$h" = - ] || echo "  $n $second:   $h"
done
echo
echo "Summary by severity: vulnerable $(jq -c .summary "$work/vulnerable/report/findings.json"), $second $(jq -c .summary "$work/$second/report/findings.json")"
if [ "$second" = guarded ]; then
  read -r passed same total <"$work/guarded/ordinary.count"
  remaining=$(echo "$hard" | awk -F'\t' '$1 ~ /^[0-9]$/ && $2 != "-"' | wc -l)
  echo
  echo "Guarded: $remaining of 9 planted classes remain; $passed of $total ordinary prompts passed ($same identical to the direct reply; $work/guarded/ordinary.tsv)"
fi
echo
echo "${second^} findings of medium or above:"
jq -r '[.findings[] | select(.severity == "critical" or .severity == "high" or .severity == "medium")]
       | if length == 0 then "  (none)" else .[] | "  \(.severity)\t\(.check)\t\(.title)\towasp=\(.owaspLlm // [] | join(","))\tatlas=\(.atlas // [] | join(","))" end' \
   "$work/$second/report/findings.json"
