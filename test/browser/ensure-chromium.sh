#!/bin/sh
# Runs before `npm test`: the browser tests drive Debian's chromium (Playwright's own download does
# not work on our machines). Installs it when missing and allowed; otherwise says what to do.
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (apt-get install -y chromium)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
  echo "Could not install chromium; the browser tests (test/browser) will fail." >&2
  exit 0
fi
echo "The browser tests need $CHROMIUM: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
exit 0
