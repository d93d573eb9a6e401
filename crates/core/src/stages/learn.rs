//! Learn: the explanations of every suspect in a text (or a batch) in, an
//! accepted [`RuleSet`] out.
//!
//! One suspect alone proves nothing — `attfinish` might be `attach` or
//! `attire` — but a spinner or a scanner damages many words the same way, so
//! the true substitution is the one that explains many suspects at once. Each
//! candidate rule `x → y` is scored on:
//!
//! * **support**: distinct restored words it explains (by word, not by
//!   token: `buyer` and `buyers` are one piece of evidence);
//! * **the word-swap prior**: `x` and `y` both words is how a spinner works,
//!   and more so when the thesaurus relates them (`purchase`, `buy`);
//! * **the global-replacement signature**: a spinner replaces every `y`, so a
//!   true rule's `y` no longer occurs in the text, except inside the `x` that
//!   replaced it. An accidental rule's `y` is usually all over the text.
//!
//! Rules compete for suspects: the strongest rule claims its suspects first
//! (every suspect it turns into a word, with any context), and a weaker rule
//! is accepted only if it explains a suspect no accepted rule explains.
//! Suspects written like names, attested rare forms and prefixed derivations
//! give no evidence, and compounds only for thesaurus-backed rules ("learn
//! strictly"); see [`Evidence`]. Learn does not touch the text; **rewrite**
//! does.

use std::cmp::Ordering;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};

use compact_str::CompactString;
use memchr::memmem;

use crate::formats::rules::{Rule, RuleKind, RuleSet};
use crate::formats::stats::TextView;
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::{expected_count, Anchor, Lexicon};
use crate::knowledge::morphology::is_built_on;
use crate::knowledge::thesaurus::{Relation, Thesaurus};
use crate::stages::detect::{evidence, Evidence, SuspectType};
use crate::stages::explain::{compound_restorations, Explanation, MIN_CONTEXT_CHARS};
use crate::stages::tokenize::with_case;
use crate::stages::tokenize::Case;

mod confusions;
mod family;
mod parts;
mod short;

use family::{bases_with_ending, family, swaps_base};

pub(crate) use confusions::{is_scanned, learn_confusions, MIN_KNOWN_SUPPORT};

/// A word-swap rule needs this many distinct restored words, unless it is
/// the only clean explanation of its suspect (see [`SINGLE_FREQUENCY_RATIO`]).
/// Two is the least that is evidence of a *rule* rather than of one word.
pub(crate) const MIN_WORD_SWAP_SUPPORT: usize = 2;

/// A word swap whose sides the thesaurus does not relate, even as siblings,
/// needs more support: such pairs (`pros·ing` → `track·ing` in clean Austen)
/// arise by chance between unrelated words far more often than synonym pairs
/// do, and the more suspects a text has, the more such coincidences it holds.
const MIN_UNRELATED_SUPPORT: usize = 3;

/// A word-swap rule seen in a single word is accepted only when its restored
/// word is at least this many times more frequent than the restoration any
/// other passing single-word rule of the same standing (thesaurus-backed or
/// not) offers for the same suspect — the "one clean, unambiguous
/// explanation" of the design notes.
const SINGLE_FREQUENCY_RATIO: u64 = 20;

/// Restored words from single-word rules must be at least this frequent
/// (per billion words; 1,000 is Zipf 3, about the 30,000th English word):
/// a rare restoration of a lone suspect is more likely a coincidence.
const MIN_SINGLE_FREQUENCY: u64 = 1_000;

/// A compound of two known words (`under·remain`) alone supports a rule only
/// when it restores an everyday word (per billion; Zipf 4.3, roughly the
/// 5,000 most common words: `understand`), because a compound's second word
/// is otherwise as likely the author's choice (`under·voice`, which would
/// become the rarer `underway`).
const MIN_COMPOUND_SINGLE_FREQUENCY: u64 = 20_000;

/// Both sides of a single-word rule must be words at least this frequent
/// (per billion; Zipf 3.3): spinners swap everyday words, while rare
/// entries and rare senses (`anim`, `prise`) line up with fragments of
/// unrelated words by chance. A single-word rule that the thesaurus does not
/// relate must moreover have sides that are siblings (words under one
/// broader term, `tell` and `notify`).
const MIN_SINGLE_SIDE_FREQUENCY: u64 = 2_000;

/// Both sides of a single-word rule that the thesaurus does not back must
/// also be at least this long: three-letter words line up with fragments of
/// unrelated words by chance (`Elt·on·s` → `Elb·ow·s`).
const MIN_SINGLE_SIDE_CHARS: usize = 4;

/// A single-word rule backed by no thesaurus relation needs its restored
/// word to be expected at least this many times in the text, by its
/// frequency: then its total absence is evidence, not chance.
const MIN_EXPECTED_RESTORATIONS: f64 = 20.0;

/// ... and the suspect must occur at least this share of those expected
/// times, standing in for the missing word.
const MIN_SHARE_OF_EXPECTED: f64 = 0.25;

/// A rule whose sides only a broad thesaurus relates needs its restored
/// side to be a word the text should hold at least this many times by its
/// frequency, yet does not: French `faire` and `temps` in a 10,000-word
/// text, not `batte` (which a MyThes line relates to `pile`).
const MIN_EXPECTED_ABSENT: f64 = 1.0;

/// Outside English, a swap no thesaurus relates needs its restored side to
/// be expected at least this many times: absent by chance where two were
/// expected is a 14% chance (Poisson), where one was, 37%.
const MIN_EXPECTED_UNRELATED_ABSENT: f64 = 2.0;

/// A rule learned only from unlisted compounds and nouns (see
/// [`is_plausible`]) needs its restored side to be expected at least this
/// many times in the text by its frequency: absent where three were
/// expected is a 5% chance (Poisson), so its absence is the spinner's
/// signature rather than the author's vocabulary. Single-word readings
/// whose absence is this telling also outrank the others.
const MIN_TELLING_ABSENCE: f64 = 3.0;

/// A telling absence needs its stand-in: the whole `from` words of the
/// text must make a spinner that replaced `to` at least this much likelier
/// than none (the natural log of the likelihood ratio; 3 is the ratio of
/// 20 that an absence where three were expected gives alone). See
/// [`stands_in_for`].
const MIN_STAND_IN_EVIDENCE: f64 = 3.0;

/// How many examples each rule keeps for review.
const MAX_EXAMPLES: usize = 5;

/// Evidence gathered for one candidate rule.
struct Candidate {
    kind: RuleKind,
    /// The suspect types it explains (as indices), each with the stem of
    /// its restored word.
    types: Vec<(usize, CompactString)>,
    /// Distinct restored words (stemmed): a list, since most candidates
    /// hold one (a set's table costs more than the word).
    words: Vec<CompactString>,
    /// Those among them restored from suspects that are no unlisted
    /// compound and no unlisted German noun ([`SuspectType::is_compound_or_noun`]).
    plain_words: Vec<CompactString>,
    /// For a broad synonym, those restored from suspects with full
    /// evidence: what the pair would have without the relation.
    full_words: Vec<CompactString>,
    /// How many of them are unlisted compounds ([`add_compound_restorations`]);
    /// the dictionary lists the others.
    unlisted_words: usize,
    /// The suspect types (as indices) among those restored to listed
    /// words that are no compound of dictionary words (`Porträt·es`,
    /// `Porträt·ern` for `Bild·es`, `Bild·ern`): a spinner's swap breaks a
    /// word's inflections, an author's compounds do not.
    inflected: Vec<usize>,
    /// Suspect tokens explained.
    tokens: usize,
    /// Highest frequency among its restored words.
    best_frequency: u64,
    /// Sum of the frequencies of its distinct restored words.
    total_frequency: u64,
    /// A word swap whose sides the thesaurus calls siblings.
    siblings: bool,
    /// A synonym only a broad thesaurus relates (MyThes, definitions).
    broad: bool,
    /// All of its evidence is short-context readings (see [`short`]).
    short_only: bool,
    /// Every suspect it explains is written capitalised only and has its
    /// `from` side at the start (German nouns: `Dauer·punkt`).
    capitalised: bool,
    /// Some suspect it explains is (see `capitalised`).
    some_capitalised: bool,
    examples: Vec<(String, String)>,
}

impl Candidate {
    /// Counts explanation `e` of suspect `suspect` (the `i`th), whose
    /// evidence is `evidence`, for this candidate.
    fn count(
        &mut self,
        i: usize,
        suspect: &SuspectType,
        e: &Explanation,
        evidence: Evidence,
        lexicon: &Lexicon,
        unlisted: bool,
    ) {
        let (from, to) = (e.from(&suspect.key), e.to());
        let capitalised =
            !suspect.lowercase && suspect.key.starts_with(from) && e.restored.starts_with(to);
        self.capitalised &= capitalised;
        self.some_capitalised |= capitalised;
        self.short_only &= e.context < MIN_CONTEXT_CHARS;
        // The weakest prior counts words strictly (see `family`).
        let strict = self.kind == RuleKind::WordSwap && !self.siblings;
        let stemmed = family(&suspect.key, e, lexicon, strict);
        push_sparingly(&mut self.types, (i, stemmed.clone()));
        self.tokens += suspect.occurrences.len();
        self.best_frequency = self.best_frequency.max(e.frequency);
        if !suspect.is_compound_or_noun() {
            insert_new(&mut self.plain_words, stemmed.clone());
        }
        if self.broad && evidence == Evidence::Full && lexicon.language() != Language::English {
            // Counted as a swap no thesaurus relates counts its words.
            insert_new(&mut self.full_words, family(&suspect.key, e, lexicon, true));
        }
        if !unlisted
            && !suspect.is_closed_compound
            && lexicon.language().has_compounds()
            && !self.inflected.contains(&i)
        {
            push_sparingly(&mut self.inflected, i);
        }
        if insert_new(&mut self.words, stemmed) {
            self.unlisted_words += usize::from(unlisted);
            self.total_frequency += e.frequency;
            if self.examples.len() < MAX_EXAMPLES {
                push_sparingly(
                    &mut self.examples,
                    (suspect.key.clone(), e.restored.to_string()),
                );
            }
        }
    }

    /// Its distinct restored words that the dictionary lists.
    fn listed_words(&self) -> usize {
        self.words.len() - self.unlisted_words
    }

    /// The order of magnitude of how common its restorations are. Between
    /// rules with equal support, restoring everyday words (`high·ly`) beats
    /// restoring rare ones (`weird·ly`), whatever the thesaurus says; small
    /// differences in frequency decide nothing.
    fn plausibility(&self) -> u32 {
        self.total_frequency.max(1).ilog10()
    }

    /// The rule's sides as the spinner's signature is checked for them: a
    /// spinner replaces case-sensitively, so a swap seen only at the start of
    /// capitalised words (`Zeit` → `Dauer` in German nouns) leaves the
    /// lowercase side inside other words (`Lauf·zeit`) alone.
    fn signature(&self, from: &str, to: &str) -> (String, String) {
        if self.capitalised {
            (with_case(from, Case::Title), with_case(to, Case::Title))
        } else {
            (from.to_string(), to.to_string())
        }
    }

    /// The capitalised signature a rule also needs when only some of its
    /// suspects are capitalised ones: a case-sensitive spinner made those
    /// with a capitalised pair of its own (`Kunst·pädagogik` needs
    /// `Theater` → `Kunst`, `Tanz·kunst` needs `theater` → `kunst`), so
    /// the text must lack the capitalised `to` as well.
    fn capitalised_signature(&self, from: &str, to: &str) -> Option<(String, String)> {
        (self.some_capitalised && !self.capitalised)
            .then(|| (with_case(from, Case::Title), with_case(to, Case::Title)))
    }

    /// Distinct words needed to accept the rule without the single-word
    /// checks: the weaker the prior, the more words.
    fn min_support(&self) -> usize {
        match self.kind {
            RuleKind::Synonym => MIN_WORD_SWAP_SUPPORT,
            RuleKind::WordSwap if self.siblings => MIN_WORD_SWAP_SUPPORT,
            RuleKind::WordSwap | RuleKind::Glyph | RuleKind::Substring | RuleKind::WholeWord => {
                MIN_UNRELATED_SUPPORT
            }
        }
    }
}

/// Learns the rules that explain the suspects of `text`.
///
/// `explanations[i]` are the explanations of `suspects[i]`.
pub(crate) fn learn(
    text: &dyn TextView,
    suspects: &[SuspectType],
    explanations: &[impl AsRef<[Explanation]>],
    lexicon: &Lexicon,
    thesaurus: &Thesaurus,
) -> RuleSet {
    let words = text.words();
    // Keyed by the explanations' own strings, which outlive learning: a
    // text's explanations name a few thousand pairs hundreds of thousands
    // of times.
    let mut candidates: BTreeMap<(&str, &str), Candidate> = BTreeMap::new();
    // Pairs the thesaurus does not relate, seen only as evidence that
    // counts for synonyms alone.
    let mut unrelated: HashSet<(&str, &str)> = HashSet::new();
    for (i, (suspect, found)) in suspects.iter().zip(explanations).enumerate() {
        let evidence = evidence(suspect);
        if evidence == Evidence::None {
            continue;
        }
        let bases = bases_with_ending(&suspect.key, lexicon);
        for e in found.as_ref() {
            if !bases.is_empty() && !swaps_base(&suspect.key, e, &bases) {
                continue;
            }
            let key = (e.from(&suspect.key), e.to());
            if evidence == Evidence::SynonymsOnly && unrelated.contains(&key) {
                continue;
            }
            let c = match candidates.entry(key) {
                Entry::Occupied(entry) => entry.into_mut(),
                Entry::Vacant(entry) => {
                    let (relation, siblings) = thesaurus.relation_and_siblings(key.0, key.1);
                    let kind = if relation.is_some() {
                        RuleKind::Synonym
                    } else {
                        RuleKind::WordSwap
                    };
                    if evidence == Evidence::SynonymsOnly && kind != RuleKind::Synonym {
                        // No candidate for evidence that cannot count: a
                        // long German text holds hundreds of thousands.
                        unrelated.insert(entry.into_key());
                        continue;
                    }
                    let siblings = kind == RuleKind::WordSwap && siblings;
                    entry.insert(Candidate {
                        kind,
                        types: Vec::new(),
                        words: Vec::new(),
                        plain_words: Vec::new(),
                        full_words: Vec::new(),
                        unlisted_words: 0,
                        inflected: Vec::new(),
                        tokens: 0,
                        best_frequency: 0,
                        total_frequency: 0,
                        siblings,
                        broad: relation == Some(Relation::Broad),
                        short_only: true,
                        capitalised: true,
                        some_capitalised: false,
                        examples: Vec::new(),
                    })
                }
            };
            // Evidence that counts for synonyms alone, on a candidate a
            // suspect with full evidence made.
            if evidence == Evidence::SynonymsOnly && c.kind != RuleKind::Synonym {
                continue;
            }
            c.count(i, suspect, e, evidence, lexicon, false);
        }
    }
    if lexicon.language().has_compounds() {
        add_compound_restorations(&mut candidates, suspects, lexicon);
    }

    let views: Vec<short::ShortView> = candidates
        .iter()
        .map(|((from, to), c)| short::ShortView {
            from,
            to,
            short: c.short_only,
            types: c.types.iter().map(|(t, _)| *t).collect(),
            words: c.words.len(),
        })
        .collect();
    let tied = short::tied_short_readings(&views, text);
    drop(views);
    let parts = parts::Parts::new(suspects);
    // Per `from` side: the most words any of its candidates explains, and
    // how many candidates explain that many; the same for the words whose
    // restoration the dictionary lists, where unlisted compounds are
    // restored.
    let most = most_per_from(
        candidates
            .iter()
            .map(|((from, _), c)| (*from, c.words.len())),
    );
    let compounds = lexicon.language().has_compounds();
    let most_listed = most_per_from(
        candidates
            .iter()
            .filter(|_| compounds)
            .map(|((from, _), c)| (*from, c.listed_words())),
    );
    let mut ranked: Vec<((&str, &str), Candidate)> = candidates
        .into_iter()
        .enumerate()
        .filter(|(k, _)| !tied.contains(k))
        .map(|(_, candidate)| candidate)
        .filter(|((from, to), c)| {
            let unrivalled = Unrivalled {
                words: most.get(from) == Some(&(c.words.len(), 1)),
                listed: most_listed.get(from) == Some(&(c.listed_words(), 1)),
            };
            !c.words.is_empty()
                && is_plausible(from, to, c, unrivalled, &parts, lexicon, text, words)
        })
        .collect();
    ranked.sort_by(|(ka, a), (kb, b)| {
        (b.words.len(), b.plausibility(), b.kind.prior(), b.tokens)
            .cmp(&(a.words.len(), a.plausibility(), a.kind.prior(), a.tokens))
            .then_with(|| ka.cmp(kb))
    });

    // The spinner's signature is checked against the text minus what the
    // well-supported rules say was inserted (`main` inside an inserted
    // `remainder`).
    let signatures: Vec<(String, String)> = ranked
        .iter()
        .map(|((from, to), c)| c.signature(from, to))
        .collect();
    let supported: Vec<usize> = (0..ranked.len())
        .filter(|&k| ranked[k].1.words.len() >= ranked[k].1.min_support())
        .collect();
    let queries: Vec<(&str, &str)> = supported
        .iter()
        .map(|&k| (signatures[k].1.as_str(), signatures[k].0.as_str()))
        .collect();
    let inserted: Vec<&str> = supported
        .iter()
        .zip(text.occurs_outside_each(&queries, &[]))
        .filter(|(_, outside)| !outside)
        .map(|(&k, _)| signatures[k].0.as_str())
        .collect();
    let queries: Vec<(&str, &str)> = signatures
        .iter()
        .map(|(from, to)| (to.as_str(), from.as_str()))
        .collect();
    let mut signed: Vec<bool> = text
        .occurs_outside_each(&queries, &inserted)
        .into_iter()
        .map(|outside| !outside)
        .collect();
    let capitalised: Vec<(usize, (String, String))> = ranked
        .iter()
        .enumerate()
        .filter(|(k, _)| signed[*k])
        .filter_map(|(k, ((from, to), c))| Some((k, c.capitalised_signature(from, to)?)))
        .collect();
    let queries: Vec<(&str, &str)> = capitalised
        .iter()
        .map(|(_, (from, to))| (to.as_str(), from.as_str()))
        .collect();
    for ((k, _), outside) in capitalised
        .iter()
        .zip(text.occurs_outside_each(&queries, &inserted))
    {
        signed[*k] = !outside;
    }
    let accepted = select(suspects, &ranked, &signed, words, lexicon);
    let rules = accepted
        .into_iter()
        .map(|k| {
            let ((from, to), c) = &ranked[k];
            Rule {
                from: from.to_string(),
                to: to.to_string(),
                kind: c.kind,
                words: c.words.len(),
                tokens: c.tokens,
                confidence: confidence(c.words.len(), c.kind),
                rate: None,
                keyness: None,
                examples: c.examples.clone(),
            }
        })
        .collect();
    RuleSet::new(rules)
}

/// In a language that writes compounds as one word, a related swap that
/// words with a broken inflection propose (`Porträt·es`, `Porträt·ern` for
/// `Bild·es`, `Bild·ern`) also explains the unlisted compounds that hold
/// its `from` as a part (`Porträt·fenster` as `Bild·fenster`, no entry
/// either): those are counted for it, as explanations of compounds count
/// for thesaurus-backed rules. Looked for only for the few pairs proposed,
/// not for every relative of every part of every compound.
fn add_compound_restorations(
    candidates: &mut BTreeMap<(&str, &str), Candidate>,
    suspects: &[SuspectType],
    lexicon: &Lexicon,
) {
    for ((from, to), c) in candidates.iter_mut() {
        if c.kind != RuleKind::Synonym || c.inflected.len() < MIN_WORD_SWAP_SUPPORT {
            continue;
        }
        for (i, suspect) in suspects.iter().enumerate() {
            let evidence = evidence(suspect);
            if evidence == Evidence::None || !suspect.is_closed_compound {
                continue;
            }
            for e in compound_restorations(&suspect.key, from, to, lexicon) {
                c.count(i, suspect, &e, evidence, lexicon, true);
            }
        }
    }
}

/// For each `from` side of `(from, count)` pairs: the largest count, and
/// how many pairs have it.
fn most_per_from<'a>(
    counts: impl Iterator<Item = (&'a str, usize)>,
) -> HashMap<&'a str, (usize, usize)> {
    let mut most: HashMap<&str, (usize, usize)> = HashMap::new();
    for (from, count) in counts {
        let entry = most.entry(from).or_insert((0, 0));
        match count.cmp(&entry.0) {
            Ordering::Greater => *entry = (count, 1),
            Ordering::Equal => entry.1 += 1,
            Ordering::Less => {}
        }
    }
    most
}

/// Adds `word` to the distinct `words` unless it is there; whether it was
/// new.
fn insert_new(words: &mut Vec<CompactString>, word: CompactString) -> bool {
    if words.contains(&word) {
        return false;
    }
    push_sparingly(words, word);
    true
}

/// Pushes `item`, with room for no more than it when it is the first: most
/// candidates hold one suspect, and a long German text makes hundreds of
/// thousands of candidates.
fn push_sparingly<T>(list: &mut Vec<T>, item: T) {
    if list.is_empty() {
        list.reserve_exact(1);
    }
    list.push(item);
}

/// The suspect types that applying `from → to` once turns into a word, with
/// any context ("apply loosely"): once a rule is accepted, they need no other
/// rule, so a weaker rule that explains only them adds nothing.
fn repairable<'a>(
    suspects: &'a [SuspectType],
    from: &'a str,
    to: &'a str,
    lexicon: &'a Lexicon,
) -> impl Iterator<Item = usize> + 'a {
    let finder = memmem::Finder::new(from);
    suspects.iter().enumerate().filter_map(move |(i, s)| {
        finder
            .find_iter(s.key.as_bytes())
            .any(|at| {
                let word = format!("{}{to}{}", &s.key[..at], &s.key[at + from.len()..]);
                lexicon.frequency(&word).is_some()
            })
            .then_some(i)
    })
}

/// The suspect types that one application of one of `rules` turns into a
/// word: what those rules repair, so that no other rule needs them as
/// evidence.
pub(crate) fn repaired_by(
    suspects: &[SuspectType],
    rules: &[Rule],
    lexicon: &Lexicon,
) -> HashSet<usize> {
    rules
        .iter()
        .flat_map(|r| repairable(suspects, &r.from, &r.to, lexicon))
        .collect()
}

/// Whether a candidate is worth considering at all, whatever the competition.
///
/// A word swap the thesaurus does not relate, seen in one word, is plausible
/// when that word is frequent enough that its absence from a long text says
/// something: the text should hold it [`MIN_EXPECTED_RESTORATIONS`] times or
/// more by its frequency, none is there, and the suspect stands in its place
/// often enough (`al·method·s` 571 times in four novels that hold no
/// `always`).
///
/// A broad thesaurus (lists of related words rather than synsets)
/// lowers the support a rule needs, but its pairs need a restored side
/// whose absence says something ([`MIN_EXPECTED_ABSENT`]), as do swaps no
/// thesaurus relates outside English ([`MIN_EXPECTED_UNRELATED_ABSENT`]);
/// rules learned only from unlisted compounds and nouns, one that says more
/// ([`MIN_TELLING_ABSENCE`]).
#[allow(clippy::too_many_arguments)]
fn is_plausible(
    from: &str,
    to: &str,
    c: &Candidate,
    unrivalled: Unrivalled,
    parts: &parts::Parts,
    lexicon: &Lexicon,
    text: &dyn TextView,
    words: usize,
) -> bool {
    let suspects = parts.suspects();
    // One or two letters of context complete a table word's relative into
    // a word by chance (`get·ty` as `hear·ty`, `fab·er` as `sweet·er` in
    // clean English manuals): a rule read only from short contexts needs
    // two damaged words, whatever their stems.
    if c.short_only && c.types.len() < MIN_WORD_SWAP_SUPPORT {
        return false;
    }
    let supported = c.words.len() >= c.min_support();
    let everyday = |side: &str| lexicon.frequency(side).unwrap_or(0) >= MIN_SINGLE_SIDE_FREQUENCY;
    let long = |side: &str| side.chars().count() >= MIN_SINGLE_SIDE_CHARS;
    // The damaged word stands in for the restored one where it stands: in a
    // batch, the documents that hold it without the restored side, whose
    // words say how often that side should have stood there (a batch of
    // 300,000 German words expects `gesagt` dozens of times; the manual
    // page that writes `getopt` 17 times, not once).
    let expected = expected_count(text.words_for(from, to), c.best_frequency);
    let expected_count = |frequency: u64| expected_count(words, frequency);
    let stands_in = expected >= MIN_EXPECTED_RESTORATIONS
        && c.tokens as f64 >= expected * MIN_SHARE_OF_EXPECTED;
    // Enough words, or a stand-in, or a one-word rule's sides: a synonym's
    // everyday words, or everyday siblings of four letters or more (the
    // rest of a one-word rule's test is at the end). Asked first, before
    // the dear parts: most candidates are one name or rare word read as
    // another word, and fail here.
    let within_reach = match c.kind {
        RuleKind::Synonym => supported || (everyday(from) && everyday(to)),
        RuleKind::WordSwap => {
            supported
                || stands_in
                || (c.siblings && [from, to].iter().all(|side| everyday(side) && long(side)))
        }
        // Explain gives only word swaps; glyph confusions and whole-word
        // swaps are learned apart and substring rules come from people.
        RuleKind::Glyph | RuleKind::Substring | RuleKind::WholeWord => false,
    };
    if !within_reach {
        return false;
    }
    // The author's own naming scheme is no spinner, however many words.
    if names_its_own_words(from, to, c, parts, lexicon) {
        return false;
    }
    // Where the evidence is weak, the signature must say something: the
    // restored side must be a word the text should hold several times.
    // Weak are unlisted compounds and nouns: an author's own `Paket·name`
    // reads as `Straßen·name` as well as a spinner's `Dauer·punkt` reads as
    // `Zeit·punkt`, and `Straße`, rare in a manual, is absent too.
    let expected_to = expected_count(lexicon.frequency(to).unwrap_or(0));
    let compounds_only =
        c.plain_words.len() < c.min_support() && c.plain_words.len() < c.words.len();
    let english = lexicon.language() == Language::English;
    // In a language that writes compounds as one word, a spinner's
    // related swap shows in compounds above all (`Porträt·fenster`,
    // `Porträt·namen`, `Porträt·rauschen` for `Bild → Porträt`), which
    // the dictionary mostly lacks restored as well. Every relative of
    // `Porträt` makes compounds with those heads, so the compounds say
    // which word was swapped, not for which: that takes restorations the
    // dictionary lists, more of them than any other relative has, two of
    // them inflections the spinner broke (`Porträt·es`, `Porträt·ern`:
    // an author's own compounds break none, and without that a broad
    // thesaurus read a manual's `Benutzer·verwaltung` as
    // `Benutzer·stadt`), and a `from` that stands where the text lacks
    // `to` (see `unrelated_enough` below).
    let compound_stand_in = || {
        c.kind == RuleKind::Synonym
            && lexicon.language().has_compounds()
            && c.words.len() >= MIN_UNRELATED_SUPPORT
            && c.listed_words() >= MIN_WORD_SWAP_SUPPORT
            && c.inflected.len() >= MIN_WORD_SWAP_SUPPORT
            && unrivalled.listed
            && stands_in_for(from, to, text, words, lexicon)
            && !holds_in_own_words(from, to, text, lexicon)
    };
    // Unlisted compounds restored are evidence for that test alone: every
    // other test below was made for restorations the dictionary lists.
    if c.listed_words() < c.words.len() && c.listed_words() < c.min_support() {
        return compound_stand_in();
    }
    if compounds_only && expected_to < MIN_TELLING_ABSENCE && !compound_stand_in() {
        return false;
    }
    // Weak priors need the restored side's absence to say something. A
    // broad thesaurus relates nearly any two words somewhere (`paquet` and
    // `lest`): its pairs need a restored side the text should hold at least
    // once. Outside English, whose dictionaries are bare frequency lists
    // with no inflection or derivation rules, real words are suspects far
    // more often, and two of them line up by chance (`em·paquet·er` as
    // `em·ball·er`, `ri·compila·ta` as `ri·visita·ta` in an Italian manual
    // that should hold `visita` once): a swap no thesaurus relates needs a
    // restored side expected twice.
    //
    // The signature looks for the restored side anywhere in the text, not
    // only as a word: with the words that hold it (`bild` in `abbilden`,
    // `Bildschirm`; `tipo` in `prototipo`), its absence is telling long
    // before the word alone is expected twice. That counts for a rule with
    // full support only, and sides of four letters or more: a single
    // damaged word keeps the word's own expectation (`veinti·seis` read as
    // `veinti·cuatro` in a fortune file, where `cuatro` starts many
    // words), and a shorter side is as often an ending, held by every form
    // of a tense (`aparta·remos`, `hui·remos`, `aleja·remos` read as
    // `-ría` in a Bible that has no conditional; the 1909 Reina-Valera's
    // `dij·ere`, `vini·ere` read as `-eran`).
    //
    // Nor is the restored side's own frequency the only witness: a rule
    // seen in three words or more whose `from` also stands as a whole word
    // where the text lacks `to` ([`stands_in_for`]), and whose `from` the
    // text never writes in a word of its own ([`holds_in_own_words`]), is
    // the spinner's whatever `to`'s frequency says — if its words single
    // out its `to`: no other candidate with the same `from` explains as
    // many (German `aus·X`, `auszu·X`, `über·X` read as well with `denken`
    // as with `arbeiten` or `führen`). A stem the author builds words on
    // stands nowhere alone (`einhängen`, `auszuhängen` read as
    // `einsteigen`, `auszusteigen` in a German manual page), and a word
    // the author uses turns up in listed words no spinner made (`mappen`
    // beside Dutch `map·naam` read as `bedrijfs·naam`).
    // What a swap no thesaurus relates needs, from `plain` distinct words.
    let unrelated_enough = |plain: usize| {
        english
            || expected_to >= MIN_EXPECTED_UNRELATED_ABSENT
            || (plain >= c.min_support()
                && [from, to].iter().all(|side| long(side))
                && expected_holders(to, c.capitalised, words, lexicon)
                    >= MIN_EXPECTED_UNRELATED_ABSENT)
            || (plain >= MIN_UNRELATED_SUPPORT
                && unrivalled.words
                && stands_in_for(from, to, text, words, lexicon)
                && !holds_in_own_words(from, to, text, lexicon))
    };
    // A broad relation never asks more than no relation would of the same
    // evidence: a pair a MyThes file relates passes where the pair alone,
    // from the words that count for a pair no thesaurus relates, would
    // (Italian `operato` and `azione`, which `--thesaurus
    // it=th_it_IT_v2.dat` relates and nothing embedded does). Not in
    // English, where an unrelated swap needs no absence at all, and a broad
    // relation ranks a pair above the unrelated ones with the same words
    // (`common·ful`, `common·d`, `common·r` read as `careful`, `cared`,
    // `carer`, which the Moby thesaurus relates, where a spinner had
    // swapped `use`).
    let absent_enough = match c.kind {
        RuleKind::Synonym if c.broad => {
            expected_to >= MIN_EXPECTED_ABSENT
                || (!english
                    && c.full_words.len() >= MIN_UNRELATED_SUPPORT
                    && unrelated_enough(c.full_words.len()))
                || compound_stand_in()
        }
        RuleKind::WordSwap => unrelated_enough(c.words.len()),
        _ => true,
    };
    if !absent_enough {
        return false;
    }
    // Outside English a single damaged word backed by a thesaurus is no
    // evidence on its own: the dictionaries there are bare frequency
    // lists, so valid forms they lack (`pagin·azione`, `curs·ores`) are
    // suspects and line up with a synonym's word by chance
    // (`programm·azione`, `rum·ores` with MultiWordNet's pairs, 34 clean
    // words changed in the clean corpus's tune part). Its restored side
    // must be a word whose absence is telling: one the text should hold
    // three times (`rumo` is expected 1.4 times in 50,000 words of a
    // Portuguese manual that holds `curs·ores`, not `rum·ores`).
    // In English, whose dictionary knows inflection, a single damaged word
    // is evidence unless it reads as its `from` side built into a word the
    // way English builds them (`queue·ing`, `new·name`, `canonical·ized` in
    // clean manuals read as spun `twist`, `found`, `standard`). Such a
    // word is evidence only when it restores an everyday word, as a
    // compound is (`some·matter` as `something`, `like·ful` as
    // `careful`): a spinner damages the words a text is made of, while a
    // word the dictionary lacks lines up with rarer ones by chance
    // (`newfound`, `standardized`); or when the restored side's absence is
    // telling.
    // Looked at only for a rule that needs it: most are supported.
    let telling =
        || expected_to >= MIN_TELLING_ABSENCE && stands_in_for(from, to, text, words, lexicon);
    let built = || {
        english
            && c.best_frequency < MIN_COMPOUND_SINGLE_FREQUENCY
            && c.types
                .iter()
                .all(|(t, _)| is_built_on(&suspects[*t].key, from, lexicon))
    };
    let scheme = || {
        c.types
            .iter()
            .all(|(t, _)| parts.is_scheme(&suspects[*t].key, from))
    };
    // The rest of a one-word rule's test: its sides passed the first part
    // (`within_reach`) at the top.
    if supported || (c.kind == RuleKind::WordSwap && stands_in) {
        return true;
    }
    !scheme()
        && match c.kind {
            RuleKind::Synonym => telling() || (english && !built()),
            _ => telling() || !built(),
        }
}

/// Whether no other candidate with the same `from` explains as many
/// distinct words (`words`), or as many whose restoration the dictionary
/// lists (`listed`).
#[derive(Clone, Copy)]
struct Unrivalled {
    words: bool,
    listed: bool,
}

/// How many of a `words`-word text's tokens are expected to hold `to`
/// where the spinner's signature looks for it, by the dictionary's
/// frequencies of the words that hold it: ending a longer word, and
/// starting one where the word is written as `to` is (any word for a
/// lowercase `to` in a language that writes nouns in lowercase; in German
/// a lowercase `to` starts no noun, so only the word itself counts there;
/// a capitalised `to` starts any word). Words that hold it only in the
/// middle are not counted: the figure is a lower bound.
fn expected_holders(to: &str, capitalised: bool, words: usize, lexicon: &Lexicon) -> f64 {
    let max_len = to.len() + MAX_HOLDER_EXTRA_BYTES;
    let mut total: u64 = 0;
    if !capitalised {
        lexicon.for_each_anchored(Anchor::Suffix, to.as_bytes(), max_len, |word, frequency| {
            if word.len() > to.len() {
                total = total.saturating_add(frequency);
            }
        });
    }
    if capitalised || !lexicon.language().capitalises_nouns() {
        lexicon.for_each_anchored(Anchor::Prefix, to.as_bytes(), max_len, |_, frequency| {
            total = total.saturating_add(frequency);
        });
    } else {
        total = total.saturating_add(lexicon.frequency(to).unwrap_or(0));
    }
    expected_count(words, total)
}

/// Whether some dictionary word of the text holds `from` where `to` in its
/// place makes no word: a word the spinner cannot have made, so `from` is
/// the author's own (`mappen` beside `map·naam` read as `bedrijfs·naam` in
/// a Dutch manual: no spinner made `mappen` from a `bedrijfspen`).
fn holds_in_own_words(from: &str, to: &str, text: &dyn TextView, lexicon: &Lexicon) -> bool {
    let (from, to) = (from.to_lowercase(), to.to_lowercase());
    text.count_distinct_words(&|word: &str| {
        word.contains(from.as_str())
            && lexicon.frequency(word).is_some()
            && lexicon
                .frequency(&word.replacen(from.as_str(), to.as_str(), 1))
                .is_none()
    }) > 0
}

/// A word holding a rule's restored side is at most this many bytes longer
/// than it (the longest compounds are rare enough to leave out).
const MAX_HOLDER_EXTRA_BYTES: usize = 24;

/// Whether `from` is a part the text's author builds words with (`get·pass`,
/// `get·caps`, `get·groups`, `get·pen` in a Python index), rather than a
/// spinner's stand-in for `to`: more of the text's unlisted words start
/// (or end) with it and do not turn into words with `to` in its place than
/// the rule explains. A spinner leaves `from` only where `to` was, so
/// putting `to` back makes words of nearly all of them (`wont·ful`,
/// `wont·s`, `wont·ing` for `use`); an index of names built on `get`
/// read five of them as `under·line`, `under·pass`, … and a hundred not.
fn names_its_own_words(
    from: &str,
    to: &str,
    c: &Candidate,
    parts: &parts::Parts,
    lexicon: &Lexicon,
) -> bool {
    let suspects = parts.suspects();
    [true, false].into_iter().any(|at_start| {
        let holds = |key: &str, part: &str| {
            if at_start {
                key.starts_with(part)
            } else {
                key.ends_with(part)
            }
        };
        let explained = c
            .types
            .iter()
            .filter(|(t, _)| holds(&suspects[*t].key, from))
            .count();
        if explained == 0 {
            return false;
        }
        // The part is `from`, or an everyday word `from` starts with:
        // `gets` read as a spun `res` (`gets·tate` as `restate`) is built
        // on the same `get`. (Words `from` ends with are endings as often,
        // Spanish `-amo`, Dutch `-ren`.)
        let shorter = from
            .char_indices()
            .skip(MIN_SCHEME_PART_CHARS)
            .map(|(i, _)| &from[..i])
            .filter(move |part| {
                at_start && lexicon.frequency(part).unwrap_or(0) >= MIN_SCHEME_PART_FREQUENCY
            });
        std::iter::once(from).chain(shorter).any(|part| {
            let unexplained = parts.count_sharing(part, at_start, |key| {
                if !holds(key, from) {
                    return true;
                }
                let restored = if at_start {
                    format!("{to}{}", &key[from.len()..])
                } else {
                    format!("{}{to}", &key[..key.len() - from.len()])
                };
                lexicon.frequency(&restored).is_none()
            });
            unexplained > explained
        })
    })
}

/// The shortest word at the start of `from` that [`names_its_own_words`]
/// looks at ...
const MIN_SCHEME_PART_CHARS: usize = 3;

/// ... and how common it must be (per billion words; Zipf 4.3, about the
/// 5,000 commonest words), as a compound's part in `morphology`.
const MIN_SCHEME_PART_FREQUENCY: u64 = 20_000;

/// Whether `from` stands as a word where the text lacks `to`, as often as
/// a spinner that replaced every `to` leaves it: `to`'s absence is the
/// spinner's signature only then. Absent `to` and absent `from` are as
/// likely without a spinner as with one (Poisson: the chance of seeing
/// neither is the same), while each whole `from` is `1 + e_to / e_from`
/// times likelier with it (`e`: a side's expected count by frequency).
/// `backlog` read from a git manual's `shortlog` has `back` absent where
/// three were expected, and no `short` either.
fn stands_in_for(
    from: &str,
    to: &str,
    text: &dyn TextView,
    words: usize,
    lexicon: &Lexicon,
) -> bool {
    let from = from.to_lowercase();
    let k = text.stand_ins(&from, to);
    let e_from = expected_count(words, lexicon.frequency(&from).unwrap_or(0)).max(0.01);
    let e_to = expected_count(words, lexicon.frequency(&to.to_lowercase()).unwrap_or(0));
    k as f64 * (1.0 + e_to / e_from).ln() >= MIN_STAND_IN_EVIDENCE
}

/// Picks the rules to accept from `ranked` (strongest first), as indices in
/// ascending order. A rule must show the spinner's signature (`signed[k]`:
/// its `to` side absent from the text outside its own `from` and the
/// inserted sides of the well-supported rules) and must explain a suspect
/// that no stronger accepted rule explains. `words` is the text's length in
/// words.
fn select(
    suspects: &[SuspectType],
    ranked: &[((&str, &str), Candidate)],
    signed: &[bool],
    words: usize,
    lexicon: &Lexicon,
) -> Vec<usize> {
    let mut covered: HashSet<usize> = HashSet::new();
    let mut accepted = Vec::new();
    let mut singles: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    // A `to` side that holds the `to` side of a stronger accepted rule is
    // absent because of that rule (`détail → travail` after `labeur →
    // travail`, `vaste → direct` after `affirmer → dire`): its absence is
    // no evidence of a rule of its own.
    let explained_away = |to: &str, from: &str, accepted: &[usize]| {
        accepted.iter().any(|&a| {
            let (f, t) = ranked[a].0;
            f != from && to.contains(t)
        })
    };
    for (k, ((from, to), c)) in ranked.iter().enumerate() {
        if !signed[k] || explained_away(to, from, &accepted) {
            continue;
        }
        // Evidence a stronger rule already claimed does not count again
        // (`a·portion·ment` is `apartment`, so it cannot also support
        // `portion → base` for `abasement`).
        let unclaimed: Vec<&(usize, CompactString)> = c
            .types
            .iter()
            .filter(|(t, _)| !covered.contains(t))
            .collect();
        let words: HashSet<&str> = unclaimed.iter().map(|(_, w)| w.as_str()).collect();
        if words.len() >= c.min_support() {
            covered.extend(c.types.iter().map(|(t, _)| *t));
            covered.extend(repairable(suspects, from, to, lexicon));
            accepted.push(k);
        } else {
            for (t, _) in unclaimed {
                singles.entry(*t).or_default().push(k);
            }
        }
    }

    // Single-word rules, suspect by suspect: accept the one restoration that
    // clearly dominates, if any. A thesaurus-backed restoration outranks any
    // other; among equals the more frequent word must dominate.
    for (t, mut options) in singles {
        if covered.contains(&t) {
            continue;
        }
        // A restoration whose `to` side is absent only because a stronger
        // accepted rule removed it is no rival either.
        options.retain(|&k| {
            let (from, to) = &ranked[k].0;
            !explained_away(to, from, &accepted)
        });
        if options.is_empty() {
            continue;
        }
        if options
            .iter()
            .any(|&k| ranked[k].1.kind == RuleKind::Synonym)
        {
            options.retain(|&k| ranked[k].1.kind == RuleKind::Synonym);
        }
        // So does one whose restored side's absence is telling: a word the
        // text should hold several times (`grand` for `vaste·ement`, over
        // `haut` and `plein`).
        let telling = |k: usize| {
            let to = &ranked[k].0 .1;
            expected_count(words, lexicon.frequency(to).unwrap_or(0)) >= MIN_TELLING_ABSENCE
        };
        if options.iter().any(|&k| telling(k)) {
            options.retain(|&k| telling(k));
        }
        options.sort_by_key(|&k| std::cmp::Reverse(ranked[k].1.best_frequency));
        let best = ranked[options[0]].1.best_frequency;
        let runner_up = options.get(1).map_or(0, |&k| ranked[k].1.best_frequency);
        let floor = match evidence(&suspects[t]) {
            Evidence::Full => MIN_SINGLE_FREQUENCY,
            _ => MIN_COMPOUND_SINGLE_FREQUENCY,
        };
        let (from, to) = &ranked[options[0]].0;
        if best >= floor && best >= runner_up.saturating_mul(SINGLE_FREQUENCY_RATIO) {
            covered.insert(t);
            covered.extend(repairable(suspects, from, to, lexicon));
            accepted.push(options[0]);
        }
    }
    accepted.sort_unstable();
    accepted.dedup();
    accepted
}

/// Confidence grows with independent support: each distinct word halves the
/// remaining doubt, and the rule's kind adds its prior as more words (two for
/// a thesaurus-backed swap, one for another word swap).
pub(crate) fn confidence(words: usize, kind: RuleKind) -> f64 {
    let evidence = words + kind.prior();
    1.0 - 0.5f64.powi(evidence.min(30) as i32)
}

#[cfg(test)]
mod tests;
