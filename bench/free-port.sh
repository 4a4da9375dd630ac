# Sourced by the bench scripts: free_port prints a TCP port on 127.0.0.1 that nothing listens on, for a server
# that cannot pick its own (port 0) and report it.
free_port() {
  local p i
  for i in $(seq 1 100); do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}
