#!/usr/bin/env bash
# Runs every test of the project:
#   1. the Rust workspace (unit, integration and doc tests, the seed chapter as a Rust program);
#   2. the Python package: an abi3 manylinux wheel built with maturin (from a tools venv,
#      .venv-test or $EMS_VENV; at most 17 MB unpacked), installed into a fresh venv
#      (.venv-wheel or $EMS_WHEEL_VENV), then its pytest suite (the seed notebook verbatim, the API);
#   3. typing: mypy --strict over the installed package's stubs (scripts/typecheck.py);
#   4. README.md's python blocks, run as written (scripts/readme_blocks.py).
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
# The wheel users install: abi3, stripped, tagged manylinux_2_34 (the oldest tag this machine's
# glibc 2.36 links for without a cross toolchain); maturin's auditwheel check fails the build if
# the library needs anything newer or links a library the policy does not allow.
rm -rf target/wheels
"$VENV/bin/maturin" build --release -q --strip --compatibility manylinux_2_34 --auditwheel check \
  --out target/wheels
WHEEL="$(ls target/wheels/easy_mindspore-*-cp39-abi3-manylinux_2_34_*.whl)"
"$VENV/bin/python" scripts/wheel_size.py "$WHEEL" 17
# Installed into a fresh venv (the tools venv above only builds): what a user's `pip install` gets.
TESTVENV="${EMS_WHEEL_VENV:-.venv-wheel}"
rm -rf "$TESTVENV"
"$PY" -m venv "$TESTVENV"
"$TESTVENV/bin/python" -m pip install -q "$WHEEL" pytest hypothesis pillow matplotlib ml-dtypes protobuf
echo "== Python tests (the installed wheel) =="
(cd python/tests && "../../$TESTVENV/bin/python" -m pytest -q)
echo "== Typing: mypy --strict on a user's training script, and on errors it must report =="
"$TESTVENV/bin/python" -m pip install -q mypy
"$TESTVENV/bin/python" scripts/typecheck.py
echo "== README: every python block, as written, in a fresh directory =="
"$TESTVENV/bin/python" scripts/readme_blocks.py
echo "== API docs: docstring coverage (at least 95%) and every example run (the installed wheel) =="
"$TESTVENV/bin/python" scripts/doc_coverage.py --min 95
"$TESTVENV/bin/python" scripts/doctest_api.py
SEED="$(date +%s)"
echo "== Property suite, a new seed: EMS_HYPOTHESIS_SEED=$SEED (set it to replay this run) =="
(cd python/tests && EMS_HYPOTHESIS_SEED="$SEED" "../../$TESTVENV/bin/python" -m pytest -q -p no:cacheprovider -k "not sweep" test_property_inputs.py)
