# Shared by the cluster benchmarks (sourced, not run): starting and stopping the processes of a cluster as in the
# README's "Run as separate services" — s3proxy, TokTik nodes from the jar — and cleaning up after them.
# The sourcing script sets JAVA, JAR, WORK, PGUSER, RABBITMQ_VHOST, REDIS_URL, S3PROXY_VERSION, LEASE_SECONDS,
# and per run DB and S3_PORT.

# ---------------------------------------------------------------------------------------------------------------
# processes and cleanup

PIDS=()       # every process this script started
DATABASES=()  # every database it created
CREATED_VHOST=""

cleanup() {
  local pid db
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  for db in "${DATABASES[@]}"; do dropdb --if-exists "$db" 2>/dev/null || true; done
  [ -n "$CREATED_VHOST" ] && rabbitmqctl -q delete_vhost "$CREATED_VHOST" >/dev/null 2>&1 || true
  if [ -n "${KEEP_WORK:-}" ]; then echo "(kept $WORK)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# SIGTERM (a node stops gracefully: running jobs get TOKTIK_WORKER_SHUTDOWN_GRACE), SIGKILL after 40 s.
stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

free_port() { # from $1 upwards
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

now() { date +%s.%N; }

preflight() {
  local tool
  for tool in psql createdb dropdb rabbitmqctl; do
    command -v "$tool" >/dev/null || { echo "!! $tool is needed (PostgreSQL and RabbitMQ clients)"; exit 1; }
  done
  psql -d postgres -Atc 'select 1' >/dev/null || { echo "!! no PostgreSQL at $PGHOST as $PGUSER"; exit 1; }
  [ -f "$JAR" ] || JAVA_HOME=$JAVA_HOME ./mvnw -q -DskipTests install
  # A private copy: a rebuild of the jar while the benchmark runs must not pull it from under the running nodes.
  cp "$JAR" "$WORK/toktik-server.jar"
  JAR=$WORK/toktik-server.jar
  if [ "$RABBITMQ_VHOST" != / ] && ! rabbitmqctl -q list_vhosts | grep -qx "$RABBITMQ_VHOST"; then
    rabbitmqctl -q add_vhost "$RABBITMQ_VHOST" >/dev/null
    CREATED_VHOST=$RABBITMQ_VHOST
    rabbitmqctl -q set_permissions -p "$RABBITMQ_VHOST" guest '.*' '.*' '.*' >/dev/null
  fi
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v l="$load" 'BEGIN { exit !(l > 0.5) }' \
    && echo "   WARNING: load average $load before starting: the machine is not idle, figures will be noisy."
  return 0
}

# ---------------------------------------------------------------------------------------------------------------
# S3 server

# start_s3proxy PORT: an S3 API on a local directory (s3proxy in its own JVM, classpath resolved by Maven from a
# throwaway pom; jackson-annotations pinned to 2.22 as in toktik-s3's pom, which s3proxy's Jackson 3 needs).
start_s3proxy() {
  local port=$1 dir="$WORK/s3proxy"
  mkdir -p "$dir/blobs"
  cat >"$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>s3proxy-classpath</artifactId><version>1</version>
  <dependencyManagement><dependencies><dependency>
    <groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId><version>2.22</version>
  </dependency></dependencies></dependencyManagement>
  <dependencies><dependency>
    <groupId>org.gaul</groupId><artifactId>s3proxy</artifactId><version>$S3PROXY_VERSION</version>
  </dependency></dependencies>
</project>
EOF
  JAVA_HOME=$JAVA_HOME ./mvnw -q -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$dir/cp.txt" >"$dir/mvn.log" 2>&1 \
    || { echo "!! could not resolve s3proxy:"; tail -5 "$dir/mvn.log"; return 1; }
  cat >"$dir/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-access
s3proxy.credential=bench-secret-key
jclouds.provider=filesystem-nio2
jclouds.identity=bench-access
jclouds.credential=bench-secret-key
jclouds.filesystem.basedir=$dir/blobs
EOF
  # Its jar has no logging config: without one, logback logs every request at DEBUG, which would cost CPU.
  cat >"$dir/logback.xml" <<'EOF'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder></appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
EOF
  "$JAVA" -Dlogback.configurationFile="$dir/logback.xml" -cp "$(cat "$dir/cp.txt")" org.gaul.s3proxy.Main \
    --properties "$dir/s3proxy.properties" >"$dir/s3proxy.log" 2>&1 &
  S3PROXY_PID=$!
  PIDS+=("$S3PROXY_PID")
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$S3PROXY_PID" 2>/dev/null || { echo "!! s3proxy died:"; tail -5 "$dir/s3proxy.log"; return 1; }
    sleep 0.3
  done
}

# ---------------------------------------------------------------------------------------------------------------
# TokTik nodes

USE_S3=1    # cleared when s3proxy or the server's S3 adapter cannot run: then a shared directory stands in
USE_REDIS=1 # cleared when the server has no Redis adapter: then each process has its in-process event bus

# The environment every node of run $1 shares (README, "Run as separate services").
cluster_env() {
  local run=$1
  CLUSTER_ENV=(TOKTIK_DB=postgres "TOKTIK_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB" TOKTIK_DB_USER="$PGUSER"
    TOKTIK_DB_PASSWORD= TOKTIK_QUEUE=rabbitmq
    "TOKTIK_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:5672/${RABBITMQ_VHOST#/}"
    TOKTIK_JWT_KEY_FILE="$WORK/$run/jwt-signing-key.json" TOKTIK_WORKER_LEASE=${LEASE_SECONDS}s)
  if [ $USE_S3 = 1 ]; then
    CLUSTER_ENV+=(TOKTIK_STORAGE=s3 "TOKTIK_S3_ENDPOINT=http://127.0.0.1:$S3_PORT" TOKTIK_S3_BUCKET="toktik-$run"
      TOKTIK_S3_ACCESS_KEY=bench-access TOKTIK_S3_SECRET_KEY=bench-secret-key TOKTIK_S3_PATH_STYLE=true)
  else
    CLUSTER_ENV+=(TOKTIK_STORAGE=fs)
  fi
  if [ $USE_REDIS = 1 ]; then CLUSTER_ENV+=(TOKTIK_EVENTS=redis TOKTIK_REDIS_URL="$REDIS_URL"); fi
}

# start_node RUN NAME PORT [VAR=value...]: the jar with the cluster's environment and a data dir of its own; waits
# until it is ready and leaves its pid in NODE_PID. Returns 1 when the process dies first (its log is in NODE_LOG).
start_node() {
  local run=$1 name=$2 port=$3; shift 3
  local dir="$WORK/$run/$name"
  mkdir -p "$dir/data"
  # Without S3 the nodes share files through one directory linked in as each one's blob store.
  [ $USE_S3 = 1 ] || { mkdir -p "$WORK/$run/shared-blobs"; ln -sfn "$WORK/$run/shared-blobs" "$dir/data/blobs"; }
  NODE_LOG=$dir/server.log
  env "${CLUSTER_ENV[@]}" "$@" TOKTIK_DATA_DIR="$dir/data" SERVER_PORT="$port" \
    "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" >"$NODE_LOG" 2>&1 &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
  local deadline=$((SECONDS + 240))
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    if ! kill -0 "$NODE_PID" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      stop_pid "$NODE_PID"
      return 1
    fi
    sleep 0.5
  done
}

failure_excerpt() { # LOG: the lines that say why a node did not start
  grep -vE '^\s+at |^\s+\.\.\. [0-9]+ more' "$1" \
    | grep -E -A4 'APPLICATION FAILED|Description:|required a bean|[Uu]nknown|Caused by|ERROR' | head -16 | cut -c1-300 \
    | sed 's/^/   | /'
}

# start_api RUN PORT: the first node — it migrates the database and makes the signing key. When it does not start
# because this build has no S3 or Redis adapter yet, says so and falls back (shared directory, in-process events).
start_api() {
  local run=$1 port=$2 try
  for try in 1 2 3; do
    cluster_env "$run"
    start_node "$run" api "$port" TOKTIK_ROLES=api && return 0
    echo "!! the api node did not start; its log says:"
    failure_excerpt "$NODE_LOG"
    if [ $USE_S3 = 1 ] && grep -qE "BlobStore|TOKTIK_STORAGE|storage\.type" "$NODE_LOG"; then
      echo "!! SKIPPING S3: this server does not run with TOKTIK_STORAGE=s3; using one shared directory instead."
      USE_S3=0
    elif [ $USE_REDIS = 1 ] && grep -qE "EventBus|TOKTIK_EVENTS|events\.type" "$NODE_LOG"; then
      echo "!! SKIPPING REDIS: this server does not run with TOKTIK_EVENTS=redis; in-process events instead."
      USE_REDIS=0
    else
      return 1
    fi
    mv "$NODE_LOG" "$NODE_LOG.failed-$try"
  done
  return 1
}

# ---------------------------------------------------------------------------------------------------------------

mode_line() {
  echo "PostgreSQL, RabbitMQ vhost $RABBITMQ_VHOST, $([ $USE_REDIS = 1 ] && echo Redis events || echo 'in-process events (NO REDIS)')," \
    "$([ $USE_S3 = 1 ] && echo "S3 (s3proxy $S3PROXY_VERSION)" || echo 'a shared directory (NO S3)')"
}
