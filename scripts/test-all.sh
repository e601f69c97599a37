#!/usr/bin/env bash
# Runs every test of the project:
#   1. the Rust workspace (unit, integration and doc tests, the seed chapter as a Rust program);
#   2. the Python package: built and installed into a virtual environment this script creates
#      (.venv-test, or $EMS_VENV), then its pytest suite (the seed notebook verbatim, the API).
# Usage: bash scripts/test-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

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
