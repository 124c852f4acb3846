#!/usr/bin/env bash
# Keyward set-up: installs what `npm start` and `npm test` need on a Debian/Ubuntu machine.
# Idempotent: each step checks first and does nothing when its part is already in place.
#   1. Debian packages: nats-server, pcscd + vsmartcard-vpcd (virtual PC/SC reader),
#      libpcsclite-dev + a C++ toolchain (the pcsclite npm addon), python3-fido2/pyscard,
#      chromium (browser tests drive /usr/bin/chromium through playwright-core; Playwright's
#      own browser download is never used).
#   2. npm ci when node_modules is missing or older than package-lock.json. It never rewrites
#      the lock: when npm ci refuses it, set-up fails and says why.
#   3. A MongoDB-wire database: nothing when MONGO_URL is set or mongod is on PATH, else
#      FerretDB v1 (SQLite backend) built from source into .tools/bin/ferretdb.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FERRETDB_VERSION="v1.24.2"
FERRETDB_BIN="$ROOT/.tools/bin/ferretdb"
APT_PACKAGES=(nats-server pcscd vsmartcard-vpcd libpcsclite-dev python3 python3-fido2 python3-pyscard g++ make chromium)

if [[ -t 1 && -z ${NO_COLOR:-} ]]; then c() { printf '\033[%sm' "$1"; }; else c() { :; }; fi
say() { printf '%s[setup]%s %s\n' "$(c 36)" "$(c 0)" "$*"; }
warn() { printf '%s[setup] WARNING:%s %s\n' "$(c 33)" "$(c 0)" "$*" >&2; }
die() { printf '%s[setup] ERROR:%s %s\n' "$(c 31)" "$(c 0)" "$*" >&2; exit 1; }

# --- Node ------------------------------------------------------------------------------------
command -v node >/dev/null || die "node not found: install Node.js 20.19 or newer."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js $(node -v) is too old: Keyward needs 20.19 or newer."

# --- Debian packages -------------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
if command -v dpkg-query >/dev/null; then
  for pkg in "${APT_PACKAGES[@]}"; do installed "$pkg" || missing+=("$pkg"); done
else
  warn "not a Debian/Ubuntu system (no dpkg-query): install yourself: ${APT_PACKAGES[*]}"
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    as_root=(none)
  fi
  if [[ ${as_root[*]-} == none ]]; then
    warn "missing Debian packages: ${missing[*]}"
    warn "not root and no password-less sudo; run: sudo apt-get install -y ${missing[*]}"
  else
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  say "Debian packages present: ${APT_PACKAGES[*]}"
fi

# --- npm dependencies ------------------------------------------------------------------------
# npm writes node_modules/.package-lock.json on every install; an older one means the lock
# file changed since (git pull), a missing one means no install yet.
cd "$ROOT"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "npm ci (node_modules missing or older than package-lock.json)"
  ci_log="$(mktemp)"
  if npm ci --no-audit --no-fund >"$ci_log" 2>&1; then
    tail -n 3 "$ci_log"
    rm -f "$ci_log"
  else
    grep -m 12 -E 'npm error' "$ci_log" >&2 || tail -n 20 "$ci_log" >&2
    rm -f "$ci_log"
    die "npm ci failed (above). When package-lock.json no longer matches package.json, run \`npm install\` yourself and commit the lock file it writes; set-up never rewrites it."
  fi
else
  say "node_modules up to date"
fi

# Reads the whole --version output before matching: `--version | grep -q` under pipefail fails
# whenever grep exits before ferretdb has written its later lines (SIGPIPE), as it did in CI.
ferretdb_is_wanted_version() {
  local out
  out="$("$FERRETDB_BIN" --version 2>/dev/null)" || return 1
  [[ $out == *"version: $FERRETDB_VERSION"* ]]
}

# --- Database --------------------------------------------------------------------------------
if [[ -n ${MONGO_URL:-} ]]; then
  say "database: MONGO_URL is set, nothing to install"
elif command -v mongod >/dev/null; then
  say "database: mongod found at $(command -v mongod)"
elif [[ -x $FERRETDB_BIN ]] && ferretdb_is_wanted_version; then
  say "database: FerretDB $FERRETDB_VERSION at $FERRETDB_BIN"
elif ! command -v go >/dev/null; then
  warn "no MONGO_URL, no mongod and no FerretDB; FerretDB is built from source with Go, which is missing."
  warn "install Go (https://go.dev/dl/), or MongoDB (mongod on PATH), or set MONGO_URL, then rerun: npm run setup"
else
  say "database: building FerretDB $FERRETDB_VERSION (SQLite backend) into $FERRETDB_BIN (1-2 min the first time)"
  # `go install ...@version` needs the proxy's version list, which is refused here, and a
  # binary built as a dependency panics without build/version/version.txt. So: fetch the exact
  # module version, build it from a writable copy with the version file filled in.
  export GOTOOLCHAIN=local GOTELEMETRY=off GOFLAGS=-mod=mod
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  dir="$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})')"
  cp -r "$dir" "$work/src"
  chmod -R u+w "$work/src"
  printf '%s\n' "$FERRETDB_VERSION" >"$work/src/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$work/src" && go build -trimpath -o "$FERRETDB_BIN" ./cmd/ferretdb)
  ferretdb_is_wanted_version \
    || die "built $FERRETDB_BIN but it does not report version $FERRETDB_VERSION"
  say "database: FerretDB $FERRETDB_VERSION ready at $FERRETDB_BIN"
fi

say "done"
