#!/usr/bin/env bash
# Runs the W3C and CCG Verifiable Credentials test suites against a throw-away local MAGIX server.
#
#   interop/run-suites.sh [prepare | run | serve] [SUITE ...]
#
#   prepare  clone the suites into the cache folder, pack their GitHub dependencies into tarballs,
#            npm install them (registry packages only). Needs no MAGIX server.
#   run      (default; prepares first when needed) build MAGIX, start it over https on a free port
#            with its own embedded PostgreSQL in a temporary folder, log in as a demo issuer, run
#            each suite with mocha, write interop/results/<suite>.txt, print a summary, stop it.
#   serve    start that server and wait (Ctrl-C stops it); prints the URL, token and DID, to
#            run one suite or a curl by hand (see interop/README.md).
#
# SUITE is one or more of: vc-data-model-2.0-test-suite vc-di-eddsa-test-suite
# vc-bitstring-status-list-test-suite vc-api-issuer-test-suite vc-api-verifier-test-suite
# (default: all five). See interop/README.md for the environment variables.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=${MAGIX_REPO:-$(cd "$HERE/.." && pwd)}
CACHE=${MAGIX_SUITES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/magix-suites}
MIRROR=${MAGIX_SUITES_MIRROR:-/work/.mirror}
RESULTS=${MAGIX_INTEROP_RESULTS:-$HERE/results}
# the raw mocha JSON reports: outside the repository (prettier would check .json files in it)
REPORTS=${MAGIX_INTEROP_REPORTS:-$CACHE/reports}
EMAIL=${MAGIX_INTEROP_EMAIL:-registrar@upm.example}
PASSWORD=${MAGIX_INTEROP_PASSWORD:-magix-demo-2026}
HEI=${MAGIX_INTEROP_HEI:-UPM}
SUITE_TIMEOUT=${MAGIX_SUITE_TIMEOUT:-1800}

# suite folder name -> GitHub owner/name
declare -A SUITE_REPOS=(
  [vc-data-model-2.0-test-suite]=w3c/vc-data-model-2.0-test-suite
  [vc-di-eddsa-test-suite]=w3c/vc-di-eddsa-test-suite
  [vc-bitstring-status-list-test-suite]=w3c/vc-bitstring-status-list-test-suite
  [vc-api-issuer-test-suite]=w3c-ccg/vc-api-issuer-test-suite
  [vc-api-verifier-test-suite]=w3c-ccg/vc-api-verifier-test-suite
)
ALL_SUITES=(vc-data-model-2.0-test-suite vc-di-eddsa-test-suite vc-bitstring-status-list-test-suite vc-api-issuer-test-suite vc-api-verifier-test-suite)
# GitHub dependencies of the suites: npm cannot fetch them here, so they are packed from a local copy.
DEP_REPOS=(w3c/vc-test-suite-implementations w3c-ccg/vc-test-suite-implementations w3c-ccg/data-integrity-test-suite-assertion)

log() { printf '\033[1m[interop]\033[0m %s\n' "$*" >&2; }
die() {
  printf '[interop] error: %s\n' "$*" >&2
  exit 1
}

# The git repository of owner/name: MAGIX_SUITES_MIRROR/<owner>+<name>/repo (a bare git dir, as
# the `fetch` tool leaves it), or MAGIX_SUITES_MIRROR/<owner>+<name> (any clone).
source_of() {
  local base="$MIRROR/${1/\//+}"
  if [[ -d "$base/repo" ]]; then
    echo "$base/repo"
  elif [[ -d "$base" ]]; then
    echo "$base"
  else
    die "no copy of github.com/$1: expected a git repository at $base/repo or $base (set MAGIX_SUITES_MIRROR; see interop/README.md)"
  fi
}
head_of() { git --git-dir="$(git -C "$1" rev-parse --absolute-git-dir)" rev-parse HEAD; }

# ---------------------------------------------------------------------------------------------
# prepare
# ---------------------------------------------------------------------------------------------
pack_dependency() {
  local repo=$1 src dst commit
  src=$(source_of "$repo")
  commit=$(head_of "$src")
  dst="$CACHE/deps/${repo/\//+}"
  if [[ -f "$CACHE/tarballs/${repo/\//+}.tgz" && "$(cat "$dst.commit" 2>/dev/null)" == "$commit" ]]; then
    return
  fi
  log "packing $repo @ ${commit:0:7}"
  rm -rf "$dst"
  mkdir -p "$CACHE/deps" "$CACHE/tarballs"
  git clone -q "$src" "$dst"
  local tarball
  tarball=$(cd "$dst" && npm pack --ignore-scripts --silent --pack-destination "$CACHE/tarballs" | tail -n 1)
  mv -f "$CACHE/tarballs/$tarball" "$CACHE/tarballs/${repo/\//+}.tgz"
  echo "$commit" >"$dst.commit"
}

prepare_suite() {
  local suite=$1 repo=${SUITE_REPOS[$1]} src dst stamp
  src=$(source_of "$repo")
  dst="$CACHE/suites/$suite"
  stamp="$(head_of "$src")"
  for dep in "${DEP_REPOS[@]}"; do stamp+=" $(cat "$CACHE/deps/${dep/\//+}.commit")"; done
  if [[ -f "$dst/.magix-prepared" && "$(cat "$dst/.magix-prepared")" == "$stamp" && -d "$dst/node_modules/mocha" ]]; then
    return
  fi
  log "preparing $suite @ ${stamp:0:7}"
  rm -rf "$dst"
  mkdir -p "$CACHE/suites"
  git clone -q "$src" "$dst"
  # GitHub dependencies -> our tarballs; devDependencies dropped (linters, allure) except mocha.
  node - "$dst/package.json" "$CACHE/tarballs" <<'EOF'
const fs = require('node:fs');
const [file, tarballs] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
const github = /^(?:github:|git\+https:\/\/github\.com\/|https:\/\/github\.com\/)([^/#]+)\/([^/#]+?)(?:\.git)?(?:#.*)?$/;
for (const [name, spec] of Object.entries(pkg.dependencies ?? {})) {
  const m = github.exec(spec);
  if (!m) continue;
  const tgz = `${tarballs}/${m[1]}+${m[2]}.tgz`;
  if (!fs.existsSync(tgz)) { console.error(`no tarball for ${name} (${spec}): ${tgz}`); process.exit(1); }
  pkg.dependencies[name] = `file:${tgz}`;
}
const mocha = pkg.devDependencies?.mocha;
if (mocha && !pkg.dependencies.mocha) pkg.dependencies.mocha = mocha;
delete pkg.devDependencies;
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
EOF
  (cd "$dst" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >"$dst/.npm-install.log" 2>&1) ||
    die "npm install failed in $dst (see $dst/.npm-install.log)"
  [[ -d "$dst/node_modules/mocha" ]] || die "$suite: mocha did not install"
  # The suites look for localConfig.cjs in their root folder; ours reads the running server from the environment.
  printf "module.exports = require(%s);\n" "'$HERE/local-config.cjs'" >"$dst/localConfig.cjs"
  echo "$stamp" >"$dst/.magix-prepared"
}

prepare() {
  command -v git >/dev/null || die "git is needed"
  command -v npm >/dev/null || die "npm is needed"
  for dep in "${DEP_REPOS[@]}"; do pack_dependency "$dep"; done
  for suite in "$@"; do prepare_suite "$suite"; done
  # the localConfig.cjs points at this checkout's interop/local-config.cjs: refresh it every time
  for suite in "$@"; do
    printf "module.exports = require(%s);\n" "'$HERE/local-config.cjs'" >"$CACHE/suites/$suite/localConfig.cjs"
  done
}

# ---------------------------------------------------------------------------------------------
# the server
# ---------------------------------------------------------------------------------------------
RUN_DIR=""
SERVER_PID=""

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping the server (pid $SERVER_PID)"
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  # If the server died without stopping its PostgreSQL, stop that one (by its own pid file).
  local pidfile="$RUN_DIR/data/postgres/postmaster.pid" pg
  if [[ -f "$pidfile" ]]; then
    pg=$(head -n 1 "$pidfile")
    if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
      log "stopping the embedded PostgreSQL left behind (pid $pg)"
      kill -INT "$pg" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pg" 2>/dev/null || break
        sleep 0.2
      done
    fi
  fi
  SERVER_PID=""
}

cleanup() {
  stop_server
  if [[ -n "$RUN_DIR" && -d "$RUN_DIR" ]]; then
    [[ -f "$RUN_DIR/server.log" ]] && cp "$RUN_DIR/server.log" "$RESULTS/server.log" 2>/dev/null || true
    [[ "${MAGIX_INTEROP_KEEP:-}" == 1 ]] && log "kept $RUN_DIR" || rm -rf "$RUN_DIR"
  fi
}

start_server() {
  command -v openssl >/dev/null || die "openssl is needed"
  if [[ "${MAGIX_SKIP_BUILD:-}" != 1 ]]; then
    log "building MAGIX in $REPO"
    (cd "$REPO" && npm run --silent build >/dev/null) || die "npm run build failed in $REPO"
  fi
  [[ -f "$REPO/dist/apps/api/src/main.js" ]] || die "$REPO/dist/apps/api/src/main.js is missing (npm ci && npm run build)"
  # PostgreSQL runs as the postgres user when we are root: its folder must be reachable by it.
  RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/magix-interop-run.XXXXXX")
  chmod 755 "$RUN_DIR"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
    -keyout "$RUN_DIR/key.pem" -out "$RUN_DIR/cert.pem" >/dev/null 2>&1 || die "openssl could not make a certificate"
  PORT=$(free_port)
  PG_PORT=$(free_port)
  while [[ "$PG_PORT" == "$PORT" ]]; do PG_PORT=$(free_port); done
  BASE_URL="https://localhost:$PORT"
  log "starting MAGIX on $BASE_URL (embedded PostgreSQL on 127.0.0.1:$PG_PORT, data in $RUN_DIR/data)"
  (
    cd "$RUN_DIR"
    exec env -u DATABASE_URL -u SMTP_URL -u JWT_SECRET -u MASTER_KEY \
      NODE_ENV=production PORT="$PORT" HOST=127.0.0.1 PUBLIC_URL="$BASE_URL" DATA_DIR="$RUN_DIR/data" \
      EMBEDDED_POSTGRES_PORT="$PG_PORT" TLS_CERT_FILE="$RUN_DIR/cert.pem" TLS_KEY_FILE="$RUN_DIR/key.pem" \
      SEED_DEMO=true DEGREE_AUTO_ISSUE=false \
      node "$REPO/dist/apps/api/src/main.js"
  ) >"$RUN_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    kill -0 "$SERVER_PID" 2>/dev/null || {
      tail -n 30 "$RUN_DIR/server.log" >&2
      die "the server exited while starting"
    }
    curl -ksf "$BASE_URL/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -ksf "$BASE_URL/health" >/dev/null || die "the server did not answer $BASE_URL/health in 150 s"

  local body
  body=$(node -e 'console.log(JSON.stringify({query: "mutation($email: String!, $password: String!) { login(input: {email: $email, password: $password}) { accessToken } }", variables: {email: process.argv[1], password: process.argv[2]}}))' "$EMAIL" "$PASSWORD")
  TOKEN=$(curl -ksS "$BASE_URL/graphql" -H 'Content-Type: application/json' -d "$body" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);const t=r.data?.login?.accessToken;if(!t){console.error(JSON.stringify(r.errors??r));process.exit(1)}console.log(t)})') ||
    die "could not log in as $EMAIL"
  ISSUER_DID=$(curl -ksS "$BASE_URL/.well-known/magix-trust-registry.json" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);const e=r.issuers.find(i=>i.active&&i.organisation?.shortName===process.argv[1]);if(!e){console.error("no active key for "+process.argv[1]);process.exit(1)}console.log(e.did)})' "$HEI") ||
    die "no issuer DID for $HEI in the trust registry"
  log "issuer $EMAIL, $HEI's DID $ISSUER_DID"
}

# ---------------------------------------------------------------------------------------------
# run
# ---------------------------------------------------------------------------------------------
run_suite() {
  local suite=$1 dir="$CACHE/suites/$1" json="$REPORTS/$1.json" rc=0 suite_commit magix_commit
  suite_commit=$(git -C "$dir" rev-parse HEAD)
  magix_commit=$(git -C "$REPO" rev-parse HEAD 2>/dev/null || echo unknown)
  if [[ -n "$(git -C "$REPO" status --porcelain --untracked-files=no -- . ':!interop' 2>/dev/null)" ]]; then
    magix_commit+=" (with uncommitted changes)"
  fi
  log "running $suite"
  rm -f "$json"
  # The suites' own `npm test` adds the W3C interop reporter; we want counts, so mocha's JSON reporter.
  (
    cd "$dir" &&
      NODE_TLS_REJECT_UNAUTHORIZED=0 NODE_NO_WARNINGS=1 \
        MAGIX_INTEROP_URL="$BASE_URL" MAGIX_INTEROP_TOKEN="$TOKEN" MAGIX_INTEROP_DID="$ISSUER_DID" \
        timeout "$SUITE_TIMEOUT" node node_modules/mocha/bin/mocha.js tests/ \
        --reporter json --reporter-option "output=$json" --timeout 15000 --preserve-symlinks
  ) >"$RESULTS/$suite.log" 2>&1 || rc=$?
  node "$HERE/summarise.mjs" "$json" "$suite" \
    "suite: github.com/${SUITE_REPOS[$suite]} @ $suite_commit" \
    "MAGIX: $magix_commit" \
    "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "mocha exit code: $rc$([[ $rc == 124 ]] && echo ' (timed out)')" >"$RESULTS/$suite.txt"
}

main() {
  local command=run
  if [[ $# -gt 0 && ("$1" == prepare || "$1" == run || "$1" == serve) ]]; then
    command=$1
    shift
  fi
  local suites=("$@")
  [[ ${#suites[@]} -gt 0 ]] || suites=("${ALL_SUITES[@]}")
  for suite in "${suites[@]}"; do
    [[ -n "${SUITE_REPOS[$suite]:-}" ]] || die "unknown suite $suite (one of: ${ALL_SUITES[*]})"
  done

  prepare "${suites[@]}"
  [[ "$command" == prepare ]] && {
    log "prepared in $CACHE"
    return
  }

  mkdir -p "$RESULTS" "$REPORTS"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  start_server
  if [[ "$command" == serve ]]; then
    {
      echo "export MAGIX_INTEROP_URL=$BASE_URL"
      echo "export MAGIX_INTEROP_TOKEN=$TOKEN"
      echo "export MAGIX_INTEROP_DID=$ISSUER_DID"
      echo "export NODE_TLS_REJECT_UNAUTHORIZED=0"
    } >"$RESULTS/serve.env"
    log "serving on $BASE_URL; the environment for a suite is in $RESULTS/serve.env; Ctrl-C stops it"
    wait "$SERVER_PID" || true
    return
  fi
  for suite in "${suites[@]}"; do run_suite "$suite"; done
  local extra=()
  if [[ " ${suites[*]} " == *" vc-api-verifier-test-suite "* ]]; then
    log "running the verifier self-check (the CCG verifier suite's mutations on a MAGIX credential)"
    NODE_TLS_REJECT_UNAUTHORIZED=0 NODE_NO_WARNINGS=1 \
      MAGIX_INTEROP_URL="$BASE_URL" MAGIX_INTEROP_TOKEN="$TOKEN" MAGIX_INTEROP_DID="$ISSUER_DID" \
      node "$HERE/verifier-selfcheck.mjs" >"$RESULTS/magix-verifier-selfcheck.txt" 2>&1 || true
    extra=(magix-verifier-selfcheck)
  fi
  stop_server

  echo
  echo "MAGIX $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null) — results in $RESULTS (raw mocha reports in $REPORTS)"
  for suite in "${suites[@]}" "${extra[@]}"; do
    printf '  %-38s %s\n' "$suite" "$(grep -m 1 '^total ' "$RESULTS/$suite.txt" || echo 'no result')"
  done
}

main "$@"
