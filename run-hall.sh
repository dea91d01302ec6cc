#!/usr/bin/env bash
# Runs the hall with the shipped scenes, in a window. Installs the system
# packages it needs and builds the hall first. Extra arguments go to
# quakehall, for example
#   ./run-hall.sh --kiosk            fullscreen kiosk mode
#   ./run-hall.sh --scene 15         one exhibit on its own
set -euo pipefail
cd "$(dirname "$0")"
exec ./quakehall "$@"
