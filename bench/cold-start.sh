#!/usr/bin/env bash
# Cold start of the command line against a bare JVM start, and what the three libraries every
# render needs cost on their own in a fresh JVM, with the CLI's own jar on the classpath; then the
# launcher (cli/target/infrahub-backup, with its start-up archive) against `java -jar`, in pairs.
# Needs hyperfine (Debian: apt-get install hyperfine) and python3; build the CLI first:
#   mvn -B -DskipTests install
# Usage: [JDKS="JAVA_HOME..."] bench/cold-start.sh [RUNS]
#   RUNS: runs per command, after 3 warm-up runs (default 20)
#   JDKS: the JDK homes the launcher is measured on (default: the java on the PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
cli=cli/target/infrahub-backup.jar
if [[ ! -f "$cli" || ! -x cli/target/infrahub-backup ]]; then
    echo "no $cli or cli/target/infrahub-backup: build them first with mvn -B -DskipTests install" >&2
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

# The launcher against java -jar on each JDK: RUNS pairs, each pair's order drawn at random, so that
# whatever else the machine does weighs on both alike. The archive is made in a fresh cache folder
# by the first warm-up run, which is timed on its own: that cost is paid once per jar and JDK.
default_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
for home in ${JDKS:-$default_home}; do
    python3 - "$home" "$runs" "$probes/cache-$(basename "$home")" <<'PY'
import os, random, statistics, subprocess, sys, time
home, runs, cache = sys.argv[1], int(sys.argv[2]), sys.argv[3]
args = ["template", "prod", "-n", "infrahub", "-f", "examples/scenarios/backup-cronjob-s3.yaml"]
env = dict(os.environ, JAVA_HOME=home, XDG_CACHE_HOME=cache)
env.pop("JAVA_OPTS", None)
commands = {
    "java -jar": [os.path.join(home, "bin", "java"), "-jar", "cli/target/infrahub-backup.jar"] + args,
    "launcher": ["cli/target/infrahub-backup"] + args,
}
def timed(name):
    start = time.perf_counter()
    subprocess.run(commands[name], env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start
first_use = timed("launcher")
for _ in range(3):
    timed("java -jar"); timed("launcher")
times = {name: [] for name in commands}
ratios = []
for _ in range(runs):
    order = list(commands)
    random.shuffle(order)
    pair = {name: timed(name) for name in order}
    for name, seconds in pair.items():
        times[name].append(seconds)
    ratios.append(pair["launcher"] / pair["java -jar"])
version = open(os.path.join(home, "release")).read().split('JAVA_VERSION="')[1].split('"')[0]
print(f"\nJDK {version} ({home}), {runs} pairs; load average now {os.getloadavg()[0]:.1f} (the VM's other work)")
for name, values in times.items():
    print(f"  {name:<10} median {statistics.median(values) * 1000:5.0f} ms  (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})")
print(f"  launcher / java -jar: {statistics.median(times['launcher']) / statistics.median(times['java -jar']):.2f} "
      f"(ratio of medians), {statistics.median(ratios):.2f} (median of the pairs' ratios)")
print(f"  first use (makes the archive): {first_use * 1000:.0f} ms")
PY
done
