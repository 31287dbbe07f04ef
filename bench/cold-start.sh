#!/usr/bin/env bash
# Cold start of the command line against a bare JVM start, and what the three libraries every
# render needs cost on their own in a fresh JVM, with the CLI's own jar on the classpath.
# Needs hyperfine (Debian: apt-get install hyperfine) and python3; build the CLI first:
#   mvn -B -DskipTests install
# Usage: bench/cold-start.sh [RUNS]   (default 20 runs per command, after 3 warm-up runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
cli=cli/target/infrahub-backup.jar
if [[ ! -f "$cli" ]]; then
    echo "no $cli: build it first with mvn -B -DskipTests install" >&2
    exit 2
fi
for tool in hyperfine python3 javac; do
    command -v "$tool" > /dev/null || { echo "cold-start.sh needs $tool on the PATH" >&2; exit 2; }
done
probes="$(mktemp -d)"
trap 'rm -rf "$probes"' EXIT
javac -d "$probes" -cp "$cli" bench/startup/*.java

hyperfine -N --warmup 3 --runs "$runs" --export-json "$probes/times.json" \
    -n "bare JVM (Hello)" "java -cp $probes Hello" \
    -n "CLI template" "java -jar $cli template prod -n infrahub -f examples/scenarios/backup-cronjob-s3.yaml" \
    -n "CLI schema" "java -jar $cli schema" \
    -n "Pebble alone" "java -cp $cli:$probes PebbleOnly" \
    -n "SnakeYAML alone" "java -cp $cli:$probes SnakeYamlOnly" \
    -n "Jackson alone" "java -cp $cli:$probes JacksonOnly" > /dev/null

python3 - "$probes/times.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
bare = results[0]["median"]
print(f"{'command':<18} {'median':>8} {'min':>8} {'max':>8} {'x bare':>7}")
for r in results:
    print(f"{r['command']:<18} {r['median'] * 1000:6.0f} ms {r['min'] * 1000:5.0f} ms {r['max'] * 1000:5.0f} ms {r['median'] / bare:6.1f}x")
PY
