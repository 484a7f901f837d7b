#!/usr/bin/env bash
# Writes the deterministic synthetic OpenAPI spec (just over 1 MB, 500 schemas, 300 operations) used by the benchmarks.
# The generator itself is C# (tests/ZoomEvents.Benchmarks/Synthetic/SyntheticSpec.cs) so the benchmarks build the
# very same text in memory; this script only asks that project to write it out and check it with Microsoft.OpenApi.
# Usage: scripts/synth-spec.sh [output path]   (default: artifacts/synthetic.openapi.yaml, git-ignored)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/synthetic.openapi.yaml}"
exec dotnet run -c Release --project "$root/tests/ZoomEvents.Benchmarks" -- synth "$out"
