#!/usr/bin/env bash
# The Spark benchmark (docs/spark.md): N generated names screened against the given lists by the single-machine
# CLI batch, by the screen job in local[2], and on a two-worker standalone cluster started here from the Spark jars
# (no Spark download); then the impact job on N deals after a 65-country cut and 4 new entities, local and cluster.
# Usage: spark/bench/run.sh NAMES DEALS LISTS... (after mvn -B verify or package; writes under ${WORK:-/tmp/eg-spark-bench})
set -euo pipefail
cd "$(dirname "$0")/../.."
NAMES=${1:?names}; DEALS=${2:?deals}; shift 2; LISTS=("$@")
# STEPS picks what runs (default all: cli local cluster impact); REUSE_INPUTS=1 keeps $WORK/in from an earlier run.
STEPS=${STEPS:-cli local cluster impact}
WORK=${WORK:-/tmp/eg-spark-bench}
if [ "${REUSE_INPUTS:-0}" = 1 ] && [ -d "$WORK/in" ]; then
  find "$WORK" -mindepth 1 -maxdepth 1 ! -name in ! -name results.txt ! -name cli.jsonl -exec rm -rf {} +
else
  rm -rf "$WORK"; mkdir -p "$WORK"
fi
step() { [[ " $STEPS " == *" $1 "* ]]; }
CLI_JAR=cli/target/exportguard.jar; JOB_JAR=spark/target/exportguard-spark.jar
# Spark's own classpath (what a cluster provides), from a throw-away pom naming only Spark
SPARK_VERSION=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' spark/pom.xml)
cat >"$WORK/spark-cp.pom" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>bench</groupId>
<artifactId>spark-cp</artifactId><version>1</version><dependencies><dependency><groupId>org.apache.spark</groupId>
<artifactId>spark-sql_2.13</artifactId><version>$SPARK_VERSION</version></dependency></dependencies></project>
POM
mvn -B -q -f "$WORK/spark-cp.pom" dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP=$(cat "$WORK/cp.txt")
OPTS=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' spark/pom.xml)
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13 SPARK_DIST_CLASSPATH="$CP" SPARK_HOME="$WORK/spark-home"
mkdir -p "$SPARK_HOME/jars"
list_args() { for l in "${LISTS[@]}"; do printf '%s %s ' "$1" "$l"; done; }
now() { date +%s.%N; }
report() { awk -v what="$1" -v n="$2" -v t0="$3" -v t1="$4" 'BEGIN { s = t1 - t0; printf "%-28s %12d rows %9.1f s %10.0f rows/s\n", what, n, s, n / s }' | tee -a "$WORK/results.txt"; }

if [ ! -d "$WORK/in" ]; then
  java -jar "$CLI_JAR" bench spark-inputs --names "$NAMES" --deals "$DEALS" $(list_args --list) --output "$WORK/in"
fi

if step cli; then
  t0=$(now); java -Xmx6g -jar "$CLI_JAR" screen $(list_args --list) --input "$WORK/in/names.csv" --output "$WORK/cli.jsonl"; t1=$(now)
  report "CLI batch screen" "$NAMES" "$t0" "$t1"
fi

submit() { java -Xmx3g $OPTS -cp "$CP" org.apache.spark.deploy.SparkSubmit --conf spark.ui.enabled=false \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.memory=3g "$@"; }
if step local; then
  t0=$(now); submit --master 'local[2]' --class org.exportguard.spark.SparkMain "$JOB_JAR" screen \
    --lists "${LISTS[@]}" --input "$WORK/in/names.csv" --partitions 8 --output "$WORK/local-screen"; t1=$(now)
  report "Spark local[2] screen" "$NAMES" "$t0" "$t1"
fi

MPORT=17077
java -Xmx512m $OPTS -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port $MPORT --webui-port 18080 >"$WORK/master.log" 2>&1 &
PIDS=($!)
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
sleep 5
for i in 1 2; do
  mkdir -p "$WORK/worker-$i"
  java -Xmx512m $OPTS -cp "$CP" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:$MPORT --cores 1 --memory 4g \
    --host 127.0.0.1 --webui-port $((18080 + i)) --work-dir "$WORK/worker-$i" >"$WORK/worker-$i.log" 2>&1 &
  PIDS+=($!)
done
sleep 5
CLUSTER=(--master spark://127.0.0.1:$MPORT --conf spark.executor.memory=3g --conf spark.cores.max=2
  --conf spark.scheduler.minRegisteredResourcesRatio=1.0 --conf "spark.executor.extraJavaOptions=$OPTS")
if step cluster; then
  t0=$(now); submit "${CLUSTER[@]}" --class org.exportguard.spark.SparkMain "$JOB_JAR" screen \
    --lists "${LISTS[@]}" --input "$WORK/in/names.csv" --partitions 8 --output "$WORK/cluster-screen"; t1=$(now)
  report "Spark 2-worker cluster screen" "$NAMES" "$t0" "$t1"
fi

IMPACT=(impact --lists-before "$WORK/in/lists-before" --lists-after "$WORK/in/lists-after"
  --policy-before "$WORK/in/policy-before" --policy-after "$WORK/in/policy-after" --input "$WORK/in/deals.jsonl")
if step impact; then
  t0=$(now); submit --master 'local[2]' --class org.exportguard.spark.SparkMain "$JOB_JAR" "${IMPACT[@]}" --output "$WORK/local-impact"; t1=$(now)
  report "Spark local[2] impact" "$DEALS" "$t0" "$t1"
  t0=$(now); submit "${CLUSTER[@]}" --class org.exportguard.spark.SparkMain "$JOB_JAR" "${IMPACT[@]}" --output "$WORK/cluster-impact"; t1=$(now)
  report "Spark 2-worker cluster impact" "$DEALS" "$t0" "$t1"
fi

# the same hits everywhere (sorted bytewise; the outputs are large: 14 GB each at ten million names)
[ -f "$WORK/cli.jsonl" ] && LC_ALL=C sort -S 2G "$WORK/cli.jsonl" | md5sum | sed 's/-$/CLI batch/'
[ -d "$WORK/local-screen" ] && cat "$WORK"/local-screen/part-* | LC_ALL=C sort -S 2G | md5sum | sed 's/-$/local[2]/'
[ -d "$WORK/cluster-screen" ] && cat "$WORK"/cluster-screen/part-* | LC_ALL=C sort -S 2G | md5sum | sed 's/-$/cluster/'
step impact && echo "changed deals: local $(cat "$WORK"/local-impact/part-* | wc -l), cluster $(cat "$WORK"/cluster-impact/part-* | wc -l)"
cat "$WORK/results.txt"
