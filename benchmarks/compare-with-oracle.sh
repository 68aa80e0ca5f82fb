#!/usr/bin/env bash
# Times the policyproof command line and the iam-simulate oracle on the same generated cases file, each as a whole
# process, and counts how many decisions agree.
#
# usage: benchmarks/compare-with-oracle.sh ORACLE_DIR [CASES] [RUNS] [SEED]
#   ORACLE_DIR  folder with evaluate.mjs, package.json and package-lock.json. The script copies it to a temporary
#               folder and runs npm ci there, so the original is never changed.
#   CASES       number of generated cases, default 10000
#   RUNS        timed runs of each command, default 5
#   SEED        seed of the case generator, default 1
#
# Set KEEP_WORK=1 to keep the temporary folder with the cases file and both outputs.
# Needs Java 17, Node.js 20 with npm, the packaged CLI (bin/policyproof) and benchmarks/target/benchmarks.jar.
# Uses hyperfine when it is installed, otherwise a loop of /usr/bin/time runs; both report medians.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 4 ]]; then
    sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
oracle_source=$(cd "$1" && pwd)
cases=${2:-10000}
runs=${3:-5}
seed=${4:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
benchmarks_jar="$root/benchmarks/target/benchmarks.jar"
cli="$root/bin/policyproof"

for tool in java node npm; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found on PATH" >&2; exit 1; }
done
[[ -f "$oracle_source/evaluate.mjs" ]] || { echo "error: no evaluate.mjs in $oracle_source" >&2; exit 1; }
[[ -f "$benchmarks_jar" ]] || {
    echo "error: $benchmarks_jar not found; build it with: mvn -B -pl benchmarks -am package" >&2
    exit 1
}
[[ -x "$cli" ]] || { echo "error: $cli not found or not executable" >&2; exit 1; }

work=$(mktemp -d)
if [[ -n "${KEEP_WORK:-}" ]]; then
    echo "keeping the cases, outputs and timings in $work"
else
    trap 'rm -rf "$work"' EXIT
fi
cases_file="$work/cases.jsonl"
ours_file="$work/policyproof.jsonl"
oracle_file="$work/iam-simulate.jsonl"

echo "generating $cases cases with seed $seed"
java -cp "$benchmarks_jar" dev.policyproof.benchmarks.CaseGenerator --output "$cases_file" --count "$cases" --seed "$seed"

echo "installing the oracle in $work/oracle"
cp -r "$oracle_source" "$work/oracle"
chmod -R u+w "$work/oracle" # the source folder may be read-only
(cd "$work/oracle" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

ours_command="'$cli' evaluate --cases '$cases_file' --output '$ours_file'"
oracle_command="node '$work/oracle/evaluate.mjs' '$cases_file' --json > '$oracle_file'"

# Prints "name median min max" in seconds for each command of a hyperfine JSON export.
summarize_hyperfine() {
    node -e '
        const results = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).results;
        for (const r of results) {
            console.log([r.command, r.median, r.min, r.max].map(v => typeof v === "number" ? v.toFixed(3) : v).join(" "));
        }' "$1"
}

# Runs a command $runs times under /usr/bin/time and prints "name median min max" in seconds. The command's own
# output goes to a log in the temporary folder. A failing run stops the script, because /usr/bin/time returns the
# command's exit status and set -e acts on it.
time_loop() {
    local name=$1 command=$2 times="$work/times-$1" log="$work/output-$1.log"
    : >"$times"
    sh -c "$command" >>"$log" 2>&1 # warm-up run, not counted
    for ((run = 1; run <= runs; run++)); do
        /usr/bin/time -f %e -a -o "$times" sh -c "$command" >>"$log" 2>&1
    done
    sort -n "$times" | awk -v name="$name" '
        { value[NR] = $1 }
        END {
            median = NR % 2 ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2
            printf "%s %.3f %.3f %.3f\n", name, median, value[1], value[NR]
        }'
}

if command -v hyperfine >/dev/null; then
    echo "timing $runs runs of each command with hyperfine, after one warm-up run"
    hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/hyperfine.json" \
        -n policyproof "$ours_command" -n iam-simulate "$oracle_command" >&2
    timings=$(summarize_hyperfine "$work/hyperfine.json")
else
    echo "hyperfine not found; timing $runs runs of each command with /usr/bin/time, after one warm-up run"
    timings=$(time_loop policyproof "$ours_command"; time_loop iam-simulate "$oracle_command")
fi

echo
echo "whole-process wall time, seconds, $runs runs, $cases cases"
printf '%-14s %8s %8s %8s\n' command median min max
while read -r name median min max; do
    printf '%-14s %8s %8s %8s\n' "$name" "$median" "$min" "$max"
done <<<"$timings"

echo
echo "decisions of the last run"
node -e '
    const fs = require("fs");
    const read = (file) => fs.readFileSync(file, "utf8").split("\n").filter((line) => line.trim()).map(JSON.parse);
    const ours = new Map(read(process.argv[1]).map((line) => [line.id, line.decision]));
    const oracle = read(process.argv[2]);
    let agree = 0, oracleMissing = 0, oursMissing = 0;
    const pairs = new Map();
    const examples = [];
    for (const line of oracle) {
        const mine = ours.get(line.id);
        if (mine === undefined) { oursMissing++; continue; }
        if (line.simulate == null) { oracleMissing++; continue; }
        if (mine === line.simulate) { agree++; continue; }
        const pair = `policyproof ${mine}, iam-simulate ${line.simulate}`;
        pairs.set(pair, (pairs.get(pair) || 0) + 1);
        if (examples.length < 10) examples.push(line.id);
    }
    const disagree = [...pairs.values()].reduce((a, b) => a + b, 0);
    console.log(`cases: ${oracle.length}, agree: ${agree}, disagree: ${disagree}, ` +
        `no iam-simulate decision: ${oracleMissing}, no policyproof decision: ${oursMissing}`);
    for (const [pair, count] of pairs) console.log(`  ${count} x ${pair}`);
    if (examples.length) console.log(`first disagreeing ids: ${examples.join(",")}`);
    const ourCounts = {};
    for (const decision of ours.values()) ourCounts[decision] = (ourCounts[decision] || 0) + 1;
    console.log("policyproof decisions: " + JSON.stringify(ourCounts));
' "$ours_file" "$oracle_file"
