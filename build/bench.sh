#!/usr/bin/env bash
# Runs the benchmark suite (tests/AliEcsSpec.Client.Benchmarks) in BenchmarkDotNet's short mode, writes the table of
# results with the budget checks to tests/AliEcsSpec.Client.Benchmarks/RESULTS.md, and exits non-zero when a budget
# is not met. Extra arguments go to BenchmarkDotNet, e.g. `build/bench.sh --filter '*Component*'`.
# Run it on a quiet machine: the loopback cases share its cores with the server they call.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet run -c Release --project tests/AliEcsSpec.Client.Benchmarks -- \
  --short \
  --results tests/AliEcsSpec.Client.Benchmarks/RESULTS.md \
  --artifacts artifacts/benchmarks \
  "$@"
