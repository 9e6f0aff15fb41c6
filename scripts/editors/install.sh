#!/usr/bin/env bash
# Installs the real editors that test/editors/ drives headless: Debian's Neovim, and Emacs with eglot.
# Idempotent: asks dpkg first and touches apt only when a package is missing, so a warm machine pays
# nothing. Every failure stops the script with a message and a non-zero status.
set -euo pipefail

packages=(neovim emacs-nox elpa-eglot)

missing=()
for package in "${packages[@]}"; do
  # dpkg -s also succeeds for removed-but-configured packages; only "install ok installed" counts.
  if [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true) != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
  echo "editors: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq || { echo "editors: apt-get update failed" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    { echo "editors: apt-get install ${missing[*]} failed" >&2; exit 1; }
fi

# What the tests call, not just what dpkg says: a package can be installed without its program on PATH.
for program in nvim emacs; do
  command -v "$program" >/dev/null || { echo "editors: $program is not on PATH" >&2; exit 1; }
done
emacs --batch --eval "(require 'eglot)" 2>/dev/null || { echo "editors: Emacs cannot load eglot" >&2; exit 1; }
echo "editors: $(nvim --version | head -n 1), $(emacs --version | head -n 1), eglot ready"
