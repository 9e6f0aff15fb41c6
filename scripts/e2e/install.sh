#!/usr/bin/env bash
# Idempotent installer for the offline end-to-end setup (see /work/shared/e2e.md):
#   - Debian packages: chromium, ripgrep and the build deps of code-server's native modules
#   - code-server (the real VS Code workbench + Node extension host) in a cache dir
#     OUTSIDE the checkout, keyed on its version.
# Prints the code-server binary path as its last line of stdout.
#
# Env:
#   SCOPE_E2E_CACHE       cache root (default: $HOME/.cache/scope-yaml)
#   CODE_SERVER_VERSION   default 4.100.3 (last line that runs on Node 20)
#   SCOPE_E2E_SKIP_APT=1  do not touch apt (e.g. non-root CI with the packages preinstalled)
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${SCOPE_E2E_CACHE:-$HOME/.cache/scope-yaml}"
CS_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
TMP_BASE="${TMPDIR:-/tmp}"

log() { echo "[e2e-install] $*" >&2; }

# --- 1. Debian packages (only when missing) ----------------------------------
APT_PACKAGES=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
if [[ "${SCOPE_E2E_SKIP_APT:-}" != 1 ]]; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    if ! dpkg -s "$p" >/dev/null 2>&1; then missing+=("$p"); fi
  done
  if ((${#missing[@]})); then
    log "apt: installing ${missing[*]}"
    SUDO=""
    if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
    apt_log="$(mktemp "$TMP_BASE/scope-e2e-apt.XXXXXX.log")"
    if ! { $SUDO apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
      >"$apt_log" 2>&1; then
      tail -n 40 "$apt_log" >&2
      log "apt failed, full log: $apt_log"
      exit 1
    fi
    rm -f "$apt_log"
  else
    log "apt: all packages present"
  fi
fi

# --- 2. code-server ------------------------------------------------------------
cs_works() {
  [[ -x "$CS_BIN" ]] && "$CS_BIN" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"
}

if cs_works; then
  log "code-server $CODE_SERVER_VERSION already installed in $CS_DIR"
else
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  if [[ "$node_major" != 20 ]]; then
    log "WARNING: code-server $CODE_SERVER_VERSION requires Node 20, this is Node $node_major"
  fi
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (takes a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  work="$(mktemp -d "$TMP_BASE/scope-e2e-install.XXXXXX")"
  trap 'rm -rf "$work"' EXIT

  # 2a. Find the @vscode/ripgrep version code-server pins, and the ripgrep release
  #     its postinstall wants, by reading the packages themselves.
  (cd "$work" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null)
  tar -xzf "$work/code-server-$CODE_SERVER_VERSION.tgz" -C "$work" package/lib/vscode/npm-shrinkwrap.json
  rg_pkg_versions="$(node -e '
    const s = require(process.argv[1]);
    const v = new Set();
    for (const [k, e] of Object.entries(s.packages || {}))
      if (k.endsWith("node_modules/@vscode/ripgrep")) v.add(e.version);
    console.log([...v].join(" "));' "$work/package/lib/vscode/npm-shrinkwrap.json")"
  [[ -n "$rg_pkg_versions" ]] || { log "could not find @vscode/ripgrep in code-server's shrinkwrap"; exit 1; }

  case "$(uname -m)" in
    x86_64) rg_target="x86_64-unknown-linux-musl" ;;
    aarch64) rg_target="aarch64-unknown-linux-musl" ;;
    *) log "unsupported arch $(uname -m)"; exit 1 ;;
  esac
  rg_path="$(command -v rg)" || { log "ripgrep (rg) not found"; exit 1; }

  for rgv in $rg_pkg_versions; do
    (cd "$work" && npm pack --silent "@vscode/ripgrep@$rgv" >/dev/null)
    mkdir -p "$work/rg-$rgv"
    tar -xzf "$work/vscode-ripgrep-$rgv.tgz" -C "$work/rg-$rgv" package/lib/postinstall.js
    rg_release="$(sed -n "s/^const VERSION = '\([^']*\)'.*/\1/p" "$work/rg-$rgv/package/lib/postinstall.js")"
    [[ -n "$rg_release" ]] || { log "could not read the ripgrep release from @vscode/ripgrep@$rgv"; exit 1; }
    cache_dir="$TMP_BASE/vscode-ripgrep-cache-$rgv"
    archive="$cache_dir/ripgrep-$rg_release-$rg_target.tar.gz"
    if [[ ! -s "$archive" ]]; then
      mkdir -p "$cache_dir" "$work/rgbin"
      cp "$rg_path" "$work/rgbin/rg"
      tar -czf "$archive" -C "$work/rgbin" rg
      log "ripgrep offline cache: $archive"
    fi
  done

  # 2b. npm install (postinstall needs unsafe-perm as root, and npx must not prompt).
  (
    cd "$CS_DIR"
    echo '{"name":"scope-yaml-code-server-cache","private":true}' >package.json
    export npm_config_unsafe_perm=true npm_config_yes=true
    export TMPDIR="$TMP_BASE"
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
  )
  if ! cs_works; then
    log "code-server install finished but $CS_BIN does not run"
    exit 1
  fi
  log "code-server $CODE_SERVER_VERSION installed"
fi

echo "$CS_BIN"
