#!/usr/bin/env bash
# Installs everything a fresh machine needs to run penult's tests: the compilers that prove the
# emitted contracts compile (Debian packages), then the npm dependencies from the lockfile.
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v go   >/dev/null 2>&1 || need+=(golang-go)
command -v mcs  >/dev/null 2>&1 || need+=(mono-mcs)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v rustc >/dev/null 2>&1 || need+=(rustc)
# JUnit 5 jars in /usr/share/java: the `penult implement --lang java` proof compiles its test class.
[ -f /usr/share/java/junit-jupiter-api.jar ] || need+=(junit5)
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import mypy' >/dev/null 2>&1 || need+=(python3-mypy)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)  # the App's queue tests start their own

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} (Debian packages)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
