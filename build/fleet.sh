#!/usr/bin/env bash
# The fleet benchmark of the rate-limit issue: N pay-as-you-go instances resized by C callers through one client
# against the in-process emulator throttling at R requests per second (burst B), cold start; prints per run the wall
# time and its ratio to N/R, failed calls by reason, attempts per call, throttled attempts (from the emulator's request
# log), p50/p99 latency and instances changed twice.
#
#   bash build/fleet.sh [--instances N (20·R)] [--rate R…] [--burst B (10)] [--callers C…] [--mode Adaptive|Fixed|Off]
#                       [--check] [--results FILE]
#
# With no --rate and no --callers it runs the matrix R ∈ {20, 50, 100} × C ∈ {4, 16, 64, 256} and writes
# docs/fleet-results.md. --check exits non-zero on any failed call or instance changed twice (CI runs a short form).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=tests/AliEcsSpec.Client.Fleet/AliEcsSpec.Client.Fleet.csproj
# The build talks on stderr, so that stdout carries only the figures.
dotnet build "$project" -c Release -v quiet -nologo 1>&2
exec dotnet run --project "$project" -c Release --no-build -- "$@"
