#!/usr/bin/env bash
# CI for the Python package, the Spark job and the datatrove step: builds
# the wheel with maturin, installs it into a fresh virtual environment
# under target/ with pytest, pyspark and datatrove from PyPI, and runs
# python/tests (the API, JSON lines against the CLI, Spark in local mode,
# a datatrove pipeline). .ci/run calls it after `cargo test --release`,
# whose build leaves the CLI the tests compare with in target/release and
# the library's release artifacts the wheel's build reuses. Needs python3
# (3.10 or later) with venv, and Java 17 for Spark.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=target/python-venv
step() { echo "== $1"; }
timed() {
  local began=$SECONDS
  "$@"
  echo "   ($((SECONDS - began)) s)"
}

if [ -z "${TEXTMEND_CI_LINTED:-}" ]; then
  # .ci/run lints the whole workspace, bindings included, and says so.
  step "clippy on the Python bindings (not a default member of the workspace)"
  timed cargo clippy --locked -p textmend-python --all-targets -- -D warnings
fi

step "a fresh virtual environment: maturin, pytest, pyspark, datatrove (PyPI)"
timed "$python" -m venv --clear "$venv"
timed "$venv/bin/pip" install --quiet --disable-pip-version-check \
  "maturin>=1.5,<2" pytest pyspark "datatrove>=0.4" orjson

step "the wheel (maturin build --release)"
rm -rf target/wheels
timed "$venv/bin/maturin" build --release --locked --quiet --out target/wheels
timed "$venv/bin/pip" install --quiet --disable-pip-version-check target/wheels/textmend-*.whl

if [ -z "${TEXTMEND_CI_LINTED:-}" ] || [ ! -x target/release/textmend ]; then
  # Under .ci/run, `cargo test --release` has just built it.
  step "the CLI the tests compare with"
  timed cargo build --release --locked --bin textmend
fi

step "the acceptance command"
# The issue's command, verbatim; print adds a line end.
diff <("$venv/bin/python" -c "import textmend; print(textmend.Mender().mend(open('fixtures/spinner/003_c01601a3d6194ed1.in.txt').read()).text)") \
  <(cat fixtures/spinner/003_c01601a3d6194ed1.out.txt; echo)
echo "   prints the repaired article"

step "pytest python/tests (Spark in local mode, datatrove)"
# A missing pyspark or datatrove fails the run instead of skipping.
TEXTMEND_REQUIRE_EXTRAS=1 timed "$venv/bin/python" -m pytest python/tests -q -p no:cacheprovider
