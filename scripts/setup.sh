#!/usr/bin/env bash
# Installs everything Vestnik needs to build, run and test — pinned, idempotent, and
# only from crates.io, npm and Debian's apt. `make run` and `make test` call it first.
# The first run on a fresh machine takes 10–15 minutes (trunk and wasm-bindgen-cli are
# compiled from crates.io); later runs check versions and return in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14   # 0.22.x needs rustc >= 1.96.1
WASM_SPLIT_VERSION=0.2.4   # crates.io wasm_split_cli_support, the splitter Leptos's tools use
APT_PACKAGES=(chromium chromium-driver brotli fonts-dejavu-core)

export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf '[setup] %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The version of a crate as Cargo.lock resolves it (the single source of truth).
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# 1. The wasm target of the machine's Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium and its driver for the browser tests, brotli for `make size`.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing from apt: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Playwright and Lighthouse need Node.js 20 or newer (package.json "engines"); Debian 12's
# own nodejs package is 18. Say so plainly instead of failing later inside npm.
node_major=$(node --version 2>/dev/null | sed -n 's/^v\([0-9]*\).*/\1/p')
if [ "${node_major:-0}" -lt 20 ]; then
  echo "[setup] Vestnik's test tools (Playwright, Lighthouse) need Node.js 20 or newer;" >&2
  echo "[setup] this machine has $(node --version 2>/dev/null || echo 'no node')." >&2
  echo "[setup] Install Node.js 20+ as a system package (Debian 13 ships it; on Debian 12, from" >&2
  echo "[setup] your organisation's apt mirror of a Node.js 20 package), then run this again." >&2
  exit 1
fi

# 3. Trunk, pinned.
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (compiles for ~6 minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli at exactly the version Cargo.lock resolves (the CLI and the crate
#    must match byte for byte). Not --locked: the CLI's own lock file pins a webpki-roots
#    release crates.io no longer has.
bindgen=$(locked_version wasm-bindgen)
if [ -z "$bindgen" ]; then
  echo "[setup] cannot find wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen"; then
  say "installing wasm-bindgen-cli $bindgen (compiles for ~2 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen"
fi

# 5. wasm-split-cli, which splits the release wasm into the main module and the chunks
#    fetched on demand (scripts/build-wasm.mjs; Trunk cannot split). Pinned, --locked.
#    It has no --version: cargo's own list of installed packages tells.
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (compiles for ~2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# 6. Node tools from the committed package-lock.json: binaryen's wasm-opt, Playwright
#    (driving Debian's Chromium; never `playwright install`), @axe-core/playwright, ajv.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.vestnik-lock 2>/dev/null)" != "$lock_sum" ]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.vestnik-lock
fi

# The wasm-opt scripts/build-wasm.mjs runs is npm's binaryen (Debian's 108 breaks the app).
want=$(sed -n 's/.*"binaryen": "\([0-9]*\)\..*/\1/p' package.json)
have=$(node_modules/.bin/wasm-opt --version 2>/dev/null | sed -n 's/^wasm-opt version \([0-9]*\).*/\1/p')
if [ -z "$want" ] || [ "$want" != "$have" ]; then
  echo "[setup] node_modules/.bin/wasm-opt is version '${have:-none}', package.json pins binaryen '${want:-?}'" >&2
  exit 1
fi

# 7. Crates, fetched once per Cargo.lock: Trunk builds with --offline.
mkdir -p target
lock_sum=$(sha256sum Cargo.lock | cut -d' ' -f1)
if [ "$(cat target/.vestnik-fetched 2>/dev/null)" != "$lock_sum" ]; then
  say "fetching crates"
  cargo fetch --locked --quiet
  echo "$lock_sum" > target/.vestnik-fetched
fi

say "ready: trunk $TRUNK_VERSION, wasm-bindgen $bindgen, wasm-opt $have, $(chromium --version 2>/dev/null | head -1)"
