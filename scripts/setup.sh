#!/usr/bin/env bash
# Installs the system packages SparkLSP builds and tests with (Debian/Ubuntu).
# Idempotent: does nothing when everything is already there.
set -euo pipefail

packages=(libcurl4-openssl-dev libsqlite3-dev libseccomp-dev pkg-config neovim bubblewrap python3 python3-venv nodejs git shfmt chromium chromium-driver)
# The image agent: libvips (opened at run time), Tesseract, and what its tests make images with.
packages+=(libvips-dev libvips-tools tesseract-ocr tesseract-ocr-eng libimage-exiftool-perl imagemagick fonts-dejavu-core)
# The service's PostgreSQL session tests start their own server (scripts/postgres/with-server.sh).
packages+=(postgresql)
# The Milvus tests run it in a private network namespace (ip); the scripts probe servers with curl.
packages+=(iproute2 curl)
# What a caller adds (make bench-kb: the documentation its corpus is made of).
packages+=("$@")
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: a Swift 6 toolchain must be on PATH (https://swift.org/install)" >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
