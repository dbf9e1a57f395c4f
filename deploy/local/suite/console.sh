# shellcheck shell=bash
# The web console and its local OpenID provider (Keycloak's distribution from Maven Central, no container): install,
# start, stop, the demo people. Sourced by ./suite, which defines the shared variables and helpers.

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_REALM=recruit-demo
KEYCLOAK_CLIENT=recruit-console
DEMO_ADMIN_EMAIL=admin@demo.recruit.test
DEMO_MEMBER_EMAIL=member@demo.recruit.test

keycloak_port() { case $1 in e2e) echo 18380;; *) echo 8380;; esac; }
console_port()  { case $1 in e2e) echo 18085;; *) echo 8085;; esac; }
console_url()   { echo "http://127.0.0.1:$(console_port "$1")/console"; }
keycloak_issuer() { echo "http://127.0.0.1:$(keycloak_port "$1")/realms/$KEYCLOAK_REALM"; }

# Keycloak 26 needs Java 21 or newer: the newest JDK under /usr/lib/jvm, or the default java when it is new enough
keycloak_java_home() {
  local jdk major
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [ -x "$jdk/bin/java" ] || continue
    major=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "${jdk%/}"; return; fi
  done
  die "Keycloak needs Java 21 or newer, and none is installed" "install a JDK 21+ (e.g. apt-get install openjdk-21-jdk-headless where Debian offers it) under /usr/lib/jvm"
}

# the provider's secrets and the demo people's passwords: generated once per checkout, never committed
ensure_console_secrets() {
  ensure_keys
  [ -f "$KEYS/console-token" ] || openssl rand -hex 24 > "$KEYS/console-token"
  [ -f "$KEYS/console-oidc-secret" ] || openssl rand -hex 24 > "$KEYS/console-oidc-secret"
  [ -f "$KEYS/demo-admin-password" ] || printf 'admin-%s' "$(openssl rand -hex 6)" > "$KEYS/demo-admin-password"
  [ -f "$KEYS/demo-member-password" ] || printf 'member-%s' "$(openssl rand -hex 6)" > "$KEYS/demo-member-password"
  chmod 600 "$KEYS"/*
}

# one Keycloak home per stack (local, e2e): each keeps its own build and working files
keycloak_home() { echo "$STATE/keycloak/$1/keycloak-$KEYCLOAK_VERSION"; }

ensure_keycloak() { # env
  local home; home=$(keycloak_home "$1")
  [ -x "$home/bin/kc.sh" ] && return 0
  local zip="$STATE/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [ ! -f "$zip" ]; then
    say "fetching Keycloak $KEYCLOAK_VERSION (the local OpenID provider) from Maven Central"
    mkdir -p "$STATE/downloads"
    "$ROOT/mvnw" -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$STATE/downloads" >"$LOGS/keycloak-fetch.log" 2>&1 || die "could not fetch Keycloak" "see .suite/logs/keycloak-fetch.log"
  fi
  command -v unzip >/dev/null || apt_install unzip
  mkdir -p "$STATE/keycloak/$1"
  unzip -q -o "$zip" -d "$STATE/keycloak/$1" || die "could not unpack $zip"
}

# the demo realm for both stacks' consoles: the client (authorization code + PKCE S256) and the two demo people
render_realm() { # env
  local home; home=$(keycloak_home "$1")
  mkdir -p "$home/data/import"
  sed -e "s|@CLIENT_SECRET@|$(cat "$KEYS/console-oidc-secret")|" \
      -e "s|@CONSOLE_URL@|$(console_url "$1")|g" \
      -e "s|@CONSOLE_ORIGIN@|http://127.0.0.1:$(console_port "$1")|g" \
      -e "s|@ADMIN_PASSWORD@|$(cat "$KEYS/demo-admin-password")|" \
      -e "s|@MEMBER_PASSWORD@|$(cat "$KEYS/demo-member-password")|" \
      "$ROOT/deploy/local/keycloak/$KEYCLOAK_REALM-realm.json" > "$home/data/import/$KEYCLOAK_REALM-realm.json"
  chmod 600 "$home/data/import/$KEYCLOAK_REALM-realm.json"
}

keycloak_start() { # env
  local env=$1 name="keycloak-$1" port; port=$(keycloak_port "$1")
  if pid_alive "$name"; then return 0; fi
  port_open "$port" && die "port $port (the $env OpenID provider) is taken by another process" "stop it, or run ./suite down"
  ensure_console_secrets
  ensure_keycloak "$env"
  render_realm "$env"
  local home java_home; home=$(keycloak_home "$env"); java_home=$(keycloak_java_home)
  say "starting the OpenID provider (Keycloak, realm $KEYCLOAK_REALM) on 127.0.0.1:$port"
  # in-memory database: the realm is imported at every start, so the demo people always have their passwords
  ( cd "$home" && JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" exec nohup bin/kc.sh start-dev \
      --http-host=127.0.0.1 --http-port="$port" --http-management-port=$((port + 1)) --health-enabled=true \
      --db=dev-mem --import-realm >"$LOGS/$name.log" 2>&1 ) &
  echo $! > "$PIDS/$name.pid"
  disown $! 2>/dev/null || true
}

keycloak_wait() { # env seconds
  local i url; url="$(keycloak_issuer "$1")/.well-known/openid-configuration"
  for ((i = 0; i < $2; i++)); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    pid_alive "keycloak-$1" || die "Keycloak exited during start-up" "see .suite/logs/keycloak-$1.log"
    sleep 1
  done
  die "Keycloak was not ready after $2 s" "see .suite/logs/keycloak-$1.log"
}

console_start() { # env
  local env=$1 name="console-$1" port; port=$(console_port "$1")
  if pid_alive "$name"; then return 0; fi
  port_open "$port" && die "port $port (the $env console) is taken by another process" "stop it, or run ./suite down"
  (
    export QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 RS_KEYS_DIR="$KEYS" \
      RS_GATEWAY_URL="http://127.0.0.1:$(port_of gateway "$env")" RS_UPSTREAM_KEYS="http://127.0.0.1:$(port_of keys "$env")" \
      RS_OIDC_ISSUER="$(keycloak_issuer "$env")" RS_OIDC_CLIENT_ID="$KEYCLOAK_CLIENT" \
      RS_OIDC_CLIENT_SECRET="$(cat "$KEYS/console-oidc-secret")" RS_CONSOLE_CSRF_COOKIE=console-csrf \
      RS_CONSOLE_SECURE_COOKIES=false
    cd "$ROOT/console-service"
    exec nohup java -Xmx128m -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar >"$LOGS/$name.log" 2>&1
  ) &
  echo $! > "$PIDS/$name.pid"
  disown $! 2>/dev/null || true
}

console_wait() { # env seconds
  local i; for ((i = 0; i < $2; i++)); do
    health_ready "$(console_port "$1")" && return 0
    pid_alive "console-$1" || die "the console exited during start-up" "see .suite/logs/console-$1.log"
    sleep 1
  done
  die "the console was not ready after $2 s" "see .suite/logs/console-$1.log"
}

console_stop() { stop_pid "console-$1"; stop_pid "keycloak-$1"; }

# the demo people as members of an organization, matched at sign-in by their verified email addresses
add_console_members() { # env org
  local keys="http://127.0.0.1:$(port_of keys "$1")" who
  for who in "admin-console:admin:$DEMO_ADMIN_EMAIL" "member-console:member:$DEMO_MEMBER_EMAIL"; do
    IFS=: read -r user role email <<<"$who"
    curl -fsS -o /dev/null -X POST "$keys/admin/v1/organizations/$2/members" -H "X-Operator-Token: $(cat "$KEYS/operator-token")" \
      -H 'Content-Type: application/json' -d "{\"userId\":\"usr_$user\",\"role\":\"$role\",\"email\":\"$email\"}" \
      || die "could not add $email to $2 as $role" "see .suite/logs/keys-$1.log"
  done
}

print_console() { # env
  cat <<EOF
Console: $(console_url "$1")  (sign in at the local OpenID provider; docs/console.md)
  admin:  $DEMO_ADMIN_EMAIL  /  $(cat "$KEYS/demo-admin-password")
  member: $DEMO_MEMBER_EMAIL  /  $(cat "$KEYS/demo-member-password")   (read-only)
EOF
}
