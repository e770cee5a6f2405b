#!/usr/bin/env bash
# Slurm round trip for movementsim batch --slurm: starts a one-node Slurm cluster on localhost, submits a
# sharded batch as a job array (plus the dependent merge job), waits for it, and checks that the merged
# timeseries.csv, runs.csv, summary.csv and design.csv equal, byte for byte, the same batch run locally.
# Prints PASS or FAIL and exits 0 or 1; prints SKIP and exits 2 when Slurm cannot be installed here.
#
#   .ci/slurm-roundtrip.sh [DLL]     DLL: a built movementsim.dll (default: Release build, built if missing)
#
# Needs root (installs slurm-wlm and munge with apt-get if sbatch is missing, starts munged, slurmctld and
# slurmd). Stops the daemons it started, by PID. See docs/cluster.md.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dll="${1:-$repo/src/MovementSim.Cli/bin/Release/net10.0/movementsim.dll}"
if [ ! -f "$dll" ]; then
  echo "building movementsim (Release)..."
  dotnet build "$repo/src/MovementSim.Cli/MovementSim.Cli.csproj" -c Release -v quiet -nologo >/dev/null || { echo "FAIL: build failed"; exit 1; }
fi
dll="$(cd "$(dirname "$dll")" && pwd)/$(basename "$dll")"

if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  echo "installing slurm-wlm and munge..."
  if ! { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null; }; then
    echo "SKIP: could not install slurm-wlm and munge (apt-get failed; root and a Debian package mirror are needed)"
    exit 2
  fi
fi

work="$(mktemp -d /tmp/movementsim-slurm.XXXXXX)"
pids=()
munged_started=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  if [ -n "$munged_started" ] && [ -f /run/munge/munged.pid ]; then kill "$(cat /run/munge/munged.pid)" 2>/dev/null; fi
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  for log in "$work"/slurmctld.log "$work"/slurmd.log "$work"/cluster/slurm/*.log; do
    [ -f "$log" ] && { echo "--- $log"; tail -n 20 "$log"; }
  done
  exit 1
}

# munge: the package creates the key; there is no systemd here, so start the daemon by hand.
[ -f /etc/munge/munge.key ] || mungekey --create || fail "cannot create the munge key"
mkdir -p /run/munge && chown munge:munge /run/munge && chmod 0755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged || fail "munged did not start"
  munged_started=yes
  sleep 0.5
  munge -n | unmunge >/dev/null || fail "munge does not work"
fi

# A one-node cluster named localhost, no accounting, no cgroups, state in the work folder.
mkdir -p "$work/state" "$work/spool"
cat >"$work/slurm.conf" <<CONF
ClusterName=movementsim-ci
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MailProg=/bin/true
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=ci Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -i -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N localhost >"$work/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 0.5
done
sinfo -h -o %T 2>/dev/null | grep -q idle || fail "the cluster did not become idle"
echo "slurm: one-node cluster up ($(nproc) CPUs)"

# The same small batch, locally and as a 3-shard job array.
scenario="$repo/scenarios/direct-payments"
args=(batch "$scenario" --reps 4 --seed 11 --set people=400 steps=20 dt_years=1)
dotnet "$dll" "${args[@]}" --quiet --out "$work/local" >/dev/null || fail "the local batch failed"
submit="$(dotnet "$dll" "${args[@]}" --slurm --shards 3 --out "$work/cluster" 2>&1 >/dev/null)" || fail "submission failed: $submit"
echo "$submit"
merge_job="$(sed -nE 's/.*merge job ([0-9]+).*/\1/p' <<<"$submit")"
[ -n "$merge_job" ] || fail "no merge job id in: $submit"

deadline=$((SECONDS + 300))
while [ -n "$(squeue -h 2>/dev/null)" ]; do
  [ $SECONDS -lt $deadline ] || fail "jobs still queued after 300 s: $(squeue -h)"
  sleep 0.5
done
state="$(scontrol -o show job "$merge_job" 2>/dev/null)"
grep -q "JobState=COMPLETED" <<<"$state" && grep -q "ExitCode=0:0" <<<"$state" || fail "merge job: $state"

for f in timeseries.csv runs.csv summary.csv design.csv; do
  cmp -s "$work/local/$f" "$work/cluster/$f" || fail "$f differs between the local batch and the Slurm batch"
done
echo "PASS: 3-shard Slurm job array merged into the same timeseries.csv, runs.csv, summary.csv and design.csv as the local batch"
rm -rf "$work"
exit 0
