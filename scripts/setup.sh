#!/usr/bin/env bash
# Installs everything a fresh machine needs to run penult's tests: the compilers that prove the
# emitted contracts compile (Debian 12 or 13 packages), then the npm dependencies from the
# lockfile. Works as root and as a user with sudo. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "setup: $*" >&2
  exit 1
}

# --- Node and git: checked, not installed (the README says which Node; git is how you got here).
command -v node >/dev/null 2>&1 || fail "Node.js is not installed; install Node $(sed -n 's/.*"node": *"\([^"]*\)".*/\1/p' package.json) (https://nodejs.org or your package manager), then run this again"
node -e '
  const want = require("./package.json").engines.node;
  const m = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(want);
  if (!m) { console.error(`setup: engines.node is "${want}"; this script understands only ">=X.Y.Z"`); process.exit(1); }
  const have = process.versions.node.split(".").map(Number);
  const need = m.slice(1).map(Number);
  const cmp = have[0] - need[0] || have[1] - need[1] || have[2] - need[2];
  if (cmp < 0) { console.error(`setup: Node ${process.versions.node} is too old; penult needs Node ${want} (package.json engines). Install a newer Node, then run this again`); process.exit(1); }
' || exit 1
command -v npm >/dev/null 2>&1 || fail "npm is not installed (it ships with Node.js); install it, then run this again"
command -v git >/dev/null 2>&1 || fail "git is not installed; install it (Debian: apt-get install git), then run this again"

# --- The compilers of the contract proofs. `default-jdk-headless` is the JDK of the release
# (17 on Debian 12, 21 on Debian 13); a pinned openjdk-N package disappears between releases.
need=()
command -v go >/dev/null 2>&1 || need+=(golang-go)
command -v mcs >/dev/null 2>&1 || need+=(mono-mcs)
command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
command -v rustc >/dev/null 2>&1 || need+=(rustc)
# JUnit 5 jars in /usr/share/java: the `penult implement --lang java` proof compiles its test class.
[ -f /usr/share/java/junit-jupiter-api.jar ] || need+=(junit5)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import mypy' >/dev/null 2>&1; } || need+=(python3-mypy)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} (Debian packages)"
  command -v apt-get >/dev/null 2>&1 ||
    fail "apt-get not found: this script installs Debian packages. Install the equivalents of: ${need[*]}; then run this again (it then only runs npm ci)"
  if [ "$(id -u)" = 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    fail "installing ${need[*]} needs root, and sudo is not installed. Run this script as root, or install them as root: apt-get install ${need[*]}"
  fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
