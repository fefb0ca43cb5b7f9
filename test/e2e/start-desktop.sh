#!/usr/bin/env bash
# `npm run start:desktop`: News Lens in desktop VS Code (needs the `code` command), as the extension
# under development, in a new window on the examples/ folder. Nothing is installed into your profile.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CODE="${CODE:-code}"
command -v "$CODE" >/dev/null || { echo "no \`$CODE\` command on PATH: install VS Code's shell command, or use \`npm start\` (code-server, in the browser)"; exit 1; }
cd "$ROOT"
timeout 600 npm run build
exec "$CODE" --new-window --extensionDevelopmentPath="$ROOT" "$ROOT/examples"
