"""Shared fixtures: the repository, the CLI the package is compared with,
and a generated JSON-lines corpus (benches/make_corpus.py).

The CLI is ``target/release/textmend`` (``cargo build --release``) or the
binary named by ``$TEXTMEND``; tests that compare with it fail, not skip,
when it is missing. Tests of the optional integrations (pyspark,
datatrove) are skipped when those are not installed, and the run says so
in its summary; with ``TEXTMEND_REQUIRE_EXTRAS=1`` (as .ci/run sets it) a
missing integration is an error instead.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_003 = ROOT / "fixtures" / "spinner" / "003_c01601a3d6194ed1.in.txt"

_missing_extras = []


def require_extra(module: str):
    """The optional module, or a loud skip (an error under
    TEXTMEND_REQUIRE_EXTRAS=1)."""
    try:
        return __import__(module)
    except ImportError:
        if os.environ.get("TEXTMEND_REQUIRE_EXTRAS") == "1":
            raise
        _missing_extras.append(module)
        pytest.skip(
            f"{module} is not installed: pip install 'textmend[{module.replace('pyspark', 'spark')}]'",
            allow_module_level=True,
        )


def pytest_terminal_summary(terminalreporter):
    if _missing_extras:
        names = ", ".join(sorted(set(_missing_extras)))
        terminalreporter.write_sep("!", f"SKIPPED: tests of {names} (not installed)", red=True, bold=True)


@pytest.fixture(scope="session")
def cli() -> str:
    path = os.environ.get("TEXTMEND") or str(ROOT / "target" / "release" / "textmend")
    if not Path(path).exists():
        pytest.fail(f"no textmend CLI at {path}: run `cargo build --release` or set $TEXTMEND", pytrace=False)
    return path


def run_cli(cli: str, *args, input_bytes=None) -> bytes:
    """The CLI's standard output for ``args`` (quiet), checked."""
    done = subprocess.run([cli, *map(str, args), "-q"], input=input_bytes, capture_output=True)
    if done.returncode != 0:
        raise AssertionError(f"textmend {' '.join(map(str, args))}: exit {done.returncode}\n{done.stderr.decode()}")
    return done.stdout


def make_corpus(cli: str, path: Path, *args) -> Path:
    subprocess.run(
        [sys.executable, str(ROOT / "benches" / "make_corpus.py"), "-o", str(path), *args],
        check=True,
        env={**os.environ, "TEXTMEND": cli},
        capture_output=True,
    )
    return path


@pytest.fixture(scope="session")
def corpus(cli, tmp_path_factory) -> Path:
    """About 40,000 words of English and French records: two spun English
    sites, a spun French one, scans, mojibake and clean text, in varied
    JSON forms, and four lines that are no records."""
    return make_corpus(cli, tmp_path_factory.mktemp("corpus") / "corpus.jsonl", "--langs", "en,fr", "--words", "40000")


def records(path: Path):
    """The lines of a JSON-lines file, each with its line end (split at
    ``\n`` only: ``str.splitlines`` also splits at U+2028, which JSON
    strings may hold raw)."""
    text = path.read_text(encoding="utf-8")
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return [line for line in lines if line]
