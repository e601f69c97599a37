#!/usr/bin/env bash
# Runs every test of the project:
#   1. the Rust workspace (unit, integration and doc tests, the seed chapter as a Rust program);
#   2. the Python package: built and installed into a virtual environment this script creates
#      (.venv-test, or $EMS_VENV), then its pytest suite (the seed notebook verbatim, the API).
# Usage: bash scripts/test-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# The distributed tests (python/tests/test_distributed.py) run 2 processes under Open MPI's
# mpirun: install it when missing (as root, or through sudo when there is one).
if ! command -v mpirun >/dev/null 2>&1; then
  echo "== Installing Open MPI (openmpi-bin, libopenmpi-dev) =="
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openmpi-bin libopenmpi-dev
  else
    echo "cannot install Open MPI (not root, no sudo): the distributed tests will be skipped"
  fi
fi

echo "== Rust tests =="
cargo test --workspace

echo "== Python package =="
VENV="${EMS_VENV:-.venv-test}"
PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "maturin>=1.5,<2" numpy pytest hypothesis
# Build the wheel with the same cargo target dir as the Rust tests, then install it.
rm -rf target/wheels
"$VENV/bin/maturin" build --release -q --out target/wheels
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps target/wheels/easy_mindspore-*.whl
echo "== Python tests =="
(cd python/tests && "../../$VENV/bin/python" -m pytest -q)
SEED="$(date +%s)"
echo "== Property suite, a new seed: EMS_HYPOTHESIS_SEED=$SEED (set it to replay this run) =="
(cd python/tests && EMS_HYPOTHESIS_SEED="$SEED" "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider -k "not sweep" test_property_inputs.py)
