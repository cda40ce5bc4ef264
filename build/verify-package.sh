#!/usr/bin/env bash
# Checks what `dotnet pack` produced: the client package with its README, license expression, repository metadata
# and both target frameworks, its symbols package, and the emulator package.
set -euo pipefail
dir=${1:-artifacts/packages}

nupkg=$(ls "$dir"/AliEcsSpec.Client.*.nupkg | grep -v '\.symbols\.' | head -n 1)
snupkg=${nupkg%.nupkg}.snupkg
[ -f "$nupkg" ] || { echo "no AliEcsSpec.Client package in $dir" >&2; exit 1; }
[ -f "$snupkg" ] || { echo "no symbols package $snupkg" >&2; exit 1; }

contents=$(unzip -l "$nupkg")
nuspec=$(unzip -p "$nupkg" AliEcsSpec.Client.nuspec)
fail=0
need() { grep -q -- "$2" <<<"$1" || { echo "package check failed: $3" >&2; fail=1; }; }
need "$contents" "README.md" "README.md is not in the package"
need "$contents" "lib/net8.0/AliEcsSpec.Client.dll" "no net8.0 assembly"
need "$contents" "lib/net10.0/AliEcsSpec.Client.dll" "no net10.0 assembly"
need "$contents" "lib/net10.0/AliEcsSpec.Client.xml" "no XML documentation"
need "$nuspec" '<license type="expression">MIT</license>' "no license expression"
need "$nuspec" '<readme>README.md</readme>' "README not declared"
need "$nuspec" '<icon>icon.png</icon>' "no icon declared"
need "$contents" "icon.png" "icon.png is not in the package"
need "$nuspec" '<releaseNotes>###' "no release notes from the CHANGELOG"
if unzip -p "$nupkg" README.md | grep -q '## Repository layout'; then
  echo "package check failed: the package README is the repository's (maintainer sections, relative links)" >&2; fail=1
fi
need "$nuspec" '<repository type="git"' "no repository metadata"
# Dependencies: only the packages the library references, with the floors of each target framework.
referenced=$(grep -o 'PackageReference Include="[^"]*"' src/AliEcsSpec.Client/AliEcsSpec.Client.csproj | cut -d'"' -f2 | sort)
for tfm in net8.0:8 net10.0:10; do
  group=$(sed -n "/<group targetFramework=\"${tfm%%:*}\">/,/<\/group>/p" <<<"$nuspec")
  ids=$(grep -o 'id="[^"]*"' <<<"$group" | cut -d'"' -f2 | sort)
  [ "$ids" = "$referenced" ] || { echo "package check failed: ${tfm%%:*} dependencies are [$(echo $ids)], the library references [$(echo $referenced)]" >&2; fail=1; }
  if grep 'id="Microsoft.Extensions' <<<"$group" | grep -vq "version=\"${tfm##*:}\."; then
    echo "package check failed: ${tfm%%:*} depends on a Microsoft.Extensions package outside the ${tfm##*:}.x line" >&2; fail=1
  fi
done
emulator=$(ls "$dir"/AliEcsSpec.Emulator.*.nupkg 2>/dev/null | head -n 1)
if [ -z "$emulator" ]; then
  echo "package check failed: no AliEcsSpec.Emulator package" >&2; fail=1
else
  need "$(unzip -l "$emulator")" "lib/net10.0/AliEcsSpec.Emulator.dll" "no emulator assembly"
fi
[ "$fail" -eq 0 ] || exit 1
echo "packages ok: $(basename "$nupkg") + $(basename "$snupkg"), $(basename "$emulator")"
