#!/usr/bin/env bash
# A user's first test project, for net8.0 and for net10.0: packs the packages, creates a brand-new xunit project
# from build/consumer/ in a temporary folder for each target, restores it from the packed packages (and the
# machine's usual package source for everything else), and runs its tests: EcsModelFactory, a mocked failure path,
# two keyed clients, an emulator fixture. The net8.0 run uses the .NET 8 runtime that the client's test build
# assembles under artifacts/dotnet-net8 (build/Net8TestRuntime.targets).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
packages=$root/artifacts/consumer/packages
rm -rf "$root/artifacts/consumer"
mkdir -p "$packages"
dotnet pack -c Release -o "$packages" > /dev/null
version=$(ls "$packages"/AliEcsSpec.Client.*.nupkg | grep -v symbols | sed -E 's/.*AliEcsSpec\.Client\.(.*)\.nupkg/\1/')

# A package cache of its own: the machine's may hold an older AliEcsSpec package of the same version.
export NUGET_PACKAGES=$root/artifacts/consumer/nuget-packages

net8_host=$root/artifacts/dotnet-net8/dotnet
if [ ! -x "$net8_host" ]; then
  dotnet build tests/AliEcsSpec.Client.Tests -c Release -f net8.0 > /dev/null
fi

for tfm in ${CONSUMER_TARGETS:-net8.0 net10.0}; do
  work=$(mktemp -d)
  cp build/consumer/Consumer.Tests.csproj build/consumer/ConsumerTests.cs "$work/"
  # A local folder, not a URL: the packed packages first, the machine's configured sources for the rest.
  cat > "$work/nuget.config" <<CONFIG
<configuration><packageSources><add key="packed" value="$packages" /></packageSources></configuration>
CONFIG
  # Outside the repository, so that none of its Directory.*.props apply: a user's project has none of them.
  (cd "$work" && dotnet restore -p:ConsumerTargetFramework=$tfm -p:AliEcsSpecVersion="$version" > restore.log || { cat restore.log; exit 1; })
  settings=()
  [ "$tfm" = net8.0 ] && settings=(-- "RunConfiguration.DotNetHostPath=$net8_host")
  if ! (cd "$work" && dotnet test --no-restore -c Release -p:ConsumerTargetFramework=$tfm -p:AliEcsSpecVersion="$version" "${settings[@]}" > test.log 2>&1); then
    cat "$work/test.log"; echo "consumer test failed for $tfm" >&2; exit 1
  fi
  grep -E "^(Passed|Failed)!" "$work/test.log"
  rm -rf "$work"
done
