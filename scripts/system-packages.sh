#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages quakehall needs to build, run and
# test, when they are missing. Safe to run again: it installs nothing that
# is already there.
set -euo pipefail

packages=(
    pkg-config         # finds the system libraries below when building
    libasound2-dev     # audio output (ALSA)
    libudev-dev        # input devices (touchscreens, gamepads)
    libwayland-dev     # windows on Wayland desktops
    libxkbcommon-dev   # keyboard layouts
    mesa-vulkan-drivers libvulkan1  # Vulkan, with Mesa's software driver where there is no GPU
    xvfb xauth         # a virtual screen for tests and screenshots
    fontconfig fonts-noto-cjk       # the Chinese font (Noto Sans CJK) and fc-match to find it
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "quakehall: please install these packages with your system's package manager: ${missing[*]}" >&2
    exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "quakehall: installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
