#!/usr/bin/env bash
# Package the end-to-end test build (unpacked, into dist-e2e/): the release fuses except
# EnableNodeCliInspectArguments, which Playwright needs (see electron-builder.e2e.yml).
# Refuses to run unless RECORDS_E2E_BUILD=1, so a test binary is never made by accident.
# Needs the Electron download (not available in this sandbox's CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${RECORDS_E2E_BUILD:-}" != 1 ]; then
  echo "package-e2e: set RECORDS_E2E_BUILD=1 to build the test-only binary (it can be debugged; never ship it)" >&2
  exit 2
fi
export PATH="$PWD/node_modules/.bin:$PATH"
electron-vite build
electron-builder --dir --config test/ci/electron-builder.e2e.yml
echo "package-e2e: test build in dist-e2e/ (EnableNodeCliInspectArguments ON: for Playwright only)"
