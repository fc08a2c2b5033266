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
  // engines.node is a list of "^X.Y.Z" and ">=X.Y.Z" joined by "||" (semver is not installed yet).
  const want = require("./package.json").engines.node;
  const have = process.versions.node.split(".").map(Number);
  const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const ok = want.split("||").map((alt) => {
    const m = /^\s*(\^|>=)\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(alt);
    if (!m) { console.error(`setup: engines.node is "${want}"; this script understands only "^X.Y.Z" and ">=X.Y.Z" joined by "||"`); process.exit(1); }
    const low = m.slice(2).map((x) => Number(x ?? 0));
    return cmp(have, low) >= 0 && (m[1] === ">=" || have[0] === low[0]);
  }).some(Boolean);
  if (!ok) { console.error(`setup: Node ${process.versions.node} does not satisfy "${want}" (package.json engines); install a Node version it allows, then run this again`); process.exit(1); }
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
# JUnit 5 and 4 jars in /usr/share/java: the `penult implement --lang java` proofs compile and run
# the test classes (JUnit 4 when a project's pom.xml or build.gradle uses it).
[ -f /usr/share/java/junit-platform-console-standalone.jar ] || need+=(junit5)
[ -f /usr/share/java/junit4.jar ] || need+=(junit4)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import mypy' >/dev/null 2>&1; } || need+=(python3-mypy)
# pytest: the Python scaffold's tests are run with it when a project uses it.
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import pytest' >/dev/null 2>&1; } || need+=(python3-pytest)
# Redis: the App's queue tests start their own server.
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)

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
