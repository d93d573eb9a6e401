//! Thesaurus: "are these two words related in meaning?"
//!
//! An article spinner swaps words for synonyms, so a learned substitution
//! whose sides are synonyms (or one is the other's broader term, as `buy` and
//! `purchase`) is more likely a spinner's rule than a coincidence. This is a
//! prior for **learn**, never a source of rules: no substitution is made
//! because the thesaurus lists it. The data is WordNet's synsets with their
//! hypernyms, compiled by `build.rs` into an FST set of `word \0 group` keys.
//!
//! German, French, Spanish, Italian and Portuguese have embedded thesauri
//! too (`dictionaries/<lang>-thesaurus.txt`): Spanish, Italian and
//! Portuguese synsets from MultiWordNet, narrow like WordNet's; German and
//! French equivalents from Wiktionary's definitions, **broad** (a
//! definition also names broader terms and old senses). Dutch has none.
//! A user may add one at run time: a MyThes file
//! (`/usr/share/mythes/th_fr_FR_v2.dat` from Debian's `mythes-fr`), each of
//! whose meaning lines is one group, broad too. The user's file *adds* to
//! the embedded one ([`Thesaurus::with`]): two words are related when either
//! relates them, narrowly when a narrow one does (measured in
//! `benches/recall.md`: replacing WordNet by an English MyThes file took
//! English recall from 0.44 to 0.12).

use std::borrow::Cow;
use std::path::Path;

use fst::{IntoStreamer, Set, Streamer};

use crate::error::{Error, Result};
use crate::knowledge::language::Language;

/// How a thesaurus compiled by [`Thesaurus::to_bytes`] starts (then one
/// byte, 1 for a broad thesaurus, then the FST set).
const COMPILED_MAGIC: &[u8] = b"textmend thesaurus 1\n";

/// The key byte after the word for groups of related words.
const RELATED: u8 = 0;
/// The key byte after the word for sibling groups.
const SIBLINGS: u8 = 1;
/// The first byte of the keys `MEMBERS group word` that list the words of a
/// group of related words (no word starts with it).
const MEMBERS: u8 = 2;

/// At most this many relatives of one word are listed: a word in many
/// broad groups (`set`, `run`) relates to thousands, and a spinner's choice
/// among them says little.
const MAX_RELATIVES: usize = 5_000;

/// Groups of related words, from one or more sources.
#[derive(Clone)]
pub(crate) struct Thesaurus {
    layers: Vec<Layer>,
}

/// One source of groups.
#[derive(Clone)]
struct Layer {
    groups: Set<Cow<'static, [u8]>>,
    /// Whether its groups are broad lists of related words (MyThes,
    /// definitions) rather than synsets: `pile` and `batte` share a French
    /// meaning line.
    broad: bool,
}

/// How two words are related, if at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    /// A narrow source (a wordnet) has them in one group.
    Narrow,
    /// Only a broad source (MyThes, definitions) has them in one group.
    Broad,
}

impl Thesaurus {
    /// The embedded English thesaurus.
    pub(crate) fn english() -> Result<Thesaurus> {
        Thesaurus::embedded(textmend_dict::english().thesaurus, false)
    }

    /// The embedded thesaurus of `language`, or one that relates nothing
    /// (Dutch; a language whose feature is off). German and French are
    /// broad: their groups come from dictionary definitions.
    pub(crate) fn for_language(language: Language) -> Result<Thesaurus> {
        if language == Language::English {
            return Thesaurus::english();
        }
        match textmend_dict::thesaurus(language.code()) {
            Some(bytes) => Thesaurus::embedded(
                bytes,
                matches!(language, Language::German | Language::French),
            ),
            None => Ok(Thesaurus::empty()),
        }
    }

    fn embedded(bytes: &'static [u8], broad: bool) -> Result<Thesaurus> {
        let groups =
            Set::new(Cow::Borrowed(bytes)).map_err(|e| Error::Dictionary(e.to_string()))?;
        Ok(Thesaurus {
            layers: vec![Layer { groups, broad }],
        })
    }

    /// This thesaurus and `other` together: two words are related when
    /// either relates them.
    pub(crate) fn with(mut self, other: &Thesaurus) -> Thesaurus {
        self.layers.extend(other.layers.iter().cloned());
        self
    }

    /// A thesaurus in the MyThes format (`.dat`): a first line naming the
    /// encoding (`UTF-8` or `ISO8859-1`), then entries of a `word|n` line
    /// followed by `n` meaning lines `(part of speech)|synonym|synonym…`.
    /// Each meaning line, with its entry's word, is one group of related
    /// words; phrases and notes such as `(ugs.)` are left out. `path` names
    /// the file in errors.
    pub(crate) fn from_mythes(bytes: &[u8], path: &Path) -> Result<Thesaurus> {
        let syntax = |line: usize, message: String| Error::ListSyntax {
            path: path.to_path_buf(),
            line,
            message,
        };
        if let Some(compiled) = bytes.strip_prefix(COMPILED_MAGIC) {
            let (&broad, set) = compiled
                .split_first()
                .ok_or_else(|| syntax(1, "a compiled thesaurus cut short".into()))?;
            let groups = Set::new(Cow::Owned(set.to_vec()))
                .map_err(|e| syntax(1, format!("a damaged compiled thesaurus: {e}")))?;
            // Cut short or damaged past its header: its checksum tells,
            // before a lookup would read past the end.
            groups.as_fst().verify().map_err(|_| {
                syntax(
                    1,
                    "a damaged compiled thesaurus: cut short or changed (its checksum does not \
                     match); compile it again with `textmend dict build --thesaurus`"
                        .into(),
                )
            })?;
            return Ok(Thesaurus {
                layers: vec![Layer {
                    groups,
                    broad: broad == 1,
                }],
            });
        }
        // A compiled thesaurus cut within its header, or of another
        // version, is no MyThes file with a strange encoding.
        if bytes.starts_with(b"textmend thesaurus")
            || (bytes.len() >= 8 && COMPILED_MAGIC.starts_with(bytes))
        {
            let what = if COMPILED_MAGIC.starts_with(bytes) {
                "a compiled thesaurus cut short within its header"
            } else {
                "a compiled thesaurus of another version of textmend"
            };
            return Err(syntax(
                1,
                format!("{what}; compile it again with `textmend dict build --thesaurus`"),
            ));
        }
        let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        let encoding = String::from_utf8_lossy(first).trim().to_ascii_uppercase();
        let text: String = match encoding.as_str() {
            "UTF-8" | "UTF8" => std::str::from_utf8(bytes)
                .map_err(|e| syntax(1, format!("not valid UTF-8: {e}")))?
                .to_string(),
            "ISO8859-1" | "ISO-8859-1" | "ISO8859-15" | "ISO-8859-15" => {
                bytes.iter().map(|&b| char::from(b)).collect()
            }
            other => {
                let shown: String = other.chars().take(40).collect();
                let cut = if shown.len() < other.len() { "…" } else { "" };
                return Err(syntax(
                    1,
                    format!(
                        "encoding {shown:?}{cut}: expected UTF-8 or ISO8859-1 (a MyThes .dat file)"
                    ),
                ));
            }
        };
        let mut keys: Vec<Vec<u8>> = Vec::new();
        let mut group: u32 = 0;
        let mut lines = text.lines().enumerate().skip(1);
        while let Some((n, line)) = lines.next() {
            let Some((word, count)) = line.rsplit_once('|') else {
                continue;
            };
            let count: usize = count.trim().parse().map_err(|_| {
                syntax(
                    n + 1,
                    format!("{line:?}: expected an entry line `word|count`"),
                )
            })?;
            for _ in 0..count {
                let Some((_, meaning)) = lines.next() else {
                    return Err(syntax(
                        n + 1,
                        format!("{word:?}: fewer meaning lines than {count}"),
                    ));
                };
                let words: Vec<String> = std::iter::once(word)
                    .chain(meaning.split('|').skip(1))
                    .filter_map(single_word)
                    .collect();
                if words.len() < 2 {
                    continue;
                }
                for w in words {
                    let mut member = vec![MEMBERS];
                    member.extend(group.to_be_bytes());
                    member.extend(w.as_bytes());
                    keys.push(member);
                    let mut key = w.into_bytes();
                    key.push(RELATED);
                    key.extend(group.to_be_bytes());
                    keys.push(key);
                }
                group += 1;
            }
        }
        if group == 0 {
            return Err(syntax(
                1,
                "no groups of synonyms: not a MyThes .dat file".into(),
            ));
        }
        keys.sort_unstable();
        keys.dedup();
        let groups = Set::from_iter(keys).map_err(|e| Error::Dictionary(e.to_string()))?;
        Ok(Thesaurus {
            layers: vec![Layer {
                groups: Set::from(
                    groups
                        .into_fst()
                        .map_data(Cow::Owned)
                        .map_err(|e| Error::Dictionary(e.to_string()))?,
                ),
                broad: true,
            }],
        })
    }

    /// The thesaurus in the compiled form that [`Thesaurus::from_mythes`]
    /// also reads, without parsing: a German MyThes file takes a second to
    /// parse, its compiled form milliseconds to load. Only the first
    /// source is written (a thesaurus read from one file has one).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let (set, broad) = self.layers.first().map_or((&[][..], false), |l| {
            (l.groups.as_fst().as_bytes(), l.broad)
        });
        let mut bytes = COMPILED_MAGIC.to_vec();
        bytes.push(u8::from(broad));
        bytes.extend_from_slice(set);
        bytes
    }

    /// A thesaurus that relates nothing, for languages without one.
    pub(crate) fn empty() -> Thesaurus {
        Thesaurus { layers: Vec::new() }
    }

    /// Whether `a` and `b` are synonyms, or one is the other's broader term
    /// (lowercase words), and how: narrowly when a narrow source relates
    /// them, else broadly. A broad relation is only a hint: it lowers the
    /// support a rule needs, but makes one word enough only with more
    /// evidence (see **learn**).
    pub(crate) fn relation(&self, a: &str, b: &str) -> Option<Relation> {
        self.relation_and_siblings(a, b).0
    }

    /// [`Thesaurus::relation`], and whether `a` and `b` are siblings: fall
    /// under one broader term (`tell` and `notify` under "inform"), a
    /// weaker relation. Learning asks both of every candidate rule, so
    /// each word's keys are found once per source for both.
    pub(crate) fn relation_and_siblings(&self, a: &str, b: &str) -> (Option<Relation>, bool) {
        // A word is not its own synonym.
        if a == b {
            return (None, false);
        }
        let (mut narrow, mut broad, mut siblings) = (false, false, false);
        for layer in &self.layers {
            let fst = layer.groups.as_fst();
            let (Some(na), Some(nb)) = (word_node(fst, a), word_node(fst, b)) else {
                continue;
            };
            if share_kind(fst, na, nb, RELATED) {
                if layer.broad {
                    broad = true;
                } else {
                    narrow = true;
                }
            }
            siblings |= share_kind(fst, na, nb, SIBLINGS);
        }
        let relation = match (narrow, broad) {
            (true, _) => Some(Relation::Narrow),
            (false, true) => Some(Relation::Broad),
            (false, false) => None,
        };
        (relation, siblings)
    }

    /// Whether `a` and `b` are related at all ([`Thesaurus::relation`]).
    pub(crate) fn are_related(&self, a: &str, b: &str) -> bool {
        self.relation(a, b).is_some()
    }

    /// The words that share a group of related words with `word` (lowercase),
    /// without `word` itself, sorted and unique; at most [`MAX_RELATIVES`].
    /// A thesaurus compiled before group members were recorded lists none.
    pub(crate) fn relatives(&self, word: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for layer in &self.layers {
            for group in groups_of(&layer.groups, word, RELATED) {
                let mut lo = vec![MEMBERS];
                lo.extend(group);
                let mut hi = lo.clone();
                hi.push(0xFF);
                let mut stream = layer.groups.range().ge(&lo).lt(&hi).into_stream();
                while let Some(key) = stream.next() {
                    if let Ok(member) = std::str::from_utf8(&key[lo.len()..]) {
                        if member != word {
                            found.push(member.to_string());
                        }
                    }
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found.truncate(MAX_RELATIVES);
        found
    }
}

/// The node below the key bytes of `word`, where its kinds of groups
/// start.
fn word_node<'f>(
    fst: &'f fst::raw::Fst<Cow<'static, [u8]>>,
    word: &str,
) -> Option<fst::raw::Node<'f>> {
    let mut node = fst.root();
    for &b in word.as_bytes() {
        let i = node.find_input(b)?;
        node = fst.node(node.transition(i).addr);
    }
    Some(node)
}

/// Whether the words at `a` and `b` ([`word_node`]) share a group of
/// `kind`: their subtrees of group numbers are walked side by side, down
/// the bytes they share, so that nothing is listed and the walk stops at
/// the first common group (learning asks this of every candidate rule, and
/// an everyday word is in hundreds of groups).
fn share_kind(
    fst: &fst::raw::Fst<Cow<'static, [u8]>>,
    a: fst::raw::Node<'_>,
    b: fst::raw::Node<'_>,
    kind: u8,
) -> bool {
    match (kind_node(fst, a, kind), kind_node(fst, b, kind)) {
        (Some(ka), Some(kb)) => share_below(fst, ka, kb, 0),
        _ => false,
    }
}

/// The node below a word's node ([`word_node`]) where its group numbers of
/// `kind` start.
fn kind_node<'f>(
    fst: &'f fst::raw::Fst<Cow<'static, [u8]>>,
    word: fst::raw::Node<'f>,
    kind: u8,
) -> Option<fst::raw::Node<'f>> {
    let i = word.find_input(kind)?;
    Some(fst.node(word.transition(i).addr))
}

/// Whether a four-byte group number lies below both `a` and `b`
/// (`depth` bytes of it read).
fn share_below(
    fst: &fst::raw::Fst<Cow<'static, [u8]>>,
    a: fst::raw::Node<'_>,
    b: fst::raw::Node<'_>,
    depth: usize,
) -> bool {
    if depth == 4 {
        return a.is_final() && b.is_final();
    }
    let (few, many) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    few.transitions().any(|t| {
        many.find_input(t.inp).is_some_and(|i| {
            let other = many.transition(i).addr;
            share_below(fst, fst.node(t.addr), fst.node(other), depth + 1)
        })
    })
}

/// The numbers of the groups of one kind that hold `word`, ascending: the
/// keys `word·kind·id` of the set, read by walking its FST's nodes.
fn groups_of(groups: &Set<Cow<'static, [u8]>>, word: &str, kind: u8) -> Vec<[u8; 4]> {
    let fst = groups.as_fst();
    let Some(node) = word_node(fst, word).and_then(|node| kind_node(fst, node, kind)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut id = [0u8; 4];
    ids_below(fst, node, 0, &mut id, &mut found);
    found
}

/// The four-byte keys below `node` (`depth` bytes of `id` read), in order.
fn ids_below(
    fst: &fst::raw::Fst<Cow<'static, [u8]>>,
    node: fst::raw::Node<'_>,
    depth: usize,
    id: &mut [u8; 4],
    found: &mut Vec<[u8; 4]>,
) {
    if depth == 4 {
        if node.is_final() {
            found.push(*id);
        }
        return;
    }
    for t in node.transitions() {
        id[depth] = t.inp;
        ids_below(fst, fst.node(t.addr), depth + 1, id, found);
    }
}

/// One word of a MyThes meaning line, lowercased and without its notes
/// (`gucken (ugs.)` → `gucken`); none for phrases and fragments.
fn single_word(item: &str) -> Option<String> {
    let word = match item.find('(') {
        Some(at) => &item[..at],
        None => item,
    }
    .trim();
    (word.chars().count() >= 2 && word.chars().all(char::is_alphabetic))
        .then(|| word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relates_synonyms_and_broader_terms_only() {
        let thesaurus = Thesaurus::english().unwrap();
        for (a, b, related) in [
            ("attempt", "try", true),
            ("use", "utilize", true),
            ("purchase", "buy", true),
            ("end", "finish", true),
            ("purchase", "play", false),
            ("utilize", "used", false),
            ("end", "end", false),
            ("qqq", "end", false),
        ] {
            assert_eq!(thesaurus.are_related(a, b), related, "{a} {b}");
            assert_eq!(thesaurus.are_related(b, a), related, "{b} {a}");
        }
    }

    #[test]
    fn reads_mythes_files_in_either_encoding() {
        let path = Path::new("th.dat");
        let utf8 = "UTF-8\ngrand|2\n(Adjectif)|vaste|énorme (fam.)\n(Nom)|grand homme|géant\nvide|1\n(Adj)|creux\n";
        let thesaurus = Thesaurus::from_mythes(utf8.as_bytes(), path).unwrap();
        assert_eq!(thesaurus.relation("grand", "vaste"), Some(Relation::Broad));
        for (a, b, related) in [
            ("grand", "vaste", true),
            ("vaste", "énorme", true),
            ("grand", "géant", true),
            // Meaning lines are groups of their own.
            ("vaste", "géant", false),
            ("grand homme", "géant", false),
            ("vide", "creux", true),
            ("vide", "grand", false),
        ] {
            assert_eq!(thesaurus.are_related(a, b), related, "{a} {b}");
        }
        // The compiled form reads back as the same thesaurus.
        let compiled = Thesaurus::from_mythes(&thesaurus.to_bytes(), path).unwrap();
        assert_eq!(compiled.relation("grand", "vaste"), Some(Relation::Broad));
        assert!(compiled.are_related("grand", "vaste") && !compiled.are_related("vaste", "géant"));
        let latin1: Vec<u8> = b"ISO8859-1\nca\xf1a|1\n-|Junco|Ca\xf1izo\n".to_vec();
        let thesaurus = Thesaurus::from_mythes(&latin1, path).unwrap();
        assert!(thesaurus.are_related("caña", "cañizo"));
        assert!(thesaurus.are_related("junco", "caña"));
    }

    #[test]
    fn bad_mythes_files_are_errors_with_a_line() {
        let path = Path::new("th.dat");
        for (bytes, message) in [
            (&b"KOI8-R\nx|1\n-|y\n"[..], "th.dat:1: encoding \"KOI8-R\""),
            (
                b"UTF-8\ngrand|3\n(Adj)|vaste\n",
                "th.dat:2: \"grand\": fewer meaning lines than 3",
            ),
            (
                b"UTF-8\ngrand|x\n",
                "th.dat:2: \"grand|x\": expected an entry line",
            ),
            (b"UTF-8\n", "no groups of synonyms"),
            (b"UTF-8\n\xff|1\n", "th.dat:1: not valid UTF-8"),
            (COMPILED_MAGIC, "th.dat:1: a compiled thesaurus cut short"),
            (
                &COMPILED_MAGIC[..12],
                "th.dat:1: a compiled thesaurus cut short within its header",
            ),
            (
                b"textmend thesaurus 9\n\x01",
                "th.dat:1: a compiled thesaurus of another version",
            ),
            (
                b"textmend thesaurus 1\n\x01garbage",
                "th.dat:1: a damaged compiled thesaurus",
            ),
            (
                "Ein langer erster Satz, der keine Kodierung nennt und weitergeht.".as_bytes(),
                "encoding \"EIN LANGER ERSTER SATZ, DER KEINE KODIER\"…: expected",
            ),
        ] {
            let Err(e) = Thesaurus::from_mythes(bytes, path) else {
                panic!("{message}: no error");
            };
            assert!(e.to_string().contains(message), "{e}");
        }
    }

    #[test]
    fn a_compiled_thesaurus_cut_anywhere_is_an_error() {
        let path = Path::new("th.bin");
        let mythes = b"UTF-8\ngrand|1\n(Adj)|vaste|immense\npetit|1\n(Adj)|menu|minuscule\n";
        let compiled = Thesaurus::from_mythes(mythes, path).unwrap().to_bytes();
        assert!(Thesaurus::from_mythes(&compiled, path).is_ok());
        for cut in 8..compiled.len() {
            let Err(e) = Thesaurus::from_mythes(&compiled[..cut], path) else {
                panic!("cut at {cut} of {} accepted", compiled.len());
            };
            let e = e.to_string();
            assert!(
                e.starts_with("th.bin:1: a ") && e.contains("compiled thesaurus"),
                "{e}"
            );
        }
        let mut changed = compiled.clone();
        let last = changed.len() - 10;
        changed[last] ^= 0x55;
        assert!(Thesaurus::from_mythes(&changed, path).is_err());
    }

    #[test]
    fn a_users_thesaurus_adds_to_the_embedded_one() {
        // A broad MyThes line relating `light` and `easy` adds a broad
        // relation; WordNet's narrow ones stay narrow.
        let user = "UTF-8\nlight|1\n(adj)|easy|facile\n".as_bytes();
        let user = Thesaurus::from_mythes(user, Path::new("th.dat")).unwrap();
        let merged = Thesaurus::english().unwrap().with(&user);
        assert_eq!(merged.relation("attempt", "try"), Some(Relation::Narrow));
        assert_eq!(merged.relation("light", "facile"), Some(Relation::Broad));
        assert_eq!(merged.relation("purchase", "play"), None);
        assert!(merged.relatives("facile").contains(&"light".to_string()));
    }

    #[test]
    fn every_language_but_dutch_has_an_embedded_thesaurus() {
        for (language, a, b) in [
            (Language::Spanish, "casa", "vivienda"),
            (Language::Italian, "casa", "abitazione"),
            (Language::Portuguese, "casa", "habitação"),
        ] {
            let thesaurus = Thesaurus::for_language(language).unwrap();
            assert_eq!(thesaurus.relation(a, b), Some(Relation::Narrow), "{a} {b}");
            assert!(thesaurus.relatives(a).contains(&b.to_string()), "{a} {b}");
        }
        for language in [Language::German, Language::French] {
            let thesaurus = Thesaurus::for_language(language).unwrap();
            assert!(thesaurus.layers.iter().all(|l| l.broad), "{language}");
        }
        let dutch = Thesaurus::for_language(Language::Dutch).unwrap();
        assert!(dutch.relatives("huis").is_empty());
    }

    #[test]
    fn siblings_share_a_broader_term() {
        let thesaurus = Thesaurus::english().unwrap();
        assert_eq!(
            thesaurus.relation_and_siblings("notify", "tell"),
            (None, true)
        );
        assert!(!thesaurus.relation_and_siblings("latter", "actor").1);
    }

    /// The side-by-side walk of two words' group numbers finds a shared
    /// group exactly when their listed groups intersect.
    #[test]
    fn the_walk_agrees_with_the_lists_of_groups() {
        let words = [
            "set",
            "put",
            "place",
            "run",
            "go",
            "move",
            "tell",
            "notify",
            "say",
            "state",
            "buy",
            "purchase",
            "get",
            "obtain",
            "end",
            "finish",
            "light",
            "easy",
            "form",
            "shape",
            "house",
            "home",
            "man",
            "human",
            "see",
            "look",
            "know",
            "interface",
            "port",
        ];
        for language in [Language::English, Language::Spanish, Language::German] {
            let thesaurus = Thesaurus::for_language(language).unwrap();
            let listed = |a: &str, b: &str, kind: u8, broad: bool| {
                thesaurus
                    .layers
                    .iter()
                    .filter(|l| l.broad == broad)
                    .any(|l| {
                        let (ga, gb) =
                            (groups_of(&l.groups, a, kind), groups_of(&l.groups, b, kind));
                        a != b && ga.iter().any(|g| gb.contains(g))
                    })
            };
            let mut related = 0;
            for a in words {
                for b in words {
                    let relation = if listed(a, b, RELATED, false) {
                        Some(Relation::Narrow)
                    } else if listed(a, b, RELATED, true) {
                        Some(Relation::Broad)
                    } else {
                        None
                    };
                    let siblings = listed(a, b, SIBLINGS, false) || listed(a, b, SIBLINGS, true);
                    assert_eq!(
                        thesaurus.relation_and_siblings(a, b),
                        (relation, siblings),
                        "{language} {a} {b}"
                    );
                    related += usize::from(relation.is_some());
                }
            }
            if language == Language::English {
                assert!(related > 20, "{related}");
            }
        }
    }
}
