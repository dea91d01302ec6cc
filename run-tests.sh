#!/usr/bin/env bash
# Runs every test: the Bevy-free domain first (seconds), then everything
# with the Bevy layer (headless app tests and render tests under xvfb).
# Installs the system packages it needs first.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/system-packages.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/quakehall-target}"
echo "== domain (no Bevy) =="
cargo test --profile hall --no-default-features
echo "== everything =="
cargo test --profile hall
