#!/usr/bin/env bash
# Clean-text benchmark "as wide as the world" (issue #16, deliverable 1).
#
# Runs textmend over ~19.0 million words of clean documentation in English, German,
# French, Spanish, Italian, Portuguese and Dutch (at least 1 million per language,
# 9-32 sources each: translated man pages, the LibreOffice, GIMP and GNOME help,
# Debian's manuals, programming manuals, fortune cookies), none of it used for fixtures, and prints
# changed words per 10,000 words per language, source and configuration. Every
# change is listed with its rule and context. See benches/clean_corpus.md.
#
#   bash benches/clean_corpus.sh            # fetch, build, run, report
#   bash benches/clean_corpus.sh fetch      # apt-get download + dpkg-deb -x into the cache
#   bash benches/clean_corpus.sh build      # packages -> plain UTF-8 documents
#   bash benches/clean_corpus.sh run        # textmend over every document, every configuration
#   bash benches/clean_corpus.sh report     # the table and the change lists
#   bash benches/clean_corpus.sh sample     # regenerate fixtures/clean/sample/ (byte-identical)
#   bash benches/clean_corpus.sh split      # which source is tune, which held-out, and why
#
# Environment:
#   TEXTMEND            the binary to measure (default: target/release/textmend)
#   CLEAN_CORPUS_CACHE  downloads, documents, runs and reports (default: /work/data/clean-corpus)
#   JOBS                parallel jobs (default 2)
#   CONFIGS             configurations to run (default "auto lang auto-thes lang-thes")
#
# Split: every (language, source) is either `tune` or `held-out`; about a third of
# each language's words are held out (chosen in the order of a stable hash of the
# source name, then frozen in clean_corpus.py; sources developers already looked at
# are always tune). The report prints both parts apart. While tuning, look at the
# tune part's change lists only ($CACHE/report/changes-*.tsv), never at
# $CACHE/report/held-out/.
#
# The download (~600 MB of .deb files) is skipped when the cache has the packages,
# the build (~15 min, mostly groff) when the documents were built by the same
# BUILD_VERSION, and each run when the same binary (by its sha256) has run that
# configuration on that source before. Needs: apt-get, dpkg-deb, groff, col, python3.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
export CLEAN_CORPUS_CACHE=${CLEAN_CORPUS_CACHE:-/work/data/clean-corpus}
export TEXTMEND=${TEXTMEND:-$ROOT/target/release/textmend}
export JOBS=${JOBS:-2}
CACHE=$CLEAN_CORPUS_CACHE
PY=(python3 "$HERE/clean_corpus.py")

say() { printf 'clean_corpus: %s\n' "$*" >&2; }

fetch() {
    mkdir -p "$CACHE/debs" "$CACHE/x"
    local updated=0 spec pkg ver deb
    while read -r spec; do
        pkg=${spec%%=*}
        ver=${spec#*=}
        if ! compgen -G "$CACHE/debs/${pkg}_*.deb" > /dev/null; then
            # The pinned version may be newer than the local package index.
            if [ $updated = 0 ] && ! apt-cache madison "$pkg" 2> /dev/null | grep -qF " $ver |"; then
                apt-get update -qq
                updated=1
            fi
            say "downloading $pkg $ver"
            if ! (cd "$CACHE/debs" && apt-get download -q "$pkg=$ver" 2> >(grep -v 'unsandboxed' >&2)); then
                say "WARNING: $pkg $ver is not available; taking the current version (the sample may differ)"
                (cd "$CACHE/debs" && apt-get download -q "$pkg" 2> >(grep -v 'unsandboxed' >&2))
            fi
        fi
        for deb in "$CACHE/debs/${pkg}"_*.deb; do
            if [ ! -e "$CACHE/x/$pkg/.extracted" ]; then
                rm -rf "$CACHE/x/$pkg"
                mkdir -p "$CACHE/x/$pkg"
                dpkg-deb -x "$deb" "$CACHE/x/$pkg"
                touch "$CACHE/x/$pkg/.extracted"
            fi
        done
    done < <("${PY[@]}" packages)
    # Debian's MyThes thesauri for the --thesaurus configurations.
    local missing=()
    for t in mythes-de mythes-fr mythes-es mythes-it mythes-pt-pt; do
        dpkg -s "$t" > /dev/null 2>&1 || missing+=("$t")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

build() {
    local want
    want=$("${PY[@]}" build-version)
    if [ -e "$CACHE/docs/manifest.tsv" ] && [ "$(cat "$CACHE/docs/.build-version" 2> /dev/null)" = "$want" ]; then
        say "documents already built (build version $want): $CACHE/docs"
        return
    fi
    "${PY[@]}" build
}

run() {
    if [ ! -x "$TEXTMEND" ]; then
        say "no textmend binary at $TEXTMEND (set TEXTMEND, or cargo build --release)"
        exit 2
    fi
    "${PY[@]}" run
}

step=${1:-all}
start=$SECONDS
case $step in
    all)
        fetch; say "fetch: $((SECONDS - start)) s"
        t=$SECONDS; build; say "build: $((SECONDS - t)) s"
        t=$SECONDS; run; say "run: $((SECONDS - t)) s"
        "${PY[@]}" report
        ;;
    fetch) fetch ;;
    build) build ;;
    run) run ;;
    report) "${PY[@]}" report ;;
    sample) "${PY[@]}" sample "$ROOT/fixtures/clean/sample" ;;
    split) "${PY[@]}" split ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
esac
say "done in $((SECONDS - start)) s"
