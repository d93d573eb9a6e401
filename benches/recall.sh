#!/usr/bin/env bash
# The recall benchmark (benches/recall.md): random spinner tables drawn from
# thesauri textmend does not use, on texts no fixture or tuning used.
#   bash benches/recall.sh               # full run, 100 draws per cell (about an hour on 2 busy cores)
#   bash benches/recall.sh --quick       # 20 draws per cell
#   bash benches/recall.sh --ci --check  # the committed sample in fixtures/recall/, exit 1 below its floors
# TEXTMEND=path/to/textmend picks the binary (default /work/bin/textmend-base,
# else `textmend` on PATH); TEXTMEND_RECALL_CACHE the download cache.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEXTMEND:-}" ]; then
  if [ -x /work/bin/textmend-base ]; then TEXTMEND=/work/bin/textmend-base
  elif [ -x target/release/textmend ]; then TEXTMEND=target/release/textmend
  else TEXTMEND=textmend; fi
fi
export TEXTMEND
exec python3 benches/recall.py "$@"
