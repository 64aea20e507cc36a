#!/usr/bin/env bash
# Install Debian packages that provide the given commands, when root and missing.
# Usage: system-packages.sh PACKAGE:COMMAND ...
set -u
missing=()
for spec in "$@"; do
  pkg=${spec%%:*}; cmd=${spec##*:}
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: ${missing[*]} not installed (needs root and apt-get); features that need them are disabled and their tests skip." >&2
  exit 0
fi
echo "installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
  echo "note: could not install ${missing[*]}; features that need them are disabled and their tests skip." >&2
fi
exit 0
