//! Confusions: the misreadings of every suspect in, the glyph confusions a
//! scanner made all through the text out (`rn → m`, `1 → l`, `c → e`).
//!
//! A scanner's confusion leaves a different signature from a spinner's: it
//! hits only a share of the places where the glyph occurs, so the printed
//! glyph is still all over the text. What gives it away is that one
//! substitution explains many different suspects, and that it explains them
//! at a *rate*: a real confusion hits a steady share of the places where it
//! can happen, while random noise and rare words line up with any given
//! substitution once in ten thousand places. Rules compete for suspects the
//! same way word swaps do: the best-supported confusion claims every suspect
//! it repairs, and a weaker one must be supported by suspects no stronger
//! rule explains. Confusions that the glyph prior knows (`rn`/`m`) need less
//! support than others.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::mem;

use crate::formats::rules::{Rule, RuleKind};
use crate::formats::stats::{Context, Places, TextView};
use crate::knowledge::glyphs::{
    is_accent_only, is_confusable, is_learnable, is_positional_convention, is_printing_convention,
};
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::period::is_period_spelling_of_commoner;
use crate::stages::detect::{gives_glyph_evidence, SuspectType};
use crate::stages::explain::Misreading;

use super::family::misreading_family;

/// A confusion the glyph prior knows needs this many distinct restored
/// words: two could be coincidence even among look-alike glyphs (`tbe` and
/// `bere`), three in different words is a habit of the scanner. No
/// confusion is learned from fewer suspects than this.
pub(crate) const MIN_KNOWN_SUPPORT: usize = 3;

/// A confusion the prior does not know needs this many: any substitution
/// of one letter for another explains some suspect by chance, and there are
/// hundreds of them.
const MIN_UNKNOWN_SUPPORT: usize = 5;

/// A confusion must hit at least this share of the places where its printed
/// side occurs (damaged tokens over damaged tokens plus intact occurrences).
/// OCR engines misread a glyph in a steady share of its places — from about
/// one in a hundred to one in three in old books — while random noise hits a
/// given letter pair about once in ten thousand places.
const MIN_CONFUSION_RATE: f64 = 0.01;

/// How many examples each rule keeps for review.
const MAX_EXAMPLES: usize = 5;

/// Evidence gathered for one candidate confusion.
#[derive(Default)]
struct Candidate {
    /// The suspect types it explains alone, each with its restored word (a
    /// type once per reading: `fifo` reads as `fito`, `tifo` and `tito`).
    types: Vec<(usize, String)>,
    /// Distinct suspect types among them (a type's readings come together).
    damaged: usize,
    /// Suspect tokens those types account for.
    tokens: usize,
    /// Distinct restored words, by family ([`misreading_family`]).
    words: HashSet<String>,
}

impl Candidate {
    /// Its support: see [`support`].
    fn support(&self) -> usize {
        self.damaged.min(self.words.len())
    }
}

/// Whether misreading `m` of the suspect `key` may support its confusion.
/// Two readings line up with a dictionary's coincidences far more often
/// than with a scanner's habit:
///
/// * a short suspect read as a rare word, or by a confusion the glyph
///   prior does not know: any two or three letters are one substitution
///   from some word of a frequency list (file types `hwp`, `lwp`, `mcw` as
///   `hip`, `lip`, `mci` in a Spanish manual, `xls`, `nx` as `als`, `na`
///   in a Dutch one), while the short words a scanner misreads are
///   everyday ones, misread as look-alikes (`tbe`, `aud`);
/// * a swap of one inflectional ending for another at the end of the word
///   (`predefinid·a` as `predefinid·o`): a form the bare list lacks, not a
///   misread glyph.
///
/// Both are still repaired by confusions that other words prove.
fn is_glyph_evidence(key: &str, m: &Misreading, lexicon: &Lexicon) -> bool {
    let (read, printed) = &m.substitution;
    if key.chars().count() <= MAX_SHORT_SUSPECT_CHARS
        && (m.frequency < MIN_SHORT_RESTORATION_FREQUENCY || !is_confusable(read, printed))
    {
        return false;
    }
    let endings = lexicon.language().inflectional_endings();
    let stem = key.strip_suffix(read.as_str());
    let ending_swap = stem.is_some() && m.restored.strip_suffix(printed.as_str()) == stem && {
        // One ending for another, with the letters before the swap that
        // belong to both (`-ía` for `-ío`).
        endings.iter().any(|ending| {
            key.ends_with(ending)
                && ending.strip_suffix(read.as_str()).is_some_and(|shared| {
                    endings
                        .iter()
                        .any(|other| other.strip_suffix(printed.as_str()) == Some(shared))
                })
        })
    };
    !ending_swap
}

/// Suspects of at most this many letters are short (see
/// [`is_glyph_evidence`]).
const MAX_SHORT_SUSPECT_CHARS: usize = 3;

/// A short suspect supports a confusion only when it restores a word at
/// least this common (per billion words; Zipf 4.3, about the 5,000 most
/// common words: `the`, `and`, `him`).
const MIN_SHORT_RESTORATION_FREQUENCY: u64 = 20_000;

/// The support of a confusion: distinct damaged words that it restores to
/// distinct words. A scanner's habit shows in many damaged words, so the
/// readings of one damaged word count once (`fifo` as `fito`, `tifo` and
/// `tito` is one word, which learned `f → t` from a man page), and so do
/// damaged words restored to one word's forms (`buyer`, `buyers`; see
/// [`misreading_family`]). `damaged` are the distinct types of `types`.
fn support(
    damaged: &HashSet<usize>,
    types: &[&(usize, String)],
    suspects: &[SuspectType],
    printed: &str,
    lexicon: &Lexicon,
) -> usize {
    let words: HashSet<String> = types
        .iter()
        .map(|(t, w)| misreading_family(&suspects[*t].key, w, printed, lexicon))
        .collect();
    damaged.len().min(words.len())
}

/// Learns the glyph confusions that explain the suspects of `text`.
/// `misreadings[i]` are the misreadings of `suspects[i]`; suspects in
/// `claimed` (repaired by word rules already) give no evidence.
pub(crate) fn learn_confusions(
    text: &dyn TextView,
    suspects: &[SuspectType],
    misreadings: &[impl AsRef<[Misreading]>],
    claimed: &HashSet<usize>,
    lexicon: &Lexicon,
) -> Confusions {
    // Asked only once some confusion has the support to be learned.
    let period_cell = OnceCell::new();
    let period = || *period_cell.get_or_init(|| is_in_period_spelling(text, suspects, lexicon));
    let mut candidates: BTreeMap<(String, String), Candidate> = BTreeMap::new();
    for (i, (suspect, found)) in suspects.iter().zip(misreadings).enumerate() {
        let found = found.as_ref();
        if claimed.contains(&i) || !gives_glyph_evidence(suspect) {
            continue;
        }
        // A word that its accents alone would restore (`sera`, `será`) is
        // explained by how it was typed: it is no evidence of another
        // confusion (`r → j`, `seja`).
        let unaccented = found
            .iter()
            .any(|m| is_accent_only(&m.substitution.0, &m.substitution.1));
        for m in found {
            let (read, printed) = &m.substitution;
            if !is_glyph_evidence(&suspect.key, m, lexicon)
                || (unaccented && !is_accent_only(read, printed))
            {
                continue;
            }
            let c = candidates
                .entry((read.clone(), printed.clone()))
                .or_default();
            if c.types.last().is_none_or(|(t, _)| *t != i) {
                c.damaged += 1;
                c.tokens += suspect.occurrences.len();
            }
            c.types.push((i, m.restored.clone()));
            c.words.insert(misreading_family(
                &suspect.key,
                &m.restored,
                printed,
                lexicon,
            ));
        }
    }
    let mut ranked: Vec<((String, String), Candidate)> = candidates
        .into_iter()
        .filter(|((read, printed), c)| {
            is_learnable(read, printed)
                && c.support() >= MIN_KNOWN_SUPPORT
                && c.support() >= min_support(read, printed, period())
                && !(period() && (!is_confusable(read, printed) || is_accent_only(read, printed)))
        })
        .collect();
    ranked.sort_by(|(ka, a), (kb, b)| {
        (b.support(), b.tokens)
            .cmp(&(a.support(), a.tokens))
            .then_with(|| ka.cmp(kb))
    });

    let mut covered: HashSet<usize> = claimed.clone();
    let mut spelled: HashSet<usize> = HashSet::new();
    let mut rules: Vec<Rule> = Vec::new();
    for ((read, printed), c) in &ranked {
        // In a period's spelling, so many words differ from today's that
        // some line up with rare words by chance (`genz`, `feust` read as
        // `ganz`, `faust`); a scanner's damage strikes the common ones.
        let unclaimed: Vec<&(usize, String)> = c
            .types
            .iter()
            .filter(|(t, w)| {
                !covered.contains(t)
                    && (!period()
                        || lexicon
                            .frequency(w)
                            .is_some_and(|f| f >= MIN_PERIOD_RESTORED_FREQUENCY))
            })
            .collect();
        let damaged: HashSet<usize> = unclaimed.iter().map(|(t, _)| *t).collect();
        let words = support(&damaged, &unclaimed, suspects, printed, lexicon);
        if words < min_support(read, printed, period()) {
            continue;
        }
        let tokens: usize = damaged.iter().map(|t| suspects[*t].occurrences.len()).sum();
        let intact = text.letter_count(printed);
        let rate = tokens as f64 / (tokens as f64 + intact as f64);
        if rate < MIN_CONFUSION_RATE {
            continue;
        }
        let spread = Spread::of(text, suspects, &unclaimed, read, printed, lexicon);
        if spread.is_spelling() || spread.is_positional() {
            // The words that the text spells this way everywhere are its
            // spelling, not a scanner's damage: they support no other
            // confusion and are not rewritten (the First Folio's `liue` is
            // `live`, not a misread `hue`).
            if spread.is_strong_spelling() || spread.is_positional() {
                for (t, w) in &unclaimed {
                    if text.word_count(w) == 0 {
                        spelled.insert(*t);
                        covered.insert(*t);
                    }
                }
            }
            continue;
        }
        let mut examples: Vec<(String, String)> = Vec::new();
        for (t, w) in &unclaimed {
            if examples.len() < MAX_EXAMPLES && !examples.iter().any(|(_, e)| e == w) {
                examples.push((suspects[*t].key.clone(), w.clone()));
            }
        }
        let prior = usize::from(is_confusable(read, printed));
        rules.push(Rule {
            from: read.clone(),
            to: printed.clone(),
            kind: RuleKind::Glyph,
            words,
            tokens,
            confidence: super::confidence(words + prior, RuleKind::Glyph),
            rate: Some(rate),
            keyness: None,
            examples,
        });
        // Everything the accepted confusions now repair together is
        // explained (`btathers` is `brothers` by `t → r` and `a → o`), and
        // supports no weaker rule (`t → l`, `blathers`).
        covered.extend(unclaimed.iter().map(|(t, _)| *t));
        let pairs: Vec<(&str, &str)> = rules
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str()))
            .collect();
        for (t, suspect) in suspects.iter().enumerate() {
            if !covered.contains(&t)
                && suspect.key.contains(read.as_str())
                && is_restorable(&suspect.key, &pairs, lexicon)
            {
                covered.insert(t);
            }
        }
    }
    // Accents left off alone are how people type (`especificamente`,
    // `mayoria` in a Spanish manual, 1% of the places of `í`; a Brazilian
    // fortune file typed in ASCII throughout): a scanner that drops accents
    // misreads look-alike glyphs too. A confusion of a letter with the same
    // letter under another accent is learned only beside one the glyph
    // prior knows (a rare unknown one, `r → j` in that fortune file, is no
    // scanner's mark).
    if !rules
        .iter()
        .any(|r| !is_accent_only(&r.from, &r.to) && is_confusable(&r.from, &r.to))
    {
        rules.retain(|r| !is_accent_only(&r.from, &r.to));
    }
    Confusions { rules, spelled }
}

/// A text with at least this many distinct words that are period
/// spellings (see [`knowledge::period`](crate::knowledge::period)), and
/// at least [`MIN_PERIOD_SHARE`] of the suspects that could be evidence, is
/// written in a period's spelling. Pages of the clean fixtures scanned with
/// the OCR evaluation's confusions hold at most two such words by chance.
const MIN_PERIOD_WORDS: usize = 4;
const MIN_PERIOD_SHARE: f64 = 0.04;

/// In a text in a period's spelling, a confusion's restored words count
/// only when at least this common (per billion words: one in a million).
const MIN_PERIOD_RESTORED_FREQUENCY: u64 = 1_000;

/// Whether the text shows a period's spelling, in its suspects and in the
/// old forms that the dictionary lists from old books (`avoit`). There, the
/// ways its spelling differs from today's dictionary are many and
/// regular — accents left unwritten (`pere`), endings spelled otherwise
/// (`-ns`, `-z`) — and line up with a substitution as systematically as a
/// scanner's habit: only a confusion the glyph prior knows, and not one of
/// accents alone, is taken for the scanner's, and on as many words as an
/// unknown one needs elsewhere.
fn is_in_period_spelling(text: &dyn TextView, suspects: &[SuspectType], lexicon: &Lexicon) -> bool {
    let evidence = suspects.iter().filter(|s| gives_glyph_evidence(s)).count();
    let known = text.count_distinct_words(&|w| {
        lexicon
            .frequency(w)
            .is_some_and(|f| is_period_spelling_of_commoner(w, f, lexicon))
    });
    let period = known
        + suspects
            .iter()
            .filter(|s| s.is_period_spelling && !s.is_attested)
            .count();
    period >= MIN_PERIOD_WORDS && period as f64 >= MIN_PERIOD_SHARE * (evidence + period) as f64
}

/// What learning confusions gives.
pub(crate) struct Confusions {
    /// The accepted confusions.
    pub(crate) rules: Vec<Rule>,
    /// The suspects (as indices) that a rejected confusion showed to be the
    /// text's own spelling: no rule rewrites them.
    pub(crate) spelled: HashSet<usize>,
}

/// A scanner's confusion hits places, not words: over the restored words
/// it damages, the text also prints most of them intact, and its damage
/// falls at the end of words as often as elsewhere, in proportion to where
/// the printed glyph stands. A spelling (the First Folio's `haue` for
/// `have`, `-oit` for `-ait`, accent-less Italian `perche`) is a property of
/// words and of positions: every occurrence of a word is spelled alike, and
/// the "damage" stands at one position only. `Spread` holds what tells the
/// two apart for one candidate confusion.
#[derive(Debug, Default)]
struct Spread {
    /// Damaged tokens whose restored word the text also prints intact.
    mixed: usize,
    /// Damaged tokens of restored words seen damaged at least twice and
    /// never intact.
    always: usize,
    /// Damaged tokens, and those among them whose confusion struck the end
    /// of the word.
    damaged: usize,
    final_damaged: usize,
    /// Intact places of the printed side, in all and at the end of a word.
    intact: u64,
    final_intact: u64,
    /// The chance that a scanner misreading at most [`MAX_WORD_RATE`] of a
    /// word's occurrences misread every occurrence of the words seen
    /// damaged twice or more and never intact, as a natural logarithm.
    always_chance: f64,
    /// The read side holds a letter: a digit or a sign read for a letter
    /// (`1ike`) is no spelling of any period or language.
    read_letters: bool,
    /// The glyph prior knows the confusion.
    known: bool,
    /// Reading `read` for `printed` is an early printing convention; one
    /// that chose the letter by its place in the word.
    convention: bool,
    positional_convention: bool,
    /// Damaged tokens by where the confusion struck in the word.
    damaged_in: HashMap<Context, usize>,
    /// Where the printed side's intact places stand, and how many stand
    /// in words the text holds once: where a scanner's damage leaves no
    /// intact twin.
    places: Places,
}

/// A scanner misreads at most this share of the occurrences of a word: the
/// OCR engines the README measures misread 1–40% of a glyph's places.
const MAX_WORD_RATE: f64 = 0.5;

/// Damage that falls on whole words (every occurrence "misread") is a
/// spelling when a scanner would do that with a chance below one in a
/// hundred. Two occurrences of one word both misread have a chance of one in
/// three; the First Folio's `haue`, 12 times and never `have`, one in 4,000.
const MAX_ALWAYS_CHANCE: f64 = 0.01;

/// A confusion whose damage is confined to one position (the end of words,
/// or everywhere else) is a spelling when the other position holds this
/// many damaged places fewer than the confusion's rate predicts, and that
/// shortfall has a chance below [`MAX_POSITION_CHANCE`] (Poisson).
const MAX_POSITION_SHARE: f64 = 0.1;

/// The chance below which a shortfall of damage at one position is no
/// accident: one in a thousand. The measured true confusions of the OCR
/// evaluation (`eval --corrupt ocr`, built-in and held-out tables) damage
/// the ends of words at 0.4–2.5 times their overall rate.
const MAX_POSITION_CHANCE: f64 = 0.001;

impl Spread {
    fn of(
        text: &dyn TextView,
        suspects: &[SuspectType],
        unclaimed: &[&(usize, String)],
        read: &str,
        printed: &str,
        lexicon: &Lexicon,
    ) -> Spread {
        // A word that is the printed side alone (`a`, `in`) read as the
        // read side alone is no suspect: those places are not counted.
        let whole = text.word_count(printed);
        let mut spread = Spread {
            intact: text.letter_count(printed).saturating_sub(whole),
            final_intact: text.final_count(printed).saturating_sub(whole),
            read_letters: read.chars().any(char::is_alphabetic),
            known: is_confusable(read, printed),
            convention: is_printing_convention(read, printed),
            positional_convention: is_positional_convention(read, printed),
            places: text.places(printed),
            ..Spread::default()
        };
        let mut seen: HashSet<usize> = HashSet::new();
        for (t, restored) in unclaimed {
            if !seen.insert(*t) {
                continue;
            }
            let suspect = &suspects[*t];
            let damaged = suspect.occurrences.len();
            let printed_intact = unclaimed
                .iter()
                .filter(|(u, _)| u == t)
                .map(|(_, w)| text.word_count(w))
                .max()
                .unwrap_or(0);
            spread.count_word(damaged, printed_intact > 0);
            spread.count_places(&suspect.key, restored, read, printed, damaged);
        }
        // Attested forms and period spellings give no evidence, but the
        // confusion would rewrite them too, and they are the likeliest to be
        // the text's spelling (`vpon`, eleven times in a page of the First
        // Folio and never `upon`): they count towards telling spelling from
        // damage. A period spelling's place counts too: leaving out the
        // words a scanner's `z` for `s` made look like Middle French
        // (`touz`) would leave its damage where no word ends.
        for (t, suspect) in suspects.iter().enumerate() {
            if !(suspect.is_attested || suspect.is_period_spelling) || seen.contains(&t) {
                continue;
            }
            let finder = memchr::memmem::Finder::new(read);
            let restored = finder.find_iter(suspect.key.as_bytes()).find_map(|at| {
                let word = format!(
                    "{}{printed}{}",
                    &suspect.key[..at],
                    &suspect.key[at + read.len()..]
                );
                lexicon.frequency(&word).is_some().then_some(word)
            });
            let Some(restored) = restored else {
                continue;
            };
            let damaged = suspect.occurrences.len();
            spread.count_word(damaged, text.word_count(&restored) > 0);
            if suspect.is_period_spelling && !suspect.is_attested {
                spread.count_places(&suspect.key, &restored, read, printed, damaged);
            }
        }
        spread
    }

    /// Counts `damaged` tokens of `key`, read for `restored`: in all, at
    /// the end of the word, and in the contexts of the place where the
    /// confusion struck (the first letter `key` differs).
    fn count_places(
        &mut self,
        key: &str,
        restored: &str,
        read: &str,
        printed: &str,
        damaged: usize,
    ) {
        self.damaged += damaged;
        if key.ends_with(read) && restored.ends_with(printed) {
            self.final_damaged += damaged;
        }
        let at = key
            .char_indices()
            .zip(restored.chars())
            .find(|((_, k), r)| k != r)
            .map_or(key.len().min(restored.len()), |((i, _), _)| i);
        if !restored[at..].starts_with(printed) {
            return;
        }
        for context in Context::of(restored, at, printed) {
            *self.damaged_in.entry(context).or_default() += damaged;
        }
    }

    /// Counts a word seen `damaged` times: with its restored word also
    /// printed intact, or, seen damaged at least twice and never intact,
    /// with the chance that a scanner misread all of its occurrences.
    fn count_word(&mut self, damaged: usize, printed_intact: bool) {
        if printed_intact {
            self.mixed += damaged;
        } else if damaged >= 2 {
            self.always += damaged;
            // All `damaged` occurrences misread, given that one was.
            let all = MAX_WORD_RATE.powi(damaged as i32);
            self.always_chance += (all / (1.0 - (1.0 - MAX_WORD_RATE).powi(damaged as i32))).ln();
        }
    }

    /// Whether the damage is a property of words: more of it falls on words
    /// that are always "damaged" than on words also printed intact, and a
    /// scanner would misread all their occurrences with a chance below
    /// [`MAX_ALWAYS_CHANCE`] (it misreads a share h of a glyph's places, so
    /// all k occurrences of a word with chance h^k); or, for a confusion the
    /// glyph prior does not know, no restored word is ever printed intact —
    /// without the prior, only that sign of a partial rate tells a scanner.
    fn is_spelling(&self) -> bool {
        self.is_strong_spelling()
            || (self.read_letters
                && self.mixed == 0
                && (!self.known || self.never_intact_chance() < MAX_ALWAYS_CHANCE))
    }

    /// The chance that a scanner's damage fell only on words the text never
    /// prints intact: each damaged place lands in a word the text holds
    /// once with the share of the printed side's places such words hold
    /// (or the printed side is never printed intact at all: then,
    /// certainly — unless reading one for the other is an early printing
    /// convention, `i` for `j`, which a text follows throughout). In a
    /// 300-word page most words occur once, and a scanner's few misread
    /// words are often unique; in the First Folio's Hamlet, `i` read for
    /// `j` and `y` for `g` restore only words the play never prints. A
    /// short page whose every `m` was read `rn` never prints `m` either:
    /// that is a scanner, not a convention.
    fn never_intact_chance(&self) -> f64 {
        match self.places.hapax_share() {
            _ if self.positional_convention && self.keeps_to_its_place() => 0.0,
            Some(share) if self.intact > 0 => share.powi(self.damaged as i32),
            _ if self.convention => 0.0,
            _ => 1.0,
        }
    }

    /// Whether the damage and the printed side's intact places keep apart
    /// by the start of words, as early printing's `u` and `v` do: `v` at
    /// the start, `u` inside (`vpon`, `haue`). A text that prints the
    /// glyph only where the convention puts it follows the convention; a
    /// scanner's misreading does not care where in a word it strikes. A
    /// text may keep an exception or two (`inuulnerable` beside
    /// `inuincible`): for a convention the prior knows, a chance below
    /// [`MAX_CONVENTION_CHANCE`] suffices.
    fn keeps_to_its_place(&self) -> bool {
        [Context::Start, Context::Inside]
            .into_iter()
            .any(|context| {
                self.damaged_in(context) == self.damaged
                    && (self.intact_in(context) == 0
                        || self.within_chance(context) < MAX_CONVENTION_CHANCE)
            })
    }

    /// Damaged tokens, and intact places of the printed side, in `context`.
    fn damaged_in(&self, context: Context) -> usize {
        self.damaged_in.get(&context).copied().unwrap_or(0)
    }

    fn intact_in(&self, context: Context) -> u64 {
        self.places.by.get(&context).copied().unwrap_or(0)
    }

    /// The chance that a scanner's damage, which strikes a glyph's places
    /// wherever they stand, put as many of its places in `context` as it
    /// did (hypergeometric: the damaged places drawn from all the glyph's
    /// places, damaged or not).
    fn within_chance(&self, context: Context) -> f64 {
        let d = self.damaged as u64;
        let damaged = self.damaged_in(context) as u64;
        at_least_within(
            damaged,
            self.intact_in(context) + damaged,
            self.places.all + d,
            d,
        )
    }

    /// Whether the damage keeps to one context that the printed side's
    /// intact places almost never stand in: a spelling of a position or of
    /// neighbours, like old Dutch `ae` for the `aa` before `r` (`waerom`,
    /// `daer`). At most a fifth of the damage may stand elsewhere, at
    /// most [`MAX_POSITION_SHARE`] of the context's places may be intact,
    /// and a scanner would put that much of its damage there with a chance
    /// below [`MAX_POSITION_CHANCE`] — multiplied by the number of such
    /// contexts the glyph stands in, since one was picked after seeing the
    /// damage.
    fn keeps_to_a_context(&self) -> bool {
        let d = self.damaged;
        self.damaged_in.iter().any(|(&context, &damaged)| {
            let intact = self.intact_in(context) as f64;
            if damaged < d - d / 5 || intact > MAX_POSITION_SHARE * (intact + damaged as f64) {
                return false;
            }
            let picked = self
                .places
                .by
                .keys()
                .chain(self.damaged_in.keys())
                .filter(|c| mem::discriminant(*c) == mem::discriminant(&context))
                .collect::<HashSet<_>>()
                .len() as f64;
            self.within_chance(context) * picked < MAX_POSITION_CHANCE
        })
    }

    /// Whether the damage is a property of words on strong evidence: the
    /// first case of [`Spread::is_spelling`].
    fn is_strong_spelling(&self) -> bool {
        self.read_letters && self.always > self.mixed && self.always_chance < MAX_ALWAYS_CHANCE.ln()
    }

    /// Whether the damage is confined to one position: the end of words, or
    /// everywhere but the end.
    fn is_positional(&self) -> bool {
        let damaged = self.damaged as f64;
        let intact = self.intact as f64;
        let rate = damaged / (damaged + intact);
        let final_intact = (self.final_intact as f64).min(intact);
        let classes = [
            (self.final_damaged as f64, final_intact),
            (
                (self.damaged - self.final_damaged) as f64,
                intact - final_intact,
            ),
        ];
        classes.iter().any(|&(d, n)| {
            let expected = rate * (d + n);
            d <= expected * MAX_POSITION_SHARE && poisson_at_most(d, expected) < MAX_POSITION_CHANCE
        }) || self.keeps_to_a_context()
    }
}

/// The chance below which damage keeping to the places an early printing
/// convention gives its glyph is that convention: one in twenty.
const MAX_CONVENTION_CHANCE: f64 = 0.05;

/// The chance that at least `k` of `d` places drawn from `all` fall among
/// `within` of them (the hypergeometric tail), summed term by term from
/// `k` up.
fn at_least_within(k: u64, within: u64, all: u64, d: u64) -> f64 {
    let rest = all - within;
    // The first term that can happen, then each from the one before.
    let first = k.max(d.saturating_sub(rest));
    if first > d.min(within) {
        return 0.0;
    }
    let ln_choose =
        |n: u64, r: u64| -> f64 { (0..r).map(|i| ((n - i) as f64 / (r - i) as f64).ln()).sum() };
    let mut term =
        (ln_choose(within, first) + ln_choose(rest, d - first) - ln_choose(all, d)).exp();
    let mut chance = 0.0;
    for x in first..=d.min(within) {
        chance += term;
        // C(within, x+1) C(rest, d-x-1) over C(within, x) C(rest, d-x).
        term *= ((within - x) * (d - x)) as f64 / ((x + 1) * (rest + x + 1 - d)) as f64;
    }
    chance.min(1.0)
}

/// The chance that a Poisson count with mean `mean` is at most `k`.
fn poisson_at_most(k: f64, mean: f64) -> f64 {
    let mut term = (-mean).exp();
    let mut sum = term;
    for i in 1..=(k as usize) {
        term *= mean / i as f64;
        sum += term;
    }
    sum
}

/// How many substitutions [`is_restorable`] combines in one word.
const MAX_COMBINED: usize = 3;

/// Whether up to [`MAX_COMBINED`] non-overlapping applications of `rules`
/// turn `key` into a dictionary word.
fn is_restorable(key: &str, rules: &[(&str, &str)], lexicon: &Lexicon) -> bool {
    let mut places: Vec<(usize, usize, &str)> = Vec::new();
    for (from, to) in rules {
        for (at, _) in key.match_indices(from) {
            places.push((at, at + from.len(), to));
        }
    }
    places.sort_unstable();
    places.truncate(8);
    fn search(
        key: &str,
        places: &[(usize, usize, &str)],
        start: usize,
        done: usize,
        word: &mut Vec<(usize, usize, String)>,
        lexicon: &Lexicon,
    ) -> bool {
        for (k, &(a, b, to)) in places.iter().enumerate().skip(start) {
            if word.last().is_some_and(|&(_, end, _)| a < end) {
                continue;
            }
            word.push((a, b, to.to_string()));
            let mut candidate = String::with_capacity(key.len() + 4);
            let mut at = 0;
            for (a, b, to) in word.iter() {
                candidate.push_str(&key[at..*a]);
                candidate.push_str(to);
                at = *b;
            }
            candidate.push_str(&key[at..]);
            if lexicon.frequency(&candidate).is_some()
                || (done + 1 < MAX_COMBINED && search(key, places, k + 1, done + 1, word, lexicon))
            {
                return true;
            }
            word.pop();
        }
        false
    }
    search(key, &places, 0, 0, &mut Vec::new(), lexicon)
}

/// A text whose accepted confusions repair at least this many distinct
/// words was scanned: its other unknown words are more likely misread than
/// spun.
const SCANNED_SUPPORT: usize = 10;

/// Whether `confusions` show that the text was scanned. Then a word swap
/// seen in one word only (`wish·out` → `drop·out`, where a scanner misread
/// `without`) is no longer the one clean explanation of its suspect.
pub(crate) fn is_scanned(confusions: &[Rule]) -> bool {
    confusions.iter().map(|r| r.words).sum::<usize>() >= SCANNED_SUPPORT
}

/// Distinct restored words a confusion needs: in a text in a period's
/// spelling (see [`is_in_period_spelling`]), as many as for one the prior
/// does not know, since its spelling lines up with look-alike glyphs too
/// (`feust`, `mengeurs` read as `faust`, `mangeurs`).
fn min_support(read: &str, printed: &str, period: bool) -> usize {
    if is_confusable(read, printed) && !period {
        MIN_KNOWN_SUPPORT
    } else {
        MIN_UNKNOWN_SUPPORT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::language::Language;

    fn misreading(restored: &str, read: &str, printed: &str, frequency: u64) -> Misreading {
        Misreading {
            restored: restored.to_string(),
            frequency,
            substitution: (read.to_string(), printed.to_string()),
        }
    }

    #[test]
    fn the_hypergeometric_tail_counts_every_way_to_draw() {
        // Two of four places, both among the same two: one way in six.
        assert!((at_least_within(2, 2, 4, 2) - 1.0 / 6.0).abs() < 1e-12);
        // At least one of two among two of four: five ways in six.
        assert!((at_least_within(1, 2, 4, 2) - 5.0 / 6.0).abs() < 1e-12);
        assert!((at_least_within(0, 0, 10, 3) - 1.0).abs() < 1e-12);
        // All three of three among four draws from ten: seven ways in 210.
        assert!((at_least_within(3, 3, 10, 4) - 7.0 / 210.0).abs() < 1e-12);
        // Five draws from six where one place is not among the five.
        assert!((at_least_within(0, 5, 6, 5) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn one_damaged_word_read_three_ways_is_one_word() {
        let lexicon = Lexicon::for_language(Language::Spanish).unwrap();
        let suspects: Vec<SuspectType> = ["fifo", "rnesa", "rnano"]
            .iter()
            .map(|k| SuspectType::new(k.to_string(), &lexicon))
            .collect();
        let support_of = |types: &[(usize, String)], printed: &str| {
            let refs: Vec<&(usize, String)> = types.iter().collect();
            let damaged: HashSet<usize> = types.iter().map(|(t, _)| *t).collect();
            support(&damaged, &refs, &suspects, printed, &lexicon)
        };
        let fifo = [
            (0, "fito".to_string()),
            (0, "tifo".to_string()),
            (0, "tito".to_string()),
        ];
        assert_eq!(support_of(&fifo, "t"), 1);
        let two = [(1, "mesa".to_string()), (2, "mano".to_string())];
        assert_eq!(support_of(&two, "m"), 2);
    }

    #[test]
    fn short_coincidences_and_swapped_endings_are_no_evidence() {
        let spanish = Lexicon::for_language(Language::Spanish).unwrap();
        // A file type read as a rare word, or as a word by a substitution
        // that no scanner makes.
        assert!(!is_glyph_evidence(
            "hwp",
            &misreading("hip", "w", "i", 500),
            &spanish
        ));
        assert!(!is_glyph_evidence(
            "xls",
            &misreading("als", "x", "a", 50_000),
            &spanish
        ));
        // One inflectional ending for another at the end of the word.
        assert!(!is_glyph_evidence(
            "predefinida",
            &misreading("predefinido", "a", "o", 5_000),
            &spanish
        ));
        // The same letters elsewhere in the word, and look-alikes in short
        // everyday words, are evidence.
        assert!(is_glyph_evidence(
            "rnesa",
            &misreading("mesa", "rn", "m", 50_000),
            &spanish
        ));
        assert!(is_glyph_evidence(
            "cesa",
            &misreading("casa", "e", "a", 50_000),
            &spanish
        ));
        assert!(is_glyph_evidence(
            "qne",
            &misreading("que", "n", "u", 5_000_000),
            &spanish
        ));
        let english = Lexicon::english().unwrap();
        assert!(is_glyph_evidence(
            "tbe",
            &misreading("the", "b", "h", 50_000_000),
            &english
        ));
    }
}
