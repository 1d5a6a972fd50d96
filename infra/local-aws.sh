#!/usr/bin/env bash
# make up / make down: the local AWS endpoint and the resources of template.yaml on it.
#
#   infra/local-aws.sh up     start LocalStack (Docker engine present) or moto_server on
#                             127.0.0.1:4566, wait until it answers, create the table, queues,
#                             bucket and secret from template.yaml (infra/bootstrap.py) and write
#                             their names to .fleetcheck/local-aws.env
#   infra/local-aws.sh down   stop what `up` started and remove its pid file
#
# Both are idempotent: `up` on a running endpoint only re-applies the template; `down` with
# nothing running says so. Settings: FLEETCHECK_LOCAL_AWS=auto|moto|localstack (default auto),
# FLEETCHECK_LOCAL_AWS_PORT (4566), FLEETCHECK_LOCAL_AWS_DIR (state folder, ./.fleetcheck).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${FLEETCHECK_LOCAL_AWS:-auto}"
port="${FLEETCHECK_LOCAL_AWS_PORT:-4566}"
state_dir="${FLEETCHECK_LOCAL_AWS_DIR:-$root/.fleetcheck}"
endpoint="http://127.0.0.1:$port"
pid_file="$state_dir/moto_server.pid"
log_file="$state_dir/moto_server.log"
engine_file="$state_dir/local-aws.engine"
env_file="$state_dir/local-aws.env"
compose=(docker compose -f "$root/infra/compose.yaml" -p "fleetcheck-local-$port")

say() { echo "local-aws: $*" >&2; }
die() { say "error_code=local_aws_failed $*"; exit 1; }

docker_engine() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }

# The Python that runs moto_server has boto3 and PyYAML (moto needs both); a pyenv shim is
# resolved to the real script to read its interpreter.
python_with_boto3() {
  local script
  script="$(command -v moto_server || true)"
  if [[ "$script" == */shims/* ]] && command -v pyenv >/dev/null 2>&1; then
    script="$(pyenv which moto_server 2>/dev/null || true)"
  fi
  local shebang=""
  [ -n "$script" ] && [ -f "$script" ] && shebang="$(head -n 1 "$script")"
  if [[ "$shebang" == '#!'*python* && "$shebang" != *' '* ]]; then
    echo "${shebang#\#!}"
  else
    command -v python3 || die "python3 with boto3 and PyYAML is required"
  fi
}

answers() { curl -s -o /dev/null --max-time 2 "$1"; }

moto_running() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid="$(cat "$pid_file")"
  # The pid must still be the moto_server we started, not a reused number.
  kill -0 "$pid" 2>/dev/null && ps -o args= -p "$pid" | grep -q "moto_server.*-p $port"
}

wait_until_ready() {
  local url="$1" tries=0
  until answers "$url"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 120 ]; then
      die "the endpoint $endpoint did not answer within 60 s (log: ${2:-none})"
    fi
    if [ "$engine" = moto ] && ! moto_running; then
      die "moto_server exited (log: $log_file)"
    fi
    sleep 0.5
  done
}

choose_engine() {
  if [ -f "$engine_file" ]; then
    engine="$(cat "$engine_file")"
  elif [ "$engine" = auto ]; then
    if docker_engine; then engine=localstack
    elif command -v moto_server >/dev/null 2>&1; then engine=moto
    else die "neither a Docker engine nor moto_server (pip install 'moto[server]') is available"
    fi
  fi
}

up() {
  mkdir -p "$state_dir"
  choose_engine
  case "$engine" in
    localstack)
      docker_engine || die "FLEETCHECK_LOCAL_AWS=localstack but no Docker engine answers"
      FLEETCHECK_LOCAL_AWS_PORT="$port" "${compose[@]}" up -d >&2
      echo localstack > "$engine_file"
      wait_until_ready "$endpoint/_localstack/health"
      ;;
    moto)
      command -v moto_server >/dev/null 2>&1 || die "moto_server is not on the PATH (pip install 'moto[server]')"
      if moto_running; then
        say "moto_server already runs (pid $(cat "$pid_file")) on $endpoint"
      else
        answers "$endpoint" && die "port $port is taken by a process this script did not start"
        nohup moto_server -H 127.0.0.1 -p "$port" > "$log_file" 2>&1 < /dev/null &
        echo $! > "$pid_file"
        echo moto > "$engine_file"
        wait_until_ready "$endpoint/moto-api/" "$log_file"
        say "moto_server started (pid $(cat "$pid_file"), log $log_file)"
      fi
      ;;
    *) die "FLEETCHECK_LOCAL_AWS must be auto, moto or localstack, not '$engine'" ;;
  esac
  "$(python_with_boto3)" "$root/infra/bootstrap.py" --endpoint "$endpoint" \
    --template "$root/template.yaml" --env-file "$env_file"
  say "ready on $endpoint; the resources' names are in $env_file"
}

down() {
  if [ ! -f "$engine_file" ] && [ ! -f "$pid_file" ]; then
    say "nothing is running"
    return 0
  fi
  if [ "$(cat "$engine_file" 2>/dev/null || echo moto)" = localstack ]; then
    FLEETCHECK_LOCAL_AWS_PORT="$port" "${compose[@]}" down >&2 || true
  elif moto_running; then
    local pid
    pid="$(cat "$pid_file")"
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    say "moto_server stopped (pid $pid)"
  fi
  rm -f "$pid_file" "$engine_file" "$env_file"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
