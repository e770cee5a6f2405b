#!/usr/bin/env bash
# Builds MovementSim once in Release (again only when a source file changed) and runs the built program.
#   ./run.sh                                   the main job: every shipped scenario, replicated, with charts and reports
#   ./run.sh run scenarios/direct-payments --seed 7
#   ./run.sh --help                            all commands
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dll="$here/src/MovementSim.Cli/bin/Release/net10.0/movementsim.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -f "$dll" ] || [ -n "$(find "$here/src" "$here/Directory.Build.props" "$here/Directory.Packages.props" -newer "$dll" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.ttf' \) -print -quit)" ]; then
  echo "building MovementSim (Release)..." >&2
  dotnet build "$here/src/MovementSim.Cli/MovementSim.Cli.csproj" -c Release -v quiet -nologo >&2
fi

if [ $# -eq 0 ]; then
  cd "$here"
  exec dotnet "$dll" suite scenarios --results results
fi
exec dotnet "$dll" "$@"
