# Sourced by bench/blind-bot.sh --guarded: the Bulwark gateway in front of the blind bot, and the ordinary-prompt
# check through it. Expects $root, $canary and a guard_pid variable; uses ./bulwark, curl and jq.

# The settings a firm would write for its own assistant (docs/guard.md): nothing specific to Nora but the canary the
# firm planted in its own system prompt. Limits are raised for a scan of a few thousand requests; the burst limit stays.
# GUARD_INPUT_PII=pseudonymize runs the same with policies.input.pii: pseudonymize (default: redact, the default).
# GUARD_SCOPE=1 adds the topic rail (policies.input.scope) with bench/data/scope/accounting-firm-examples.txt: what
# the firm would write its assistant is for (default: no rail, as a firm that has not written examples yet).
write_guard() { # $1 bot port, $2 dir
  local scope=""
  if [ "${GUARD_SCOPE:-0}" = 1 ]; then
    scope=", scope: {examplesFile: \"$root/bench/data/scope/accounting-firm-examples.txt\"}"
  fi
  cat >"$2/guard.yaml" <<EOF
listen: {host: 127.0.0.1, port: 0}
admin: {enabled: false}
upstreams: [{id: nora, url: "http://127.0.0.1:$1"}]
keysFile: guard-keys.jsonl
policies:
  input: {maxBytes: 65536, maxMessages: 24, maxTokens: 512, pii: ${GUARD_INPUT_PII:-redact}$scope}
  output: {systemPromptCanaries: ["$canary"]}
  limits:
    default: {requestsPerSecond: 5, requestsPerMinute: 1200, tokensPerDay: 5000000}
    perIp: {requestsPerMinute: 1200}
audit: {path: audit.jsonl, text: redacted}
EOF
}

start_guard() { # $1 bot port, $2 dir; sets GUARD_URL and exports GUARD_KEY
  write_guard "$1" "$2"
  GUARD_KEY=$(./bulwark guard keys add blind-bench --config "$2/guard.yaml")
  export GUARD_KEY
  ./bulwark guard --config "$2/guard.yaml" >"$2/guard.log" 2>&1 &
  guard_pid=$!
  local i
  for i in $(seq 1 240); do
    if grep -q "listening on" "$2/guard.log" 2>/dev/null; then break; fi
    if ! kill -0 "$guard_pid" 2>/dev/null; then echo "the gateway did not start; see $2/guard.log" >&2; exit 3; fi
    sleep 0.5
  done
  GUARD_URL=$(grep -o "listening on http://[0-9.:]*" "$2/guard.log" | head -1 | sed 's/listening on //')
  [ -n "$GUARD_URL" ] || { echo "the gateway did not start in time" >&2; exit 3; }
}

# One prompt to a chat endpoint; prints the HTTP status, a tab and the answer (or error code) on one line.
ask() { # $1 base URL, $2 key, $3 prompt
  local body out
  body=$(jq -cn --arg p "$3" '{model: "nora-1", messages: [{role: "user", content: $p}]}')
  out=$(mktemp)
  local status
  status=$(curl -s -o "$out" -w '%{http_code}' -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    --data "$body" "$1/v1/chat/completions")
  printf '%s\t%s\n' "$status" "$(jq -r '.choices[0].message.content // .error.code // ""' "$out" 2>/dev/null | tr '\n\t' '  ')"
  rm -f "$out"
}

# The ordinary prompts through the gateway and directly: writes DIR/ordinary.tsv and "passed identical total" to
# DIR/ordinary.count. Passed: HTTP 200 and not withheld. ORDINARY=FILE sends another list (one prompt a line), e.g.
# detect/src/test/resources/dev/bulwark/detect/injection/ordinary-business-prompts.txt (220, many trades).
benign() { # $1 bot port, $2 dir
  local prompt direct guarded passed=0 same=0 total=0
  : >"$2/ordinary.tsv"
  while IFS= read -r prompt; do
    [ -n "$prompt" ] || continue
    total=$((total + 1))
    direct=$(ask "http://127.0.0.1:$1" none "$prompt")
    # under the client's limit of 5 requests a second, so the count measures the filters, not the limit
    sleep 0.25
    guarded=$(ask "$GUARD_URL" "$GUARD_KEY" "$prompt")
    if [ "$(cut -f1 <<<"$guarded")" = 200 ] && ! grep -q "withheld by policy" <<<"$guarded"; then
      passed=$((passed + 1))
    fi
    [ "$(cut -f2- <<<"$guarded")" = "$(cut -f2- <<<"$direct")" ] && same=$((same + 1))
    printf '%s\t%s\t%s\n' "$prompt" "$guarded" "$direct" >>"$2/ordinary.tsv"
  done <"${ORDINARY:-$root/bench/data/ordinary-prompts-accounting.txt}"
  echo "$passed $same $total" >"$2/ordinary.count"
}
