# Shared by tools/run and tools/test: install what a fresh Debian bookworm machine is missing, then
# configure and build. Sourced, not run. The package list lives here and nowhere else.

MEASURED_PACKAGES=(
  g++ make cmake pkg-config          # toolchain
  libtomlplusplus-dev                # scenario and catalogue files (engine/core)
  doctest-dev                        # the test suites
  libimgui-dev libstb-dev            # the runner's screens (engine/ui), images and screenshots
  libglfw3-dev python3-glad          # the runner's window and OpenGL 3.3 loader (engine/app)
  fonts-noto-core fonts-dejavu-core  # text with Latin Extended, Greek and Cyrillic
  xvfb xauth                         # the runner's smoke test and benchmark without a display
  python3-jsonschema                 # the scenario schema test (tests/schema, with /usr/bin/python3)
  clang libclang-rt-14-dev           # the fuzz targets: libFuzzer, ASan and UBSan runtimes (tools/fuzz)
)

measured_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

measured_install_packages() {
  local missing=()
  local pkg
  for pkg in "${MEASURED_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "measured: installing ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# measured_build DIR [extra cmake arguments...]
measured_build() {
  local dir="$1"
  shift
  cmake -S "$measured_root" -B "$measured_root/$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$measured_root/$dir" -j"$(nproc)"
}
