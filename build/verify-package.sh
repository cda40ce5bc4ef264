#!/usr/bin/env bash
# Checks what `dotnet pack` produced: the client package with its README, license expression, repository metadata
# and both target frameworks, its symbols package and their source link (checked against git); the emulator library
# for both target frameworks, restorable by a net8.0 project; and the emulator tool, installed from its package and run.
set -euo pipefail
dir=$(cd "${1:-artifacts/packages}" && pwd)

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
# SourceLink: the symbols map the sources to the nuspec's repository at its commit, and git holds exactly those files
# there (build/verify-sourcelink.cs; it needs a CI build, CI=true, whose paths are mapped to /_/).
repository=$(grep -o '<repository [^>]*>' <<<"$nuspec")
repository_url=$(grep -o 'url="[^"]*"' <<<"$repository" | cut -d'"' -f2)
commit=$(grep -o 'commit="[^"]*"' <<<"$repository" | cut -d'"' -f2)
if [ -z "$repository_url" ] || [ -z "$commit" ]; then
  echo "package check failed: the repository metadata has no url or no commit: $repository" >&2; fail=1
else
  dotnet run "$(dirname "$0")/verify-sourcelink.cs" -- "$nupkg" "$snupkg" "$repository_url" "$commit" || fail=1
fi
# Dependencies: only the packages the library references, with the floors of each target framework.
referenced=$(grep -o 'PackageReference Include="[^"]*"' src/AliEcsSpec.Client/AliEcsSpec.Client.csproj | cut -d'"' -f2 | sort)
for tfm in net8.0:8 net10.0:10; do
  group=$(sed -n "/<group targetFramework=\"${tfm%%:*}\">/,/<\/group>/p" <<<"$nuspec")
  ids=$(grep -o 'id="[^"]*"' <<<"$group" | cut -d'"' -f2 | sort)
  [ "$ids" = "$referenced" ] || { echo "package check failed: ${tfm%%:*} dependencies are [$(echo $ids)], the library references [$(echo $referenced)]" >&2; fail=1; }
  if grep -E 'id="(Microsoft.Extensions|System.Threading.RateLimiting)' <<<"$group" | grep -vq "version=\"${tfm##*:}\."; then
    echo "package check failed: ${tfm%%:*} depends on a Microsoft.Extensions or System.* package outside the ${tfm##*:}.x line" >&2; fail=1
  fi
done

# The version is the one every package of this pack shares: AliEcsSpec.Client.<version>.nupkg.
version=$(basename "$nupkg" .nupkg)
version=${version#AliEcsSpec.Client.}
emulator="$dir/AliEcsSpec.Emulator.$version.nupkg"
tool="$dir/AliEcsSpec.Emulator.Tool.$version.nupkg"
[ -f "$emulator" ] || { echo "package check failed: no $(basename "$emulator")" >&2; exit 1; }
[ -f "$tool" ] || { echo "package check failed: no $(basename "$tool")" >&2; exit 1; }

emulator_contents=$(unzip -l "$emulator")
need "$emulator_contents" "lib/net8.0/AliEcsSpec.Emulator.dll" "no net8.0 emulator assembly"
need "$emulator_contents" "lib/net10.0/AliEcsSpec.Emulator.dll" "no net10.0 emulator assembly"
need "$emulator_contents" "lib/net10.0/AliEcsSpec.Emulator.xml" "no emulator XML documentation"
need "$emulator_contents" "README.md" "README.md is not in the emulator package"
tool_contents=$(unzip -l "$tool")
need "$tool_contents" "tools/net10.0/any/DotnetToolSettings.xml" "the tool package has no net10.0 tool"
need "$tool_contents" "tools/net8.0/any/DotnetToolSettings.xml" "the tool package has no net8.0 tool"
need "$(unzip -p "$tool" AliEcsSpec.Emulator.Tool.nuspec)" '<packageType name="DotnetTool"' "the tool package is not a DotnetTool package"
[ "$fail" -eq 0 ] || exit 1

# Installed and restored with a cache of their own, so a package of the same version from an earlier pack cannot
# stand in for the one just made.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/cache"

# The tool carries its dependencies, so it installs from the packages folder alone (<clear/> drops every other source).
cat >"$work/tool.nuget.config" <<EOF
<configuration><packageSources><clear /><add key="packed" value="$dir" /></packageSources></configuration>
EOF
dotnet tool install AliEcsSpec.Emulator.Tool --version "$version" --tool-path "$work/tools" --configfile "$work/tool.nuget.config" >/dev/null
help=$("$work/tools/aliecs-emulator" --help) || { echo "package check failed: aliecs-emulator --help exited $?" >&2; exit 1; }
need "$help" "--throttle-rate" "aliecs-emulator --help does not list its options"

# A net8.0 project restores the library; the framework's reference packs come from the machine's own sources, which
# this folder's nuget.config inherits (it only adds the packages folder).
mkdir "$work/net8"
cat >"$work/net8/nuget.config" <<EOF
<configuration><packageSources><add key="packed" value="$dir" /></packageSources></configuration>
EOF
cat >"$work/net8/UsesEmulator.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="AliEcsSpec.Emulator" Version="$version" /></ItemGroup>
</Project>
EOF
dotnet restore "$work/net8/UsesEmulator.csproj" >/dev/null
need "$(cat "$work/net8/obj/project.assets.json")" "lib/net8.0/AliEcsSpec.Emulator.dll" "a net8.0 project does not get the net8.0 emulator"
[ "$fail" -eq 0 ] || exit 1
echo "packages ok: $(basename "$nupkg") + $(basename "$snupkg"), $(basename "$emulator") (restored on net8.0), $(basename "$tool") (installed, --help ran)"
