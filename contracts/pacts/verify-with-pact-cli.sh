#!/usr/bin/env bash
# Verifies the committed pacts with the official Pact CLI verifier (npm @pact-foundation/pact-cli) against a
# standalone sandbox, independently of our own verifier in tests/ZoomEvents.Provider.Tests.
#
#   contracts/pacts/verify-with-pact-cli.sh [extra pact verifier options, e.g. --filter-description '^a request to']
#
# Needs: dotnet, node/npx (npm registry access on the first run), curl.
# Environment: PACT_CLI_VERSION (default below), SANDBOX_START_TIMEOUT seconds (default 120).
# Exit code: the verifier's (0 = every interaction passed); 2 for a setup problem before the verifier ran.
set -euo pipefail

# Pinned so a new CLI release cannot change the result of an unchanged pact; 18.1.2 is the version this was proven with.
PACT_CLI_VERSION="${PACT_CLI_VERSION:-18.1.2}"
START_TIMEOUT="${SANDBOX_START_TIMEOUT:-120}"
PROVIDER_NAME="ZoomEvents"
# The pacts carry this fixed bearer token; the sandbox accepts it only because it is started with it as a static token.
PACT_TOKEN="contract-test-token"

export PACT_DO_NOT_TRACK=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PACT_DIR="$REPO_ROOT/contracts/pacts"
SANDBOX_PROJECT="$REPO_ROOT/contracts/ZoomEvents.Sandbox/ZoomEvents.Sandbox.csproj"

fail() { echo "verify-with-pact-cli: $*" >&2; exit 2; }

for tool in dotnet npx node curl; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not on the PATH; it is needed to run this check."
done

# Only pacts for this provider, each passed with --file: --dir would also hand this folder's README.md to the
# verifier, which fails on it as unparsable pact JSON.
pact_args=()
shopt -s nullglob
for file in "$PACT_DIR"/*.json; do
  provider="$(node -e 'try { const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(String(p?.provider?.name ?? "")); } catch (e) { process.stdout.write(""); }' "$file")"
  if [[ "$provider" == "$PROVIDER_NAME" ]]; then
    pact_args+=(--file "$file")
  else
    echo "verify-with-pact-cli: skipping $(basename "$file"): provider is '${provider:-unreadable}', not '$PROVIDER_NAME'" >&2
  fi
done
shopt -u nullglob
(( ${#pact_args[@]} > 0 )) || fail "no pact files for provider '$PROVIDER_NAME' in $PACT_DIR"

echo "== Building the sandbox"
dotnet build "$SANDBOX_PROJECT" --nologo -v quiet -clp:ErrorsOnly\;NoSummary >&2 || fail "building the sandbox failed"
SANDBOX_DLL="$(dotnet msbuild "$SANDBOX_PROJECT" -nologo -getProperty:TargetPath)"
[[ -f "$SANDBOX_DLL" ]] || fail "sandbox build output not found at '$SANDBOX_DLL'"

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/zoomevents-pact-cli.XXXXXX")"
SANDBOX_LOG="$WORK_DIR/sandbox.log"
SANDBOX_PID=""

cleanup() {
  local code=$?
  if [[ -n "$SANDBOX_PID" ]] && kill -0 "$SANDBOX_PID" 2>/dev/null; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    # Give Kestrel a moment to shut down cleanly; force it only if it hangs.
    for _ in $(seq 1 50); do kill -0 "$SANDBOX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  if (( code != 0 )) && [[ -f "$SANDBOX_LOG" ]]; then
    echo "---- last lines of the sandbox log ($SANDBOX_LOG) ----" >&2
    tail -n 40 "$SANDBOX_LOG" >&2 || true
  else
    rm -rf "$WORK_DIR"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Port 0 lets the OS pick a free port at bind time (no probe-then-bind race); the sandbox prints the real address.
# The dll is run directly (not via `dotnet run`) so SANDBOX_PID is the server itself and stopping it stops it.
echo "== Starting the sandbox"
dotnet "$SANDBOX_DLL" --urls "http://127.0.0.1:0" "--Sandbox:StaticAccessTokens:0=$PACT_TOKEN" >"$SANDBOX_LOG" 2>&1 &
SANDBOX_PID=$!

BASE_URL=""
deadline=$(( SECONDS + START_TIMEOUT ))
while [[ -z "$BASE_URL" ]]; do
  kill -0 "$SANDBOX_PID" 2>/dev/null || fail "the sandbox exited during start-up"
  (( SECONDS < deadline )) || fail "the sandbox did not print its address within ${START_TIMEOUT}s"
  BASE_URL="$(sed -n 's/^.*Zoom Events sandbox listening on \(http:\/\/[^ ]*\).*$/\1/p' "$SANDBOX_LOG" | head -n 1 | tr -d '\r')"
  [[ -n "$BASE_URL" ]] || sleep 0.2
done
STATES_URL="$BASE_URL/_pact/provider-states"

# Listening is not the same as answering: wait for the provider-state endpoint (GET lists the known states).
until curl --silent --fail --output /dev/null --max-time 2 "$STATES_URL"; do
  kill -0 "$SANDBOX_PID" 2>/dev/null || fail "the sandbox exited before it answered"
  (( SECONDS < deadline )) || fail "the sandbox at $BASE_URL did not answer within ${START_TIMEOUT}s"
  sleep 0.2
done

host_port="${BASE_URL#http://}"
echo "== Sandbox answering at $BASE_URL (pid $SANDBOX_PID)"
echo "== Verifying $(( ${#pact_args[@]} / 2 )) pact file(s) with @pact-foundation/pact-cli@$PACT_CLI_VERSION"

# The package ships several executables, so npx is told which one; the platform binary comes from the package's
# npm optional dependency (@pact-foundation/pact-cli-<os>-<arch>), nothing is downloaded from elsewhere.
set +e
npx --yes --package="@pact-foundation/pact-cli@$PACT_CLI_VERSION" -- pact-verifier \
  --provider-name "$PROVIDER_NAME" \
  --hostname "${host_port%%:*}" \
  --port "${host_port##*:}" \
  --state-change-url "$STATES_URL" \
  --state-change-teardown \
  --no-colour \
  "${pact_args[@]}" \
  "$@"
verifier_code=$?
set -e

if (( verifier_code == 0 )); then
  echo "== Pact CLI verification passed"
else
  echo "== Pact CLI verification FAILED (verifier exit code $verifier_code)" >&2
fi
exit "$verifier_code"
