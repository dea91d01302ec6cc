#!/usr/bin/env bash
# Runs the hall with the shipped scenes, in a window. Installs the system
# packages it needs first. Extra arguments go to quakehall, for example
#   ./run-hall.sh --kiosk            fullscreen kiosk mode
#   ./run-hall.sh --scene 15         one exhibit on its own
set -euo pipefail
cd "$(dirname "$0")"
./scripts/system-packages.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/quakehall-target}"
cargo build --bin quakehall
exec "$CARGO_TARGET_DIR/debug/quakehall" "$@"
