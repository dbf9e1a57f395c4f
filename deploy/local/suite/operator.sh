# shellcheck shell=bash
# Operator commands: trace, token, org.
# Sourced by ./suite, which defines the shared variables and helpers (say, die, port_of, ...).

cmd_trace() { # trace id or request id -> the spans of that trace from every service's log, in start order
  local id=${1:-} env=${2:-local}
  [ -n "$id" ] || die "give a trace id or a request id" "./suite trace <trace-id|X-Request-Id> [local|e2e]"
  local logs=("$LOGS"/*-"$env".log) trace=$id
  if ! [[ $id =~ ^[0-9a-f]{32}$ ]]; then
    trace=$(grep -h -o "span trace=[0-9a-f]* [^\"]* request=$id " "${logs[@]}" 2>/dev/null | head -n1 | sed 's/span trace=\([0-9a-f]*\).*/\1/')
    [ -n "$trace" ] || die "no span carries request id $id (yet: spans leave a second after they end)"
  fi
  echo "trace $trace"
  grep -h "span trace=$trace " "${logs[@]}" 2>/dev/null \
    | sed -n 's/.*"message":"span trace=[0-9a-f]* \(.*\)","threadName.*/\1/p' | sed 's/\\"/"/g' | sort
}

cmd_token() {
  local org="" user="" role=admin ttl=3600
  while [ $# -gt 0 ]; do
    case $1 in
      --org) org=$2; shift 2;; --user) user=$2; shift 2;; --role) role=$2; shift 2;; --ttl) ttl=$2; shift 2;;
      *) die "unknown option $1" "./suite token --org ORG --user USER [--role owner|admin|member]";;
    esac
  done
  [ -n "$org" ] && [ -n "$user" ] || die "--org and --user are required" "./suite token --org org_... --user usr_..."
  ensure_keys
  case $role in owner|admin|member) ;; *) die "--role must be owner, admin or member";; esac
  local now jwt; now=$(date +%s)
  jwt=$(sign_es256 "$KEYS/dashboard-signing.pem" \
    "$(printf '{"iss":"recruit-suite-dashboard","aud":"recruit-suite","sub":"%s","org":"%s","role":"%s","iat":%d,"exp":%d,"jti":"%s"}' \
      "$user" "$org" "$role" "$now" $((now + ttl)) "$(openssl rand -hex 8)")")
  # the keys-service trusts its member table, not the token's role: register the member when it runs
  if port_open "$(port_of keys local)"; then
    operator POST "/admin/v1/organizations/$org/members" "{\"userId\":\"$user\",\"role\":\"$role\"}" >/dev/null 2>&1 \
      || warn "could not register $user as $role of $org in the keys-service (does the organization exist?)"
  fi
  echo "$jwt"
}

cmd_org() {
  port_open "$(port_of keys local)" || die "the keys-service is not running" "./suite up"
  local sub=${1:-}; shift || true
  case $sub in
    create)  # --name NAME --plan PLAN
      local name="" plan=""
      while [ $# -gt 0 ]; do case $1 in --name) name=$2; shift 2;; --plan) plan=$2; shift 2;; *) die "unknown option $1";; esac; done
      [ -n "$name" ] && [ -n "$plan" ] || die "--name and --plan are required" "./suite org create --name Acme --plan professional"
      operator POST /admin/v1/organizations "$(printf '{"name":"%s","plan":"%s"}' "$name" "$plan")";;
    show) operator GET "/admin/v1/organizations/${1:?organization id}";;
    plan) operator PATCH "/admin/v1/organizations/${1:?organization id}" "$(printf '{"plan":"%s"}' "${2:?plan}")";;
    members) operator GET "/admin/v1/organizations/${1:?organization id}/members";;
    add-member) operator POST "/admin/v1/organizations/${1:?organization id}/members" \
      "$(printf '{"userId":"%s","role":"%s"}' "${2:?user id}" "${3:-member}")";;
    remove-member) operator DELETE "/admin/v1/organizations/${1:?organization id}/members/${2:?user id}";;
    key) # ORG NAME SCOPE[,SCOPE…]
      local scopes; scopes=$(printf '%s' "${3:?comma-separated scopes}" | sed 's/[^,][^,]*/"&"/g')
      operator POST "/admin/v1/organizations/${1:?organization id}/keys" "$(printf '{"name":"%s","scopes":[%s]}' "${2:?key name}" "$scopes")";;
    limits) # ORG [--org-per-minute N --search-per-minute N --key-per-minute N --key-per-hour N | --reset]
      local org=${1:?organization id} fields="" reset=false; shift
      while [ $# -gt 0 ]; do
        case $1 in
          --org-per-minute|--search-per-minute|--key-per-minute|--key-per-hour)
            [[ ${2:-} =~ ^[0-9]+$ ]] || die "$1 needs a whole number" "./suite org limits ORG --org-per-minute 120"
            local field
            case $1 in
              --org-per-minute) field=organizationPerMinute;; --search-per-minute) field=searchPerMinute;;
              --key-per-minute) field=keyPerMinute;; --key-per-hour) field=keyPerHour;;
            esac
            fields="$fields${fields:+,}\"$field\":$2"; shift 2;;
          --reset) reset=true; shift;;
          *) die "unknown option $1" "./suite org limits ORG [--org-per-minute N --search-per-minute N --key-per-minute N --key-per-hour N | --reset]";;
        esac
      done
      if $reset; then
        [ -z "$fields" ] || die "--reset takes no window sizes"
        operator DELETE "/admin/v1/organizations/$org/limits"
      elif [ -n "$fields" ]; then
        # the windows given replace the organization's overrides; the others are the plan's again
        operator PUT "/admin/v1/organizations/$org/limits" "{$fields}"
      else
        operator GET "/admin/v1/organizations/$org/limits"
      fi;;
    *) die "unknown org command '$sub'" "./suite org create|show|plan|limits|members|add-member|remove-member|key";;
  esac
  echo
}

# Gateway overhead: the same read endpoint called directly on the candidate-service (with an
# internal token) and through the gateway (API key, rate limits enforced but set high, caches warm),
# alternating rounds with wrk on loopback; also Redis commands per gateway request.
