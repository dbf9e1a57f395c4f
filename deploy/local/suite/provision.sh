# shellcheck shell=bash
# Provisioning: PostgreSQL with pgvector, Redis, the Kafka broker, local key material, databases.
# Sourced by ./suite, which defines the shared variables and helpers (say, die, port_of, ...).

# ---------------------------------------------------------------- PostgreSQL + pgvector
pg_major() { pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1}'; }

ensure_postgres() {
  if ! command -v pg_lsclusters >/dev/null; then
    say "installing PostgreSQL 15"
    apt_install postgresql-15 postgresql-client-15
  fi
  if ! as_postgres pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; then
    local v; v=$(pg_major)
    [ -n "$v" ] || die "no PostgreSQL cluster found" "pg_createcluster 15 main"
    say "starting PostgreSQL $v"
    pg_ctlcluster --skip-systemctl-redirect "$v" main start || die "PostgreSQL did not start" "see /var/log/postgresql/"
    for _ in $(seq 1 30); do as_postgres pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
  fi
  as_postgres pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL is not accepting connections on $PG_HOST:$PG_PORT" "check its log in /var/log/postgresql/"
  ensure_pg_memory
  ensure_pgvector
}

# The search index (chunks with their HNSW and GIN indexes) should stay in PostgreSQL's buffer cache;
# the 128 MB default makes searches read pages again and again (docs/performance.md). Production
# sets the same in deploy/kubernetes/dependencies/postgres.yaml.
PG_SHARED_BUFFERS=${PG_SHARED_BUFFERS:-1GB}
ensure_pg_memory() {
  local current; current=$(psql_admin -c "show shared_buffers")
  [ "$current" = "$PG_SHARED_BUFFERS" ] && return
  local v; v=$(pg_major)
  local conf="/etc/postgresql/$v/main/conf.d/95-recruit-suite.conf"
  [ -d "$(dirname "$conf")" ] || { say "note: shared_buffers is $current (no conf.d to raise it to $PG_SHARED_BUFFERS)"; return; }
  say "setting PostgreSQL shared_buffers to $PG_SHARED_BUFFERS (restarts PostgreSQL once)"
  printf '# written by ./suite: keep the search index in memory\nshared_buffers = %s\n' "$PG_SHARED_BUFFERS" > "$conf"
  pg_ctlcluster --skip-systemctl-redirect "$v" main restart || die "PostgreSQL did not restart" "see /var/log/postgresql/"
  for _ in $(seq 1 30); do as_postgres pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
}

ensure_pgvector() {
  if [ -n "$(psql_admin -c "select 1 from pg_available_extensions where name = 'vector'")" ]; then return; fi
  local v; v=$(pg_major)
  say "building pgvector for PostgreSQL $v from Debian's source package (one time)"
  local uri
  uri=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
        | grep -v security | head -n 1 | sed -E 's/^URIs:[[:space:]]*//; s/^deb (\[[^]]*\] )?//; s/[[:space:]].*$//' || true)
  [ -n "$uri" ] || die "cannot find the Debian mirror in the apt sources" "add a deb-src line for trixie main by hand"
  cat > /etc/apt/sources.list.d/recruit-suite-pgvector-src.sources <<EOF
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt_updated=0
  apt_install "postgresql-server-dev-$v" build-essential dpkg-dev
  local build="$STATE/build/pgvector"
  rm -rf "$build"; mkdir -p "$build"
  (cd "$build" && apt-get source -qq pgvector >/dev/null 2>&1) || die "apt-get source pgvector failed" "check the deb-src entry in /etc/apt/sources.list.d/recruit-suite-pgvector-src.sources"
  local dir; dir=$(find "$build" -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  (cd "$dir" && make -s PG_CONFIG="/usr/lib/postgresql/$v/bin/pg_config" >/dev/null && make -s install PG_CONFIG="/usr/lib/postgresql/$v/bin/pg_config" >/dev/null) \
    || die "building pgvector failed" "cd $dir && make to see the compiler output"
  [ -n "$(psql_admin -c "select 1 from pg_available_extensions where name = 'vector'")" ] || die "pgvector installed but PostgreSQL does not list it"
}

# db names for an environment: local -> recruit_keys, test -> recruit_keys_test, e2e -> recruit_keys_e2e
db_name() { local s="recruit_$1"; [ "$2" = local ] || s="${s}_$2"; echo "$s"; }

ensure_databases() { # env [fresh]
  local env=$1 fresh=${2:-}
  psql_admin -c "do \$\$ begin if not exists (select from pg_roles where rolname = '$DB_USER') then create role $DB_USER login password '$DB_PASSWORD'; end if; end \$\$;"
  local svc db
  for svc in keys candidates search webhooks; do
    db=$(db_name "$svc" "$env")
    if [ -n "$fresh" ]; then psql_admin -c "drop database if exists $db with (force)"; fi
    if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ]; then
      psql_admin -c "create database $db owner $DB_USER"
    fi
  done
  # pgvector is not a trusted extension: the superuser creates it, the migrations then find it
  # (btree_gin is trusted; created here too so the migrations never depend on that).
  psql_admin -d "$(db_name search "$env")" -c "create extension if not exists vector" -c "create extension if not exists btree_gin"
}

# ---------------------------------------------------------------- Redis
ensure_redis() {
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  command -v redis-server >/dev/null || { say "installing Redis"; apt_install redis-server; }
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --pidfile "$PIDS/$REDIS_NAME.pid" --logfile "$LOGS/$REDIS_NAME.log" --dir "$STATE"
  for _ in $(seq 1 20); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.5; done
  die "Redis did not start" "see .suite/logs/$REDIS_NAME.log"
}

# ---------------------------------------------------------------- Kafka (KRaft, from Maven Central jars)
# the broker's jars, also when another checkout's broker already listens: tests start brokers of their own
# from them, and the topic housekeeping runs on them
ensure_kafka_jars() {
  if [ ! -f "$KAFKA_LIB/$KAFKA_VERSION_JAR" ]; then
    say "fetching the Kafka broker jars (one time)"
    "$ROOT/mvnw" -B -q -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA_LIB" -DincludeScope=runtime >"$LOGS/kafka-fetch.log" 2>&1 \
      || die "could not fetch the Kafka jars" "see .suite/logs/kafka-fetch.log"
  fi
}

ensure_kafka() {
  ensure_kafka_jars
  if port_open "$KAFKA_PORT"; then return; fi
  mkdir -p "$KAFKA_HOME/data"
  cat > "$KAFKA_HOME/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  local cp="$KAFKA_LIB/*"
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    local uuid; uuid=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java -cp "$cp" kafka.tools.StorageTool format -t "$uuid" -c "$KAFKA_HOME/server.properties" >"$LOGS/kafka-format.log" 2>&1 \
      || die "formatting Kafka storage failed" "see .suite/logs/kafka-format.log, or remove $KAFKA_HOME/data"
  fi
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  nohup java -Xms256m -Xmx512m -Dlog4j.configuration="file:$ROOT/deploy/local/kafka/log4j.properties" \
    -cp "$cp" kafka.Kafka "$KAFKA_HOME/server.properties" >"$LOGS/$KAFKA_NAME.log" 2>&1 &
  echo $! > "$PIDS/$KAFKA_NAME.pid"
  wait_port "$KAFKA_PORT" 60 || die "Kafka did not open port $KAFKA_PORT within 60 s" "see .suite/logs/$KAFKA_NAME.log"
}

# ---------------------------------------------------------------- local keys (never committed)
ensure_keys() {
  mkdir -p "$KEYS"; chmod 700 "$KEYS"
  local pair
  for pair in internal dashboard; do
    if [ ! -f "$KEYS/$pair-signing.pem" ]; then
      openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$KEYS/$pair-signing.pem"
      openssl ec -in "$KEYS/$pair-signing.pem" -pubout -out "$KEYS/$pair-verify.pem" 2>/dev/null
    fi
  done
  [ -f "$KEYS/key-pepper" ] || openssl rand -hex 32 > "$KEYS/key-pepper"
  [ -f "$KEYS/operator-token" ] || openssl rand -hex 24 > "$KEYS/operator-token"
  [ -f "$KEYS/document-reader-token" ] || openssl rand -hex 24 > "$KEYS/document-reader-token"
  [ -f "$KEYS/webhook-secret-key" ] || openssl rand -hex 32 > "$KEYS/webhook-secret-key"
  [ -f "$KEYS/console-token" ] || openssl rand -hex 24 > "$KEYS/console-token"
  chmod 600 "$KEYS"/*
}

ensure_tools() {
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  [ ${#missing[@]} = 0 ] || { say "installing ${missing[*]}"; apt_install "${missing[@]}"; }
}

infra() {
  ensure_tools
  ensure_postgres
  ensure_redis
  ensure_kafka
  ensure_keys
}
