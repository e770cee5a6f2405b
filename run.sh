#!/usr/bin/env bash
# Builds MovementSim once in Release (again only when a source file changed) and runs the built program.
#   ./run.sh                                   the main job: every shipped scenario, replicated, with charts and reports
#   ./run.sh run scenarios/direct-payments --seed 7
#   ./run.sh --help                            all commands
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dll="$here/src/MovementSim.Cli/bin/Release/net10.0/movementsim.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stamp="$(dirname "$dll")/.built-by-run-sh"
# Rebuild when a source the program is built from changed since the last build by this script (the
# benchmarks are not part of the program). The stamp, not the dll, is compared: an incremental build
# leaves the dll untouched when nothing it depends on changed.
if [ ! -f "$dll" ] || [ ! -f "$stamp" ] || [ -n "$(find "$here/src" "$here/Directory.Build.props" "$here/Directory.Packages.props" \
     -path "$here/src/MovementSim.Benchmarks" -prune -o -path '*/bin' -prune -o -path '*/obj' -prune -o \
     -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.ttf' -o -name '*.html' \) -print -quit)" ]; then
  echo "building MovementSim (Release)..." >&2
  dotnet build "$here/src/MovementSim.Cli/MovementSim.Cli.csproj" -c Release -v quiet -nologo >&2
  touch "$stamp"
fi

if [ $# -eq 0 ]; then
  cd "$here"
  exec dotnet "$dll" suite scenarios --results results
fi
exec dotnet "$dll" "$@"
