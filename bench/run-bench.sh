#!/usr/bin/env bash
# ./run bench [--quick] [--out DIR]: builds the app and the benchmark, then runs every measurement
# of issue 6 side by side; prints the table and writes docs/bench/results.json and latency.svg.
# Needs what the app build needs (clang, rustc, node + npm tools from ./run setup), plus
# redis-server and wrk (Debian packages). The JVM flag keeps HotSpot compiling Chicory's large
# generated methods (see BenchMain.jvmFlags); the benchmark's own JVMs get it too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -o -pl bench -am package -DskipTests
exec java -XX:-DontCompileHugeMethods -jar bench/target/benchmarks.jar --repo "$root" "$@"
