"""Extraction for the clean-text benchmark (benches/clean_corpus.py, `build`):
the English-paragraph check, the HTML, Mallard, man page and fortune
extractors, and the documents and manifest they are written to. Kept apart
from the entry script because it is the part that turns packages into text.
Python 3 standard library only.
"""

import glob
import gzip
import html
import html.parser
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor

from clean_corpus_sources import BUILD_VERSION, CACHE, LANGS, NAV_PAGES, SOURCE_BY_ID, SOURCES, split_of

# --------------------------------------------------------------------------
# Language checks: function words. A paragraph of 10+ words in a non-English
# document is English when at least 12% of its words are English function words
# and that share is more than twice its share of the document language's ones.
# --------------------------------------------------------------------------
STOP = {
    "en": "the of and to in is that for it with as on are this be by from or an not can which "
          "you if was will have has all when its their they this these into there been would "
          "should must may only also than other such but each used use",
    "de": "der die das und ist nicht den dem des ein eine einen einem einer zu mit von auf für "
          "sich auch werden wird wenn oder kann können sie ich es bei nach aus wie nur noch "
          "diese dieser dieses werden sind wurde",
    "fr": "le la les de des du un une et est pour que qui dans sur pas par avec ce cette ces "
          "sont être peut il elle ou au aux se ne plus vous si son sa",
    "es": "el la los las de del un una y es para que en por con no se su sus al lo como "
          "este esta puede más o si ser son cuando usted",
    "it": "il lo la gli le di del della dei delle un una e è per che in non con si da al "
          "alla come questo questa può sono essere o se nel nella anche",
    "pt": "o a os as de do da dos das um uma e é para que em não com se por no na ao como "
          "este esta pode são ser ou mais seu sua você",
    "nl": "de het een en van is in dat die niet op te voor met zijn als er aan worden wordt "
          "kan bij of ook deze dit om naar u uw dan",
}
STOPSETS = {k: set(v.split()) for k, v in STOP.items()}
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def is_english_paragraph(text, lang):
    if lang == "en":
        return False
    words = [w.lower() for w in WORD_RE.findall(text)]
    if len(words) < 10:
        return False
    en = STOPSETS["en"] - STOPSETS[lang]
    tl = STOPSETS[lang] - STOPSETS["en"]
    ne = sum(w in en for w in words)
    nt = sum(w in tl for w in words)
    return ne >= 0.12 * len(words) and ne > 2 * nt


def wc(text):
    """Words as `wc -w` counts them in a UTF-8 locale (Python's str.split() gives the same
    count: runs of characters between Unicode white space, no-break spaces included)."""
    return len(text.split())


# --------------------------------------------------------------------------
# Extractors
# --------------------------------------------------------------------------
FOLD_WS = re.compile(r"[ \t\r\n\f\v]+")


class BlockText(html.parser.HTMLParser):
    """Text of an HTML or Mallard document, one paragraph per block element."""

    HTML_BLOCK = set("p div h1 h2 h3 h4 h5 h6 li dt dd td th tr table ul ol dl blockquote br hr "
                     "section article caption figure figcaption address center title body".split())
    HTML_SKIP = set("script style head nav header footer aside pre noscript svg math button "
                    "select textarea object iframe map".split())
    SKIP_CLASSES = ("navheader", "navfooter", "toc", "sphinxsidebar", "related", "footer",
                    "breadcrumb", "headerlink", "navigation", "highlight", "literal-block",
                    "programlisting", "screen", "synopsis", "bascode", "example", "indexterm",
                    "legalnotice", "copyright", "header", "contents-treeview", "index-label")
    MALLARD_BLOCK = set("p title item td th tr note section page list terms tree steps "
                        "table links subtitle desc quote example figure comment".split())
    MALLARD_SKIP = set("info screen media synopsis comment".split())

    def __init__(self, mallard=False):
        super().__init__(convert_charrefs=True)
        self.mallard = mallard
        self.block = self.MALLARD_BLOCK if mallard else self.HTML_BLOCK
        self.skip = self.MALLARD_SKIP if mallard else self.HTML_SKIP
        self.stack = []          # (tag, skipping?)
        self.skipping = 0
        self.in_p = 0
        self.cur = []
        self.paras = []

    def flush(self):
        t = FOLD_WS.sub(" ", "".join(self.cur)).strip(" ")
        if t:
            self.paras.append(t)
        self.cur = []

    def _skips(self, tag, attrs):
        if tag in self.skip:
            return True
        if self.mallard:
            # block-level code (outside a paragraph or title) is a listing
            return tag == "code" and self.in_p == 0
        cls = " ".join(v for k, v in attrs if k in ("class", "id") and v)
        if cls and any(c in cls for c in self.SKIP_CLASSES):
            return True
        return False

    VOID = set("br hr img meta link input area base col embed param source track wbr".split())

    def handle_starttag(self, tag, attrs):
        if not self.mallard and tag in self.VOID:
            if tag in ("br", "hr") and not self.skipping:
                self.flush()
            return
        sk = self._skips(tag, attrs)
        if tag in self.block and not self.skipping:
            self.flush()
        self.stack.append((tag, sk))
        if sk:
            self.skipping += 1
        if tag in ("p", "title", "td", "th") or (not self.mallard and tag in ("li", "dt", "dd")):
            self.in_p += 1

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr") and not self.skipping:
            self.flush()

    def handle_endtag(self, tag):
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, sk = self.stack.pop()
            if sk:
                self.skipping -= 1
            if t in ("p", "title", "td", "th") or (not self.mallard and t in ("li", "dt", "dd")):
                self.in_p -= 1
            if t in self.block and not self.skipping:
                self.flush()
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skipping:
            self.cur.append(data)

    def result(self):
        self.flush()
        return self.paras


def extract_html(path, mallard=False):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    p = BlockText(mallard=mallard)
    p.feed(text)
    p.close()
    return p.result(), None


def man_encoding(raw):
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "latin-1"


def extract_man(path):
    raw = open(path, "rb").read()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    head = raw[:200].lstrip()
    if head.startswith(b".so ") and raw.count(b"\n") <= 3:
        return None, "a .so link"
    enc = man_encoding(raw)
    env = dict(os.environ, LC_ALL="C.UTF-8")
    try:
        g = subprocess.run(["groff", "-k", "-K", enc, "-Tutf8", "-mandoc", "-rLL=5000n", "-rHY=0",
                            "-P-cbou"], input=raw, capture_output=True, env=env, timeout=120)
        c = subprocess.run(["col", "-bx"], input=g.stdout, capture_output=True, env=env, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "groff timed out"
    try:
        out = c.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None, "groff output not UTF-8"
    lines = [l.rstrip() for l in out.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) < 3:
        return None, "empty"
    lines = lines[1:-1]  # the header and footer lines
    paras, cur = [], []
    for l in lines:
        s = l.strip()
        if not s:
            if cur:
                paras.append("\n".join(cur))
                cur = []
        else:
            cur.append(s)
    if cur:
        paras.append("\n".join(cur))
    return paras, None


def extract_fortune(path):
    # `%` separates fortunes; tfortune's files end each one with a `---- tags` line.
    return split_paragraphs(path, r"(?m)^(?:%%?|---- .*)\s*$", str.rstrip)


def extract_text(path):
    """A plain-text book: paragraphs are separated by blank lines, each keeps its line
    breaks, leading indentation is removed."""
    return split_paragraphs(path, r"\n[ \t]*\n", str.strip)


def split_paragraphs(path, separator, trim):
    """The paragraphs of a plain-text file (gzip-compressed or not): the stretches
    between matches of `separator`, each with its non-blank lines passed through `trim`."""
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    paras = []
    for chunk in re.split(separator, text):
        lines = [trim(l) for l in chunk.split("\n") if l.strip()]
        if lines:
            paras.append("\n".join(lines))
    return paras, None


def source_files(src):
    files = []
    for pkg in src["pkgs"]:
        root = os.path.join(CACHE, "x", pkg)
        for pat in src["pats"]:
            for f in sorted(glob.glob(os.path.join(root, pat), recursive=True)):
                rel = os.path.relpath(f, root)
                if os.path.islink(f) or not os.path.isfile(f):
                    continue
                if src["kind"] == "html" and re.search(NAV_PAGES, rel):
                    continue
                if src["kind"] == "fortune" and (rel.endswith(".dat") or rel.endswith(".u8")):
                    continue
                if src["exclude"] and re.search(src["exclude"], rel):
                    continue
                files.append((pkg, rel, f))
    return files


MOJIBAKE = re.compile("[ÃÂÅ][\u0080-\u00bf]|â€|\ufffd")


def build_one(args):
    sid, pkg, rel, path = args
    src = SOURCE_BY_ID[sid]
    kind = src["kind"]
    if kind == "man":
        paras, why = extract_man(path)
    elif kind == "html":
        paras, why = extract_html(path)
    elif kind == "mallard":
        paras, why = extract_html(path, mallard=True)
    elif kind == "text":
        paras, why = extract_text(path)
    else:
        paras, why = extract_fortune(path)
    return sid, pkg, rel, paras, why


def doc_name(pkg, rel):
    base = rel
    for pre in ("usr/share/man/", "usr/share/doc/", "usr/share/"):
        if base.startswith(pre):
            base = base[len(pre):]
            break
    base = re.sub(r"\.gz$", "", base)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", base)
    return name[-150:] + ".txt"


def cmd_build():
    docs_root = os.path.join(CACHE, "docs")
    jobs = []
    only = os.environ.get("ONLY_SOURCES")
    if not only and os.path.isdir(docs_root):
        import shutil
        shutil.rmtree(docs_root)
    for src in SOURCES:
        if only and not re.search(only, src["id"]):
            continue
        for pkg, rel, path in source_files(src):
            jobs.append((src["id"], pkg, rel, path))
    print(f"build: {len(jobs)} input files from {len(SOURCES)} sources", file=sys.stderr)
    t0 = time.time()
    with ProcessPoolExecutor(max_workers=int(os.environ.get("JOBS", "2"))) as ex:
        results = list(ex.map(build_one, jobs, chunksize=8))
    print(f"build: extracted in {time.time() - t0:.0f} s", file=sys.stderr)
    manifest = []
    stats = defaultdict(Counter)
    seen_paras = defaultdict(set)
    for sid, pkg, rel, paras, why in results:
        src = SOURCE_BY_ID[sid]
        lang = src["lang"]
        st = stats[sid]
        st["files"] += 1
        if paras is None:
            st["skipped: " + why] += 1
            continue
        total = sum(wc(p) for p in paras)
        kept, english, dup = [], 0, 0
        for p in paras:
            if is_english_paragraph(p, lang):
                english += wc(p)
                continue
            if wc(p) >= 6:
                key = FOLD_WS.sub(" ", p)
                if key in seen_paras[sid]:
                    dup += wc(p)
                    continue
                seen_paras[sid].add(key)
            kept.append(p)
        st["english words dropped"] += english
        st["duplicate words dropped"] += dup
        if total and english > 0.5 * total:
            st["skipped: mostly English"] += 1
            continue
        text = "\n\n".join(kept).strip("\n")
        n = wc(text)
        if n < 20:
            st["skipped: under 20 words"] += 1
            continue
        text += "\n"
        st["mojibake-like sequences"] += len(MOJIBAKE.findall(text))
        name = doc_name(pkg, rel)
        d = os.path.join(docs_root, lang, sid)
        os.makedirs(d, exist_ok=True)
        out = os.path.join(d, name)
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        manifest.append((lang, sid, split_of(sid)[0], os.path.relpath(out, docs_root), n, pkg, rel))
        st["docs"] += 1
        st["words"] += n
    log_rows = [(sid, k, v) for sid in stats for k, v in stats[sid].items()]
    if only and os.path.exists(os.path.join(docs_root, "manifest.tsv")):
        # A partial rebuild: keep the other sources' rows.
        rebuilt = {s["id"] for s in SOURCES if re.search(only, s["id"])}
        for r in read_manifest():
            if r["source"] not in rebuilt:
                manifest.append((r["lang"], r["source"], r["split"], r["doc"], r["words"], r["pkg"], r["path"]))
        with open(os.path.join(docs_root, "build-log.tsv"), encoding="utf-8") as f:
            for line in f:
                sid, k, v = line.rstrip("\n").split("\t")
                if sid not in rebuilt:
                    log_rows.append((sid, k, int(v)))
    manifest = [(r[0], r[1], split_of(r[1])[0]) + tuple(r[3:]) for r in manifest]
    manifest.sort()
    with open(os.path.join(docs_root, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("lang\tsource\tsplit\tdoc\twords\tpackage\tpath\n")
        for row in manifest:
            f.write("\t".join(map(str, row)) + "\n")
    with open(os.path.join(docs_root, "build-log.tsv"), "w", encoding="utf-8") as f:
        for sid, k, v in sorted(log_rows):
            f.write(f"{sid}\t{k}\t{v}\n")
    with open(os.path.join(docs_root, ".build-version"), "w") as f:
        f.write(BUILD_VERSION + "\n")
    per_lang = Counter()
    for row in manifest:
        per_lang[row[0]] += row[4]
    for l in LANGS:
        print(f"build: {l}: {per_lang[l]:,} words", file=sys.stderr)


def read_manifest():
    rows = []
    with open(os.path.join(CACHE, "docs", "manifest.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            lang, sid, split, doc, words, pkg, path = line.rstrip("\n").split("\t")
            rows.append(dict(lang=lang, source=sid, split=split, doc=doc, words=int(words),
                             pkg=pkg, path=path))
    return rows
