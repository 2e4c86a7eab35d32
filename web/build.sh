#!/usr/bin/env bash
# Builds the web front end into web/dist (index.html, the entry assets/app-HASH.js and .css, the
# chunks loaded on demand, and a .gz and .br of each for judged to send precompressed):
# installs the pinned npm packages (npm ci from package-lock.json) when they are missing or
# older than the lock file, then bundles with esbuild. judged serves web/dist by default.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "web/build.sh: needs Node.js 20+ and npm (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
if [ -f package-lock.json ]; then
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
else
  npm install --no-audit --no-fund --loglevel=error
fi
node build.mjs
