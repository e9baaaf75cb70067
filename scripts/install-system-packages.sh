#!/usr/bin/env bash
# Debian packages the tests and the print stage need: Chromium (browser tests, screenshots),
# fonts-croscore (Tinos, Arimo: the print fonts), Pango (WeasyPrint),
# poppler-utils (pdftotext, pdffonts, pdftoppm). Installs only what is missing; needs root
# (CI and the developer machines run as root) or sudo.
set -euo pipefail
packages=(chromium poppler-utils fonts-croscore libpango-1.0-0 libpangoft2-1.0-0)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# LibreOffice Writer and Calc (no GUI) are only for the tests that open a Word file or the Excel
# template in it (tests/test_docx.py, tests/test_excel_as_filled.py): installed when missing and
# only when running as root (CI is); elsewhere those tests skip and say why.
if [ "$(id -u)" -eq 0 ]; then
  for p in libreoffice-writer-nogui libreoffice-calc-nogui; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
