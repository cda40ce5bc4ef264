#!/usr/bin/env bash
# The fault soak of the "Reliability figures" issue: logical calls of both operations from concurrent callers against
# the in-process emulator with random faults, then resize plans run end to end with ResizeInstanceAsync under the same
# faults (issue 19), then the figures and the required zeros from the emulator's records.
#
#   bash build/soak.sh [--calls N (10000)] [--fault-rate R (0.3)] [--seed S (random, always printed)] [--callers C (16)]
#                      [--resizes N (200)]
#
# Exits non-zero when a required zero is not zero or a call hangs (the soak's watchdog turns a hang into a counted
# failure). Needs only the .NET 10 SDK and a NuGet source. CI runs the short soak: bash build/soak.sh --calls 1000
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=tests/AliEcsSpec.Client.Soak/AliEcsSpec.Client.Soak.csproj
# The build talks on stderr, so that stdout carries only the figures.
dotnet build "$project" -c Release -v quiet -nologo 1>&2
exec dotnet run --project "$project" -c Release --no-build -- "$@"
