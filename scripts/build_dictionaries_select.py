"""Word selection for scripts/build_dictionaries.py: which SCOWL and wordfreq
words en.tsv keeps, its serialisation, and the derived files en-attested.txt,
en-inflections.txt and en-ngrams.tsv. Kept apart from the entry script so that
the rules of what is a word read on their own; build_language_dictionaries.py
uses part of it too.
"""

from __future__ import annotations

import unicodedata

from build_dictionaries_inputs import INFLECTION_WORD_RE, MIN_WORDFREQ_ONLY_LEN, WORDNET_EXCEPTIONS, normalise

# --------------------------------------------------------------------------
# selection


def is_wordlike(w: str) -> bool:
    """Letters only, apostrophes/hyphens only between letters."""
    if not w or not w[0].isalpha() or not w[-1].isalpha():
        return False
    prev_sep = False
    for ch in w:
        if ch.isalpha():
            prev_sep = False
        elif ch in "'-" and not prev_sep:
            prev_sep = True
        else:
            return False
    return True


def apostrophe_variant_in(w: str, known: set[str]) -> str | None:
    for k in range(1, len(w) + 1):
        v = w[:k] + "'" + w[k:]
        if v in known:
            return v
    return None


def build(scowl_entries, scowl_raw_lower, freq, min_freq):
    stats: dict[str, int] = {}
    out: dict[str, int] = {}
    dropped_possessive = 0
    for w in scowl_entries:
        if w.endswith("'s"):
            dropped_possessive += 1
            continue
        out[w] = freq.get(w.lower(), 0)
    stats["scowl_entries"] = len(scowl_entries)
    stats["scowl_possessives_dropped"] = dropped_possessive
    stats["scowl_kept"] = len(out)
    stats["scowl_kept_with_freq"] = sum(1 for v in out.values() if v > 0)

    reasons = {"below_threshold": 0, "not_wordlike": 0, "too_short": 0,
               "possessive": 0, "apostrophe_variant": 0}
    added: list[tuple[str, int]] = []
    rejected_variants: list[tuple[str, str, int]] = []
    for w, f in freq.items():
        if w in scowl_raw_lower:
            continue
        if f < min_freq:
            reasons["below_threshold"] += 1
            continue
        if not is_wordlike(w):
            reasons["not_wordlike"] += 1
            continue
        if w.endswith("'s"):
            reasons["possessive"] += 1
            continue
        v = apostrophe_variant_in(w, scowl_raw_lower)
        if v is not None:
            reasons["apostrophe_variant"] += 1
            rejected_variants.append((w, v, f))
            continue
        if len(w) < MIN_WORDFREQ_ONLY_LEN:
            reasons["too_short"] += 1
            continue
        added.append((w, f))
    for w, f in added:
        out.setdefault(w, f)
    stats["wordfreq_words"] = len(freq)
    stats["wordfreq_only_added"] = len(added)
    for k, v in reasons.items():
        stats["wordfreq_only_rejected_" + k] = v
    stats["total"] = len(out)
    return out, stats, sorted(added, key=lambda x: (-x[1], x[0])), \
        sorted(rejected_variants, key=lambda x: (-x[2], x[0]))


def serialise(entries: dict[str, int]) -> bytes:
    lines = []
    for w in sorted(entries, key=lambda s: s.encode("utf-8")):
        assert "\t" not in w and "\n" not in w and w == unicodedata.normalize("NFC", w)
        lines.append(f"{w}\t{entries[w]}\n")
    return "".join(lines).encode("utf-8")




# Attested forms: words wordfreq has seen in real text (any frequency it
# lists, i.e. >= 10 per billion) that en.tsv does not accept as valid:
# archaic and variant spellings (surprize, despatch), rare derivations
# (sublicense, flatteries), names. textmend does not correct to them, but
# treats them as unlikely corruptions: spinner damage (attfinish,
# counattempt) is not something people write.
ATTESTED_MIN_CHARS = 3


def attested_words(entries, freq) -> bytes:
    """Lowercase alphabetic wordfreq words of >= 3 characters, not in
    en.tsv (compared case-insensitively), sorted by bytes, one per line."""
    known = {normalise(w).lower() for w in entries}
    words = sorted((w for w in freq
                    if normalise(w) == w and w.isalpha() and w == w.lower()
                    and len(w) >= ATTESTED_MIN_CHARS and w not in known),
                   key=lambda w: w.encode())
    return "".join(w + "\n" for w in words).encode("utf-8")


# Irregular inflections: textmend uses these pairs to map whole-word spinner
# swaps between word forms (told <-> tell, said <-> say).


def inflections(exceptions: dict[str, str], entries) -> tuple[bytes, dict[str, int]]:
    """`form lemma pos` lines from WordNet's exception lists (see the module
    docstring); returns the file and counts for the README."""
    known = set(entries)
    lines: set[str] = set()
    stats = {"exc_lines": 0}
    for part, pos in WORDNET_EXCEPTIONS:
        for line in exceptions[part].split("\n"):
            fields = line.split()
            if not fields:
                continue
            stats["exc_lines"] += 1
            form, lemmas = fields[0], fields[1:]
            for lemma in lemmas:
                if (form != lemma and INFLECTION_WORD_RE.fullmatch(form)
                        and INFLECTION_WORD_RE.fullmatch(lemma)
                        and form in known and lemma in known):
                    lines.add(f"{form} {lemma} {pos}")
    ordered = sorted(lines, key=lambda s: s.encode("utf-8"))
    for _, pos in WORDNET_EXCEPTIONS:
        stats["pos_" + pos] = sum(1 for s in ordered if s.endswith(" " + pos))
    stats["forms"] = len({s.split()[0] for s in ordered})
    stats["lemmas"] = len({s.split()[1] for s in ordered})
    return "".join(s + "\n" for s in ordered).encode("utf-8"), stats


# Word and word-pair counts: when a whole word looks swapped, textmend asks
# whether the suspected original fits its neighbours better than the word in
# the text does.


def ngrams(unigram_data: bytes, bigram_data: bytes, entries) -> tuple[bytes, dict[str, int]]:
    """`key<TAB>count` lines from symspellpy's unigram and bigram lists (see
    the module docstring); returns the file and counts for the README."""
    known = set(entries)
    counts: dict[str, int] = {}
    stats = {"unigram_lines": 0, "unigram_kept": 0, "bigram_lines": 0, "bigram_kept": 0,
             "malformed": 0}
    for data, width, name in ((unigram_data, 2, "unigram"), (bigram_data, 3, "bigram")):
        for line in data.decode("utf-8").split("\n"):
            fields = line.split()
            if not fields:
                continue
            stats[name + "_lines"] += 1
            if len(fields) != width:
                stats["malformed"] += 1
                continue
            words = fields[:-1]
            if all(w in known for w in words):
                stats[name + "_kept"] += 1
                key = " ".join(words)
                counts[key] = max(counts.get(key, 0), int(fields[-1]))
    keys = sorted(counts, key=lambda s: s.encode("utf-8"))
    stats["keys"] = len(keys)
    stats["bigram_keys"] = sum(1 for k in keys if " " in k)
    stats["unigram_keys"] = stats["keys"] - stats["bigram_keys"]
    return "".join(f"{k}\t{counts[k]}\n" for k in keys).encode("utf-8"), stats

