#!/usr/bin/env bash
# Native AOT smoke test: publishes samples/AotSmoke as a native linux-x64 binary (zero trimming/AOT warnings
# allowed), starts the emulator on a free loopback port, runs the binary against it (create, get, list) and
# stops the emulator. Exits non-zero on any failure. Needs clang and zlib1g-dev (installed here when missing
# and running as root) and NuGet's ILCompiler runtime package (restored by the publish).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

rid=linux-x64
work=$(mktemp -d /tmp/oak-aot-smoke.XXXXXX)
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    # The emulator was started in its own process group (setsid): stop dotnet run and the app it started.
    kill -TERM -- "-$emulator_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$emulator_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- What Native AOT needs from Debian ---------------------------------------------------------------
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "aot-smoke: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "aot-smoke: missing ${missing[*]} and not root to install them" >&2
    exit 1
  fi
fi

# --- Publish -------------------------------------------------------------------------------------------
echo "aot-smoke: publishing samples/AotSmoke for $rid (Native AOT)"
if ! dotnet publish samples/AotSmoke -c Release -r "$rid" -o "$work/publish" >"$work/publish.log" 2>&1; then
  cat "$work/publish.log" >&2
  echo "aot-smoke: publish failed" >&2
  exit 1
fi
if grep -E "warning (IL|CS|CA)[0-9]+" "$work/publish.log" >&2; then
  echo "aot-smoke: the publish reported trimming/AOT warnings" >&2
  exit 1
fi
binary="$work/publish/AotSmoke"
[ -x "$binary" ] || { echo "aot-smoke: no native binary at $binary" >&2; exit 1; }
echo "aot-smoke: native binary $(du -h "$binary" | cut -f1)"

# --- Emulator --------------------------------------------------------------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
dotnet build src/OakNetwork.Payments.Emulator -c Release >"$work/emulator-build.log" 2>&1 \
  || { cat "$work/emulator-build.log" >&2; echo "aot-smoke: emulator build failed" >&2; exit 1; }
setsid dotnet run --project src/OakNetwork.Payments.Emulator -c Release --no-build -- --port "$port" --in-memory \
  >"$work/emulator.log" 2>&1 </dev/null &
emulator_pid=$!

base_url=""
for _ in $(seq 1 600); do
  if ! kill -0 "$emulator_pid" 2>/dev/null; then
    cat "$work/emulator.log" >&2
    echo "aot-smoke: the emulator exited before answering" >&2
    exit 1
  fi
  base_url=$(sed -n 's/^Oak emulator listening on \(http[^ ]*\).*/\1/p' "$work/emulator.log" | head -n 1)
  if [ -n "$base_url" ] && curl -s -o /dev/null --max-time 2 "$base_url"; then
    break
  fi
  base_url=""
  sleep 0.2
done
[ -n "$base_url" ] || { cat "$work/emulator.log" >&2; echo "aot-smoke: the emulator did not answer within 120 s" >&2; exit 1; }
echo "aot-smoke: emulator at $base_url"

# --- Run -------------------------------------------------------------------------------------------------
OAK_BASE_URL="$base_url" OAK_CLIENT_ID="${OAK_CLIENT_ID:-oak-dev-client}" OAK_CLIENT_SECRET="${OAK_CLIENT_SECRET:-oak-dev-secret}" \
  timeout 120 "$binary"
echo "aot-smoke: passed"
