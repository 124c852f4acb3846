# Sourced by deploy/bin/start and deploy/bin/test (bash only: it runs before node_modules
# exists). Cheap checks — a file test or a PATH lookup each — for what deploy/setup.sh
# installs, so the set-up runs only when something is missing; setup.sh checks thoroughly.

has_command() {
  command -v "$1" >/dev/null 2>&1 || [[ -x /usr/sbin/$1 || -x /usr/local/sbin/$1 ]]
}

# Prints what is missing for `start` or `test`, one item a line; nothing when all is there.
# Run from the repository root.
missing_prerequisites() {
  local purpose=$1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    2>/dev/null || echo "Node.js 20.19 or newer"
  # npm writes node_modules/.package-lock.json on every install (as in setup.sh)
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "npm dependencies (node_modules)"
  fi
  has_command nats-server || echo "nats-server"
  # the order of @keyward/test-harness chooseDatabase: MONGO_URL, mongod, FerretDB
  if [[ -z ${MONGO_URL:-} ]] && ! has_command mongod && [[ ! -x .tools/bin/ferretdb && ! -x /tmp/gobin/ferretdb ]]; then
    echo "a database (MONGO_URL, mongod or FerretDB)"
  fi
  if [[ $purpose == test ]]; then
    has_command pcscd || echo "pcscd"
    [[ -f /usr/lib/pcsc/drivers/serial/libifdvpcd.so ]] || echo "vsmartcard-vpcd"
    has_command python3 || echo "python3"
    # browser tests drive Debian's Chromium through playwright-core
    [[ -x /usr/bin/chromium ]] || echo "chromium (/usr/bin/chromium)"
  fi
  return 0
}

# "a" "b" "c" (one a line) → "a; b; c"
one_line() { paste -sd';' - | sed 's/;/; /g'; }

# Runs deploy/setup.sh when something for `start`/`test` is missing; prints what is still
# missing afterwards (set-up without root only warns) and returns 1 then.
set_up_if_needed() {
  local purpose=$1 missing
  missing="$(missing_prerequisites "$purpose")"
  [[ -z $missing ]] && return 0
  printf '[keyward] missing: %s — running deploy/setup.sh\n' "$(one_line <<<"$missing")" >&2
  bash deploy/setup.sh || { printf '[keyward] deploy/setup.sh failed\n' >&2; return 1; }
  missing="$(missing_prerequisites "$purpose")"
  [[ -z $missing ]] && return 0
  printf '[keyward] still missing after set-up: %s\n' "$(one_line <<<"$missing")" >&2
  return 1
}

# Builds the console's single-page app (services/console/app → services/console/dist) when
# dist/index.html is missing or older than a file in app/ — the rule deploy/src/consoleBuild.ts
# applies for `npm start`. Shows the build's last lines; returns 1 when the build fails.
build_console_if_needed() {
  local app=services/console/app dist=services/console/dist/index.html log status=0
  [[ -d $app ]] || return 0
  if [[ -f $dist && -z $(find "$app" -newer "$dist" -print -quit) ]]; then return 0; fi
  printf '[keyward] building the console (npm run build -w services/console)\n' >&2
  log="$(mktemp)"
  npm run build -w services/console >"$log" 2>&1 || status=$?
  tail -n 4 "$log" >&2
  rm -f "$log"
  ((status == 0)) || printf '[keyward] console build failed (exit %s)\n' "$status" >&2
  return "$status"
}
