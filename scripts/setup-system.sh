#!/usr/bin/env bash
# Install the system packages XiaoAn needs, when missing: PostgreSQL server + matching PostGIS,
# CJK fonts, and (with --browser) Debian's Chromium for the browser tests. Idempotent.
set -euo pipefail

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

pg_major() {  # newest installed server, else the distribution's default major version
  local installed
  installed=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)
  if [ -n "$installed" ] && [ -x "/usr/lib/postgresql/$installed/bin/initdb" ]; then
    echo "$installed"; return
  fi
  if command -v apt-cache >/dev/null; then
    apt-cache depends postgresql 2>/dev/null | sed -n 's/.*Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -1
  fi
}

missing=()
major=$(pg_major)
[ -n "$major" ] || major=15
[ -x "/usr/lib/postgresql/$major/bin/initdb" ] || missing+=("postgresql-$major")
[ -f "/usr/share/postgresql/$major/extension/postgis.control" ] || missing+=("postgresql-$major-postgis-3")
[ -f "/usr/share/postgresql/$major/extension/pgrouting.control" ] || missing+=("postgresql-$major-pgrouting")
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=("fonts-noto-cjk")
if [ "$want_browser" = 1 ]; then
  [ -x /usr/bin/chromium ] || missing+=("chromium")
fi
command -v runuser >/dev/null || missing+=("util-linux")
[ -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ] || command -v faketime >/dev/null || missing+=("faketime")

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (PostgreSQL $major with PostGIS)"
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "XiaoAn needs these system packages, which this script cannot install here" >&2
  echo "(it installs them itself only as root on Debian/Ubuntu):" >&2
  echo "    sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
fc-cache -f >/dev/null 2>&1 || true
echo "system packages: installed ${missing[*]}"
