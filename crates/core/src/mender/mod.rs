//! The pipeline's front: [`Mender`] runs tokenize → detect → explain → learn
//! → rewrite → whole-word swaps over one text and returns a [`Mended`]. It owns the lexicon and
//! the options; each stage lives in its own module and knows nothing of the
//! others' internals.

mod builder;
mod labelled;
mod learning;
mod lookup;
mod memo;
mod mend;
mod prepare;
mod route;
mod shard;

use builder::Limits;
pub use builder::MenderBuilder;
use labelled::Label;
pub use labelled::Labelled;
pub use lookup::WordInfo;
pub use mend::Learned;
use mend::Plan;

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::edit::Edit;
use crate::error::Result;
use crate::formats::rules::RuleSet;
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::Lexicon;
use crate::knowledge::ngrams::Ngrams;
use crate::knowledge::thesaurus::Thesaurus;
use crate::knowledge::user::Ignore;

/// Why a text's words were not looked at (its mojibake is decoded all the
/// same).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Skip {
    /// The text is in no language textmend has a dictionary for (or in none
    /// it can tell).
    UnsupportedLanguage,
}

/// Which kinds of damage a [`Mender`] looks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// Both kinds, letting the evidence decide (the default): a clean text
    /// gives no evidence of either.
    #[default]
    Auto,
    /// An article spinner's word swaps only.
    Spinner,
    /// A scanner's misread glyphs only, with ligatures and letters of other
    /// scripts that look Latin.
    Ocr,
}

impl Mode {
    /// Whether word swaps are learned.
    fn swaps(self) -> bool {
        self != Mode::Ocr
    }

    /// Whether glyph confusions are learned, and ligatures and look-alikes
    /// undone.
    fn glyphs(self) -> bool {
        self != Mode::Spinner
    }
}

/// Repairs text. Immutable once built, so one `Mender` can serve many
/// threads.
pub struct Mender {
    /// The English dictionary, which batch learning uses.
    lexicon: Lexicon,
    /// The other languages' dictionaries.
    others: Vec<(Language, Lexicon)>,
    ignore: Ignore,
    /// The English thesaurus: WordNet with the user's added.
    thesaurus: Thesaurus,
    /// English word and word-pair counts, for whole-word swaps.
    ngrams: Ngrams,
    /// For languages without a thesaurus.
    no_thesaurus: Thesaurus,
    /// The other languages' thesauri: the embedded one with the user's added.
    thesauri: Vec<(Language, Thesaurus)>,
    /// The language given by the user, if any.
    language: Option<Language>,
    mode: Mode,
    language_guard: bool,
    /// Rules given by the user, applied before any learned ones.
    rules: RuleSet,
    learn: bool,
    whole_words: bool,
    limits: Limits,
    /// Per language (in [`Language::ALL`]'s order): the everyday words'
    /// automaton, built when statistics are first counted in it.
    everyday: [OnceLock<(AhoCorasick, Vec<String>)>; Language::ALL.len()],
    /// Suspects' explanations and misreadings, shared by all texts.
    memos: memo::Memos,
}

/// The result of [`Mender::mend`].
#[derive(Debug, Clone)]
pub struct Mended<'a> {
    text: Cow<'a, str>,
    edits: Vec<Edit>,
    suggestions: Vec<Edit>,
    rules: RuleSet,
    learned: Learned,
    skipped: Option<Skip>,
    suspect_tokens: usize,
    /// Edits of suspect words (the others mend broken words).
    word_edits: usize,
}

impl<'a> Mended<'a> {
    /// The repaired text; borrowed (the input itself) when nothing changed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The repaired text, taking ownership.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The same result, owning its text (a copy of the input when nothing
    /// changed), to keep or send to another thread.
    pub fn into_owned(self) -> Mended<'static> {
        let (text, rest) = self.into_parts();
        Mended {
            text: Cow::Owned(text.into_owned()),
            ..rest
        }
    }

    /// The edits made, sorted by position and not overlapping.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whole-word repairs (`notified → told`) found but not applied, sorted
    /// by position, with spans into the input like [`Mended::edits`]; see
    /// [`MenderBuilder::whole_words`].
    pub fn suggestions(&self) -> &[Edit] {
        &self.suggestions
    }

    /// The rules that were learned from the text (or given), with their
    /// evidence.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The rules kept apart by language, to apply elsewhere
    /// ([`Mender::apply_learned`]): what [`Mended::rules`] holds together.
    pub fn learned(&self) -> &Learned {
        &self.learned
    }

    /// Where byte `offset` of the repaired text was in the input: unchanged
    /// stretches map back by the shift of the edits before them, an offset
    /// inside an edit's output to the start of the edit. For carrying
    /// annotations made on the repaired text back to the input.
    pub fn input_offset(&self, offset: usize) -> usize {
        crate::edit::input_offset(&self.edits, offset)
    }

    /// Why the text was passed through unexamined, if it was.
    pub fn skipped(&self) -> Option<Skip> {
        self.skipped
    }

    /// Tokens that are not dictionary words and were left as they are:
    /// names, rare words, and damage no rule explains (unlisted compounds of
    /// dictionary words are not counted).
    pub fn suspects_left(&self) -> usize {
        self.suspect_tokens - self.word_edits
    }
}

impl Mender {
    /// A mender with the embedded dictionaries and default options: each
    /// text (each paragraph of a mixed one) is judged in its own language,
    /// English or one of the six others with a dictionary; see
    /// [`MenderBuilder::language`] to fix the language.
    pub fn new() -> Result<Mender> {
        MenderBuilder::default().build()
    }

    /// The former name of [`Mender::new`]: the mender was never English
    /// only.
    #[deprecated(since = "0.2.0", note = "use Mender::new; the mender is multilingual")]
    pub fn english() -> Result<Mender> {
        Mender::new()
    }

    /// A builder for a configured mender.
    pub fn builder() -> MenderBuilder {
        MenderBuilder::default()
    }

    /// Repairs `text`: learns rules from it (or uses the rules the mender was
    /// built with) and applies them. Outside the edits the result is
    /// byte-identical to `text`.
    pub fn mend<'a>(&self, text: &'a str) -> Mended<'a> {
        self.mend_with(text, Plan::Learn, None)
    }

    /// Repairs `text` with exactly `rules`, learning nothing, whatever the
    /// mender was built with (rules learned from a sample of a long input,
    /// applied to the rest of it).
    pub fn apply<'a>(&self, text: &'a str, rules: &RuleSet) -> Mended<'a> {
        self.mend_with(text, Plan::Given(rules), None)
    }

    /// Repairs `text` with the rules another mending learned
    /// ([`Mended::learned`]), each paragraph with the rules of its language
    /// and none learned: how the rest of a long input is repaired with what
    /// its first part taught. `mend(t)` and `apply_learned(t, mend(t).learned())`
    /// make the same edits.
    pub fn apply_learned<'a>(&self, text: &'a str, learned: &Learned) -> Mended<'a> {
        self.mend_with(text, Plan::Learned(learned), None)
    }

    /// Repairs `text`, one document of a group, learning as
    /// [`Mender::mend`] does and then adding the rules of `group` (decided
    /// from the group's merged statistics: [`Mender::stats`] per document,
    /// [`LearningStats::merge`], [`Mender::decide`]) that hold in this
    /// document: glyph confusions, and in-word swaps whose restored side
    /// the document does not hold outside their damaged side. The text's
    /// own rules come first.
    ///
    /// [`LearningStats::merge`]: crate::LearningStats::merge
    pub fn mend_pooled<'a>(&self, text: &'a str, group: &RuleSet) -> Mended<'a> {
        self.mend_with(text, Plan::Pooled(group), None)
    }

    /// Repairs bytes that may not all be valid UTF-8, learning as
    /// [`Mender::mend`] learns: the text is read with each invalid byte as a
    /// space (so offsets stay those of the input), and the invalid bytes
    /// pass through untouched, in place; an edit that would touch one is
    /// dropped. Edits' spans are byte spans into `bytes`; their character
    /// spans count each invalid byte as one character.
    pub fn mend_bytes<'a>(&self, bytes: &'a [u8]) -> MendedBytes<'a> {
        self.bytes_with(bytes, Plan::Learn, None)
    }

    /// [`Mender::mend_pooled`] for bytes that may not all be valid UTF-8,
    /// as [`Mender::mend_bytes`] reads them.
    pub fn mend_pooled_bytes<'a>(&self, bytes: &'a [u8], group: &RuleSet) -> MendedBytes<'a> {
        self.bytes_with(bytes, Plan::Pooled(group), None)
    }

    /// [`Mender::apply_learned`] for bytes that may not all be valid UTF-8,
    /// as [`Mender::mend_bytes`] reads them.
    pub fn apply_learned_bytes<'a>(&self, bytes: &'a [u8], learned: &Learned) -> MendedBytes<'a> {
        self.bytes_with(bytes, Plan::Learned(learned), None)
    }

    fn bytes_with<'a>(&self, bytes: &'a [u8], plan: Plan<'_>, label: Label) -> MendedBytes<'a> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            let mended = self.mend_with(text, plan, label);
            let (text, rest) = mended.into_parts();
            return MendedBytes {
                bytes: match text {
                    Cow::Borrowed(_) => Cow::Borrowed(bytes),
                    Cow::Owned(text) => Cow::Owned(text.into_bytes()),
                },
                mended: rest,
            };
        }
        let mut view = String::with_capacity(bytes.len());
        let mut invalid: Vec<std::ops::Range<usize>> = Vec::new();
        for chunk in bytes.utf8_chunks() {
            view.push_str(chunk.valid());
            let at = view.len();
            view.extend(std::iter::repeat_n(' ', chunk.invalid().len()));
            if !chunk.invalid().is_empty() {
                invalid.push(at..view.len());
            }
        }
        let touches = |e: &Edit| {
            invalid
                .iter()
                .any(|r| r.start < e.span.end.max(e.span.start + 1) && e.span.start < r.end)
        };
        let (_, mut rest) = self.mend_with(&view, plan, label).into_parts();
        rest.edits.retain(|e| !touches(e));
        rest.suggestions.retain(|e| !touches(e));
        let out = if rest.edits.is_empty() {
            Cow::Borrowed(bytes)
        } else {
            let mut out = Vec::with_capacity(bytes.len());
            let mut at = 0;
            for e in &rest.edits {
                out.extend_from_slice(&bytes[at..e.span.start]);
                out.extend_from_slice(e.after.as_bytes());
                at = e.span.end;
            }
            out.extend_from_slice(&bytes[at..]);
            Cow::Owned(out)
        };
        MendedBytes {
            bytes: out,
            mended: rest,
        }
    }
}

/// The result of [`Mender::mend_bytes`]: the repaired bytes, and the edits,
/// suggestions and rules as [`Mended`] gives them, with spans into the
/// input bytes.
#[derive(Debug, Clone)]
pub struct MendedBytes<'a> {
    bytes: Cow<'a, [u8]>,
    mended: Mended<'static>,
}

impl<'a> MendedBytes<'a> {
    /// The same result, owning its bytes, to keep or send to another thread.
    pub fn into_owned(self) -> MendedBytes<'static> {
        MendedBytes {
            bytes: Cow::Owned(self.bytes.into_owned()),
            mended: self.mended,
        }
    }

    /// The repaired bytes; borrowed (the input itself) when nothing changed.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The repaired bytes, taking ownership.
    pub fn into_bytes(self) -> Cow<'a, [u8]> {
        self.bytes
    }

    /// The edits made, sorted by position and not overlapping.
    pub fn edits(&self) -> &[Edit] {
        self.mended.edits()
    }

    /// Whole-word repairs found but not applied.
    pub fn suggestions(&self) -> &[Edit] {
        self.mended.suggestions()
    }

    /// The rules learned (or given), with their evidence.
    pub fn rules(&self) -> &RuleSet {
        self.mended.rules()
    }

    /// The rules kept apart by language.
    pub fn learned(&self) -> &Learned {
        self.mended.learned()
    }

    /// Why the input was passed through unexamined, if it was.
    pub fn skipped(&self) -> Option<Skip> {
        self.mended.skipped()
    }

    /// Suspect tokens left as they are (see [`Mended::suspects_left`]).
    pub fn suspects_left(&self) -> usize {
        self.mended.suspects_left()
    }
}

impl<'a> Mended<'a> {
    /// The text apart from everything else, which owns nothing borrowed.
    fn into_parts(self) -> (Cow<'a, str>, Mended<'static>) {
        let rest = Mended {
            text: Cow::Borrowed(""),
            edits: self.edits,
            suggestions: self.suggestions,
            rules: self.rules,
            learned: self.learned,
            skipped: self.skipped,
            suspect_tokens: self.suspect_tokens,
            word_edits: self.word_edits,
        };
        (self.text, rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EditKind;

    #[test]
    fn mender_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Mender>();
    }

    #[test]
    fn invalid_bytes_stay_and_valid_stretches_are_repaired() {
        let mender = Mender::new().unwrap();
        let bytes = b"They attfinish the summit.\xff\xfe The agfinisha is long.\x80";
        let mended = mender.mend_bytes(bytes);
        assert_eq!(
            mended.bytes(),
            b"They attend the summit.\xff\xfe The agenda is long.\x80"
        );
        let at = mended.edits()[0].span.clone();
        assert_eq!(&bytes[at], b"attfinish");
        let clean = b"plain \xff text";
        assert!(matches!(
            mender.mend_bytes(clean).into_bytes(),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn clean_text_is_borrowed_back() {
        let mender = Mender::new().unwrap();
        let text = "The quick brown fox jumps over the lazy dog.";
        let mended = mender.mend(text);
        assert!(matches!(mended.into_text(), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn soft_hyphens_inside_a_line_stay_in_clean_text() {
        // An author's hyphenation hints (`Mon\u{ad}day` in a manual's HTML)
        // read the same either way: clean text keeps them. One at a line
        // end marks a word broken there, and is joined.
        let mender = Mender::new().unwrap();
        let text = "Weekday: a value from 1 to 7, Mon\u{ad}day to Sun\u{ad}day, \
                    whose name is to be calculated.";
        assert!(mender.mend(text).edits().is_empty());
        let broken = "The recom\u{ad}\nmendation, he said.";
        let mended = mender.mend(broken);
        assert_eq!(mended.text(), "The recommendation,\nhe said.");
    }

    #[test]
    fn one_word_built_on_a_synonym_is_no_swap() {
        // `canonical·ized` reads as a spun `standard·ized`, but English
        // builds words that way: alone, it is a word the dictionary lacks.
        // A spinner's fragment (`attfinish`) still is evidence.
        let mender = Mender::new().unwrap();
        let text = "The function returns the canonicalized absolute pathname of the file.";
        assert!(mender.mend(text).edits().is_empty());
        let spun = "Delegates will attfinish the summit. The agfinisha is long.";
        assert_eq!(
            mender.mend(spun).text(),
            "Delegates will attend the summit. The agenda is long."
        );
    }

    #[test]
    fn a_part_the_text_builds_other_names_with_is_no_swap() {
        // `any·element` reads as a spun `any·thing`, but `any·array` shows
        // that the text names things with `any`: an author's scheme.
        let mender = Mender::new().unwrap();
        let text = "The function takes anyelement and returns anyarray. \
                    Each anyelement argument must match the others.";
        assert!(mender.mend(text).edits().is_empty());
    }

    #[test]
    fn a_compound_of_a_middling_word_is_no_swap() {
        // `patch·set` reads as a spun `patch·work`; `patch`, a word of the
        // middle range, makes compounds.
        let mender = Mender::new().unwrap();
        let text = "Apply the quilt patchset onto the branch, keeping the order of the patchset.";
        assert!(mender.mend(text).edits().is_empty());
    }

    /// A mender for `language` given the MyThes file `mythes` as the
    /// user's thesaurus.
    fn with_mythes(language: Language, mythes: &str) -> Mender {
        let thesaurus = crate::knowledge::user::UserThesaurus::from_mythes(
            language,
            mythes.as_bytes(),
            std::path::Path::new("th.dat"),
        )
        .unwrap();
        Mender::builder()
            .language(language)
            .thesaurus(thesaurus)
            .build()
            .unwrap()
    }

    #[test]
    fn a_rule_read_in_both_cases_needs_both_signatures() {
        // With a thesaurus relating `Kunst` and `Theater`, `Tanz·kunst`
        // reads as a spun `Tanz·theater` and `Kunst·pädagogik` as a spun
        // `Theater·pädagogik`. A case-sensitive spinner made the second with
        // a capitalised pair of its own, so the `Theater` this text holds
        // says it did not.
        let mender = with_mythes(Language::German, "UTF-8\nkunst|1\n(Nomen)|theater\n");
        let filler =
            "Die Leute gehen am Abend nach Hause und sprechen über den Tag. ".repeat(6_000);
        let text = format!(
            "Über die Tanzkunst schrieb er viel. {filler}Die Kunstpädagogik blieb. \
             Am Abend ging sie ins Theater."
        );
        assert!(mender.mend(&text).edits().is_empty());
        // Without the `Theater`, both signatures hold.
        let spun = text.replace("ins Theater", "ins Kino");
        let mended = mender.mend(&spun);
        assert!(
            mended.text().contains("Tanztheater") && mended.text().contains("Theaterpädagogik"),
            "{:?}",
            mended.rules()
        );
    }

    #[test]
    fn a_word_hyphenated_at_a_line_end_is_joined_only_in_a_scan() {
        // Quotations copied from print keep their line-end hyphens: clean
        // text comes out as it went in.
        let clean = "Hopper told a group of Long Island public school adminis-\n\
                     trators that the computer would not replace them.\n";
        assert_eq!(Mender::new().unwrap().mend(clean).text(), clean);
        // Said to be a scan, the word is joined, and the break moves after it.
        let ocr = Mender::builder().mode(Mode::Ocr).build().unwrap();
        assert_eq!(
            ocr.mend(clean).text(),
            "Hopper told a group of Long Island public school administrators\n\
             that the computer would not replace them.\n"
        );
        // An invisible soft hyphen at a line end is a break by definition.
        let soft = "the public school adminis\u{ad}\ntrators that\n";
        assert_eq!(
            Mender::new().unwrap().mend(soft).text(),
            "the public school administrators\nthat\n"
        );
    }

    #[test]
    fn a_spelling_that_keeps_to_its_place_is_no_scanners_damage() {
        let mender = Mender::new().unwrap();
        // Early printing's `v` at the start of a word and `u` inside it,
        // whatever the sound: a short page of it is the period's spelling,
        // though few of its words occur twice.
        let period = "When the Earle had heard the newes, he gaue order that his seruants \
                      should be ready by the euening. Vpon the morrow they rode ouer the hill, \
                      and vnto the gate of the towne, where the people gathered to see them \
                      passe. The Earle was a braue man, and his loue for the King was knowne \
                      to euery man in the Realme. His brother, a learned man that liued in \
                      the Vniuersity, wrote him letters full of good aduice, which he kept in \
                      a little box of siluer. They spake of the warres, of the prices of corne, \
                      and of their mother, who was now very old and could not leaue her \
                      chamber.";
        let mended = mender.mend(period);
        assert!(mended.edits().is_empty(), "{:?}", mended.rules());
        // A scanner that read `u` for `v` did so wherever a `v` stood.
        let scanned = "When the Earl had heard the news, he gaue order that his servants \
                       should be ready by the euening. Upon the morrow they rode ouer the hill, \
                       and on to the gate of the town, where the people gathered to see them \
                       pass. The Earl was a braue man, and his love for the King was known to \
                       every man in the realm. His brother, a learned man who liued at the \
                       uniuersity, wrote him letters full of good advice, which he kept in a \
                       little box of siluer. They spoke of the wars, of the price of corn, and \
                       of their mother, who was now uery old and could not leaue her room.";
        let mended = mender.mend(scanned);
        assert!(
            mended.text().contains("he gave order")
                && mended.text().contains("now very old")
                && mended.text().contains("the university"),
            "{:?}",
            mended.rules()
        );
        // Old Dutch `ae` for the long `a` before `r`, everywhere the text
        // has one, against a scanner's `e` for `a` anywhere.
        let period = "Het pakket is nu klaer voor gebruik. Daerom leggen wij hier uit waerom \
                      het zo werkt en waer u de bestanden vindt. Eerst opent u het menu, daerna \
                      kiest u de taal. Het programma is beschikbaer voor alle gebruikers en de \
                      instellingen zijn aanpasbaer. Na een jaer van werk hebben de \
                      ontwikkelaers de nieuwe versie uitgebracht. Wie vragen heeft, kan een \
                      bericht sturen naer de lijst, maer lees eerst de handleiding. Daer staat \
                      wat u moet doen als het programma niet start.";
        let mended = mender.mend(period);
        assert!(mended.edits().is_empty(), "{:?}", mended.rules());
        let scanned = "Het pekket is nu klaar voor gebruik. Daarom leggen wij hier uit waerom \
                       het zo werkt en waar u de bestenden vindt. Eerst opent u het menu, \
                       daarna kiest u de taal. Het progremma is beschikbaar voor alle \
                       gebruikers en de instellingen zijn aanpasbaar. Na een jaar van werk \
                       hebben de ontwikkeleers de nieuwe versie uitgebracht. Wie vragen heeft, \
                       kan een bericht sturen naar de lijst, maar lees eerst de hendleiding. \
                       Daar staat wat u moet doen als het programma niet stert.";
        let mended = mender.mend(scanned);
        assert!(
            mended.text().contains("Het pakket")
                && mended.text().contains("de bestanden")
                && mended.text().contains("de handleiding"),
            "{:?}",
            mended.rules()
        );
    }

    #[test]
    fn a_period_spelling_of_a_common_word_is_no_evidence_of_a_scanner() {
        let mender = Mender::new().unwrap();
        // French before 1835: `-oit` for `-ait`, `enfans` for `enfants`.
        // Each word is what reading `o` for `a` would also give.
        let period = "Le marchand avoit trois enfans, qui demeuroient avec lui dans une petite maison \
                      près de la rivière. Tous les matins il alloit au marché, où il vendoit des \
                      étoffes et des rubans aux habitans de la ville. Ses enfans l'aidoient de leur \
                      mieux : l'aîné tenoit les comptes, le second portoit les paquets, et la plus \
                      jeune, qui n'avoit que dix ans, chantoit pour attirer les passans. Les voisins \
                      disoient que jamais on n'avoit vu famille plus unie. Quand venoit l'hiver, ils \
                      se chauffoient tous ensemble auprès du feu, et le père leur racontoit les \
                      voyages qu'il faisoit autrefois dans les pays étrangers, au temps où il étoit \
                      jeune et où les chemins étoient pleins de brigands.";
        let mended = mender.mend(period);
        assert!(mended.edits().is_empty(), "{:?}", mended.rules());
        // A scanner that read `o` for `a` did so in other words too
        // (`morché`, `rubons`), and its rule repairs every one.
        let scanned = "Le marchand ovait trois enfants, qui demeuraient avec lui dans une petite moison \
                       près de la rivière. Tous les matins il allait au morché, où il vendait des \
                       étoffes et des rubons aux habitants de la ville. Ses enfants l'aidaient de leur \
                       mieux : l'aîné tenait les comptes, le second portait les paquets, et la plus \
                       jeune, qui n'avait que dix ons, chantait pour attirer les passants. Les voisins \
                       disaient que jomais on n'avait vu famille plus unie. Quand venait l'hiver, ils \
                       se chauffaient tous ensemble auprès du feu, et le père leur racontait les \
                       voyages qu'il foisait autrefois dans les pays étrangers, au temps où il était \
                       jeune et où les chemins étaient pleins de brigonds.";
        let mended = mender.mend(scanned);
        assert!(
            mended.text().contains("marchand avait trois"),
            "{:?}",
            mended.rules()
        );
        assert!(
            mended.text().contains("petite maison") && mended.text().contains("au marché"),
            "{:?}",
            mended.rules()
        );
    }

    #[test]
    fn a_text_in_a_periods_spelling_takes_only_a_scanners_confusions() {
        // A charter in Middle French: accents unwritten (`presentes`,
        // `tresor`), `-oit` for `-ait`, old words (`feust`, `mengeurs`).
        // It had taught `e → é` from nine words and `e → a` from three.
        let charter = "A tous ceulx qui ces presentes lettres verront, nous faisons savoir que le \
                       tresor de l'eglise avoit esté delivré au procureur, qui le tenoit en la maison \
                       du chapitre. Le seigneur et ses heritiers promettoient de le garder en \
                       perpetuel, par la misericorde de Dieu et l'obeissance qu'ils devoient au Roy. \
                       Et pour ce que le debat duroit depuis longtemps entre les parties, le juge \
                       ordonnoit que chascun feust tenu de comparoir devant lui au jour de la \
                       delivrance, et que les mengeurs et les autres serviteurs du seigneur ne pevent \
                       entrer dans la maison sans congié. Donné en nostre chastel le premier jour de \
                       may, l'an de grace mil trois cens et vint, et scellé de nostre seel en \
                       tesmoing de verité. Le procureur avoit juré de garder les lettres et le \
                       tresor, et le chapitre lui devoit rendre compte de tout ce qu'il recevoit en \
                       la maniere accoustumée, selon le droit et la coustume du pays, par devant le \
                       bailli et les hommes du seigneur.";
        let mended = Mender::new().unwrap().mend(charter);
        assert!(mended.edits().is_empty(), "{:?}", mended.rules());
    }

    #[test]
    fn old_forms_the_dictionary_lists_show_a_periods_spelling() {
        // Middle French `-z` for `-ts` (`paiemenz`, `faiz`) reads as a
        // scanner's `z → t` on five words; `roys`, `nostre`, `avoit` and
        // `enfans`, which the French list holds from old books, say that
        // the text is in its period's spelling.
        let charter = "Charles, par la grace de Dieu, roys de France, à touz ceulx qui ces \
                       lettres verront, salut. Savoir faisons que nostre amé clerc avoit receu \
                       les paiemenz de noz rentes, et que les genz de nostre conseil ont veu les \
                       commandemenz que nous leur avions faiz. Et pour ce que le dit clerc et ses \
                       enfans ont tousjours bien servi nous et noz predecesseurs, nous voulons \
                       que touz les deniers qu'il a receuz lui soient alloez en ses comptes, sanz \
                       nul contredit. Si donnons en mandement à noz amez et feaulx les genz de \
                       noz comptes que de ceste nostre grace facent joir le dit clerc, car ainsi \
                       nous plaist il estre fait. Donné à Paris, l'an de grace mil trois cens et \
                       vint, et scellé de nostre seel.";
        let mended = Mender::new().unwrap().mend(charter);
        assert!(mended.edits().is_empty(), "{:?}", mended.rules());
    }

    #[test]
    fn a_piece_of_a_word_split_inside_a_line_is_not_rewritten() {
        // `irrecoverable` is too rare to be joined across the space, and
        // `coverable` read as a spun `capable` was rewritten half by half.
        let text = "The sweetness of her voice held all my senses in an irre coverable \
                    rapture, and I thought above twenty times to break my resolution.";
        let mended = Mender::new().unwrap().mend(text);
        assert!(mended.edits().is_empty(), "{:?}", mended.rules());
    }

    #[test]
    fn names_built_on_one_word_are_no_spinners_work() {
        // An API's names built on `get`: five of them read as `under·line`,
        // `over·pass`, `play·list`, …, the rest as nothing.
        let mender = Mender::new().unwrap();
        let index = "The module defines getline(), getpass(), getstate(), getvalue() and \
                     getwriter(). See also getcaps(), getgroups(), getpen(), getreader(), \
                     getscreen(), getmark(), getlist(), getattr(), getenv(), getcwd(), \
                     getpid(), getuid(), getsize() and getitem(), which return what their \
                     names say.";
        let mended = mender.mend(index);
        assert!(mended.edits().is_empty(), "{:?}", mended.rules());
        // A spinner that put `get` for `under` leaves it where putting
        // `under` back makes a word.
        let spun = "Most readers getstand the getlying idea. The getground railway ran \
                    getneath the city, and a getpass crossed it. The getwriter getlined \
                    the risk, getstating it in the report that followed.";
        let mended = mender.mend(spun);
        assert!(
            mended.text().contains("understand the underlying idea")
                && mended.text().contains("underground"),
            "{:?}",
            mended.rules()
        );
    }

    #[test]
    fn applying_what_a_text_taught_gives_its_own_repair() {
        let mender = Mender::new().unwrap();
        let english = "She notified him at once. Our innotifyigence units and theirs \
                       shared innotifyigence, and the notifyer notified them all. \
                       Delegates will attfinish the summit; the agfinisha is long.";
        let mended = mender.mend(english);
        assert!(!mended.edits().is_empty());
        let again = mender.apply_learned(english, mended.learned());
        assert_eq!(again.edits(), mended.edits());
        assert_eq!(again.suggestions(), mended.suggestions());
        assert_eq!(mended.learned().rules(), *mended.rules());
    }

    #[test]
    fn edits_carry_kinds_and_character_spans() {
        let mender = Mender::new().unwrap();
        let text = "Caf\u{e9} owners attfinish the summit. The agfinisha is long, \
                    and it\u{e2}\u{20ac}\u{2122}s full.";
        let mended = mender.mend(text);
        let kinds: Vec<EditKind> = mended.edits().iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [EditKind::WordSwap, EditKind::WordSwap, EditKind::Mojibake]
        );
        let chars: Vec<char> = text.chars().collect();
        for edit in mended.edits() {
            let before: String = chars[edit.chars.clone()].iter().collect();
            assert_eq!(before, edit.before);
        }
        let out = mended.text();
        let full = out.find("full").unwrap();
        assert_eq!(mended.input_offset(full), text.find("full").unwrap());
    }

    #[test]
    fn a_swap_whose_stand_in_stands_alone_needs_no_common_restored_side() {
        // A spinner swapped Portuguese `mar` for `pedra` everywhere, as a
        // word and inside five others. No embedded thesaurus relates them,
        // and `mar` is far too rare to be missed in 120 words by its
        // frequency; but `pedra` stands alone four times where the text
        // lacks `mar`, and nothing else in the text holds it.
        let clean = "O velho pescador morava numa casa pequena perto do mar. Todas as \
            manhãs bebia um café amargo na cozinha e descia até o porto para arrumar \
            as redes. O barco precisava de reparos, e ele trabalhava nele desde o \
            inverno, sem chamar ninguém para ajudar. Nas visitas do filho caminhavam \
            pela praia, e o velho contava histórias do mar e das viagens que tinha \
            feito quando era jovem, e ninguém podia confirmar nada. Dizia que o mar \
            ensina mais do que a escola e que é preciso formar os jovens com \
            paciência. Naquela tarde o mar estava calmo.";
        let mender = Mender::builder()
            .language(Language::Portuguese)
            .build()
            .unwrap();
        assert_eq!(mender.mend(clean).text(), clean);
        let spun = clean.replace("mar", "pedra");
        let mended = mender.mend(&spun);
        // The five damaged words are repaired; the whole-word swaps stay
        // suggestions (`--whole-words` applies them).
        assert_eq!(mended.edits().len(), 5, "{:?}", mended.rules());
        assert!(mended.text().contains("amargo") && mended.text().contains("formar"));
        assert_eq!(mended.text().replace("pedra", "mar"), clean);
        // Where `pedra` never stands alone, nothing says it stands in for
        // `mar`.
        let alone = clean.replace(" mar", " oceano").replace("mar", "pedra");
        assert!(mender.mend(&alone).edits().is_empty());
        // A word of the author's own that holds `pedra` (`pedrada`: no
        // spinner made it from a `marda`) says the word is the author's.
        let own = spun.replace("a escola", "uma pedrada");
        assert!(mender.mend(&own).edits().is_empty());
        // A user's thesaurus that relates the two words loosely (a MyThes
        // file) asks no more of them than no relation does.
        let with_thesaurus =
            with_mythes(Language::Portuguese, "UTF-8\nmar|1\n(Nome)|pedra|oceano\n");
        let mended = with_thesaurus.mend(&spun);
        assert_eq!(mended.edits().len(), 5, "{:?}", mended.rules());
        assert_eq!(with_thesaurus.mend(clean).text(), clean);
    }

    #[test]
    fn a_stand_in_whose_words_fit_many_verbs_is_left_alone() {
        // A spinner swapped German `führen` for `resultieren`. The damaged
        // words `auszuresultieren`, `ausresultieren`, `überresultieren` read
        // as well with `lassen`, `denken` or `arbeiten` as with `führen`:
        // nothing singles out one, so nothing is learned from them.
        let clean = "Die Werkzeuge in diesem Kapitel führen Sie Schritt für Schritt \
            durch die Arbeit. Um einen Befehl auszuführen, wählen Sie ihn im Menü und \
            bestätigen Sie mit der Eingabetaste. Sie können mehrere Befehle \
            nacheinander ausführen, ohne das Fenster zu schließen. Wenn Sie die alten \
            Daten in das neue Format überführen möchten, speichern Sie die Datei \
            zuerst unter einem anderen Namen. Die meisten Schritte führen schnell zum \
            Ziel, und kein Schritt kann die Originaldatei beschädigen.";
        let mender = Mender::builder()
            .language(Language::German)
            .build()
            .unwrap();
        assert_eq!(mender.mend(clean).text(), clean);
        let spun = clean.replace("führen", "resultieren");
        let mended = mender.mend(&spun);
        assert!(mended.edits().is_empty(), "{:?}", mended.rules());
    }

    #[test]
    fn a_mender_built_with_a_language_keeps_it_whatever_the_label() {
        let spun = "Delegates will attfinish the summit. The agfinisha is long, \
            and every counattempt in the region sent a delegation to attfinish it.";
        let mender = Mender::builder()
            .language(Language::English)
            .build()
            .unwrap();
        let own = mender.mend(spun);
        assert_ne!(own.text(), spun);
        for label in [None, Some(Language::German)] {
            assert_eq!(
                mender.labelled(label).mend(spun).text(),
                own.text(),
                "{label:?}"
            );
        }
        // Without a language of its own, the label decides.
        let mender = Mender::new().unwrap();
        assert_eq!(mender.labelled(None).mend(spun).text(), spun);
    }

    #[test]
    fn a_related_swap_inside_unlisted_compounds_is_learned_from_them() {
        // A spinner swapped German `Bild` for `Porträt` everywhere: as a
        // word, in its inflected forms (`Bildes`, `Bildern`: `Porträtes`,
        // `Porträtern` are no words), in listed compounds (`Bildschärfe`,
        // `Bildschirm`, `Bildrand`) and in compounds no dictionary lists
        // (`Bildfenster`, `Bildrauschen`, `Bildbereich`, `Bildmitte`). A
        // thesaurus relates `Bild` to `Porträt`, `Foto` and `Abbildung`;
        // every one of them makes compounds with `fenster`, but only
        // `Bild` restores the broken inflections and the listed words.
        let clean = "Das Bild erscheint im Bildfenster, sobald die Datei geladen ist. \
            Im Kopf des Fensters steht der Name des Bildes. Mit dem Werkzeug können \
            Sie das Bildrauschen verringern und die Bildschärfe erhöhen. Wählen Sie \
            zuerst einen Bildbereich aus, dann wirkt der Filter nur dort. Der \
            Bildschirm zeigt die Änderung sofort an. Wenn das Bild zu groß ist, passen \
            Sie die Ansicht an. Am Bildrand erscheinen die Lineale, und die Bildmitte \
            markiert ein kleines Kreuz. In den Bildern sehen Sie die Ebenen. \
            Speichern Sie das Bild zum Schluss unter einem neuen Namen.";
        let mythes = "UTF-8\nbild|1\n(Substantiv)|Porträt|Foto|Abbildung\n";
        let mender = with_mythes(Language::German, mythes);
        assert_eq!(mender.mend(clean).text(), clean);
        let spun = clean.replace("Bild", "Porträt");
        let mended = mender.mend(&spun);
        // The nine damaged words are repaired; the three whole words stay
        // suggestions.
        assert_eq!(mended.text().replace("Porträt", "Bild"), clean);
        assert_eq!(mended.edits().len(), 9, "{:?}", mended.rules());
        assert!(mended.text().contains("Bildfenster") && mended.text().contains("Bildmitte"));
        // Where no broken inflection proposes the pair, the compounds
        // cannot say which relative was swapped.
        let unlisted = ["Bildes", "Bildern"]
            .iter()
            .fold(clean.to_string(), |text, word| {
                text.replace(word, "Fenster")
            });
        let spun = unlisted.replace("Bild", "Porträt");
        assert!(mender.mend(&spun).edits().is_empty());
        // Nor without the relation.
        let mender = Mender::builder()
            .language(Language::German)
            .build()
            .unwrap();
        let spun = clean.replace("Bild", "Porträt");
        assert!(mender
            .mend(&spun)
            .edits()
            .iter()
            .all(|e| !e.before.contains("fenster")));
    }

    #[test]
    fn a_word_with_two_swaps_is_repaired_by_two_rules_learned_elsewhere() {
        // A spinner swapped `head` for `chief` and `light` for `bright`.
        // `headlight` holds both: it teaches neither rule, but once other
        // words have taught them, both apply to it at once.
        let clean = "The keeper of the old lighthouse had a headache every evening. He \
            climbed the stairs at twilight, checked the lamp and watched the boats come \
            home. His daughter was delighted when the beam swept over the water. Overhead \
            the gulls turned in slow circles, and on the forehead of the cliff the grass \
            bent in the wind. Once a year a ship with a broken headlight drifted too close \
            to the rocks. He told visitors that the highlight of his week was the letter \
            from his sister in the city.";
        let mender = Mender::new().unwrap();
        assert_eq!(mender.mend(clean).text(), clean);
        let spun = clean.replace("head", "chief").replace("light", "bright");
        let mended = mender.mend(&spun);
        assert_eq!(mended.text(), clean, "{:?}", mended.rules());
        let both = mended
            .edits()
            .iter()
            .find(|e| e.before == "chiefbright")
            .unwrap();
        assert_eq!(both.after, "headlight");
        assert_eq!(both.rules.len(), 2, "{:?}", both.rules);
    }
}
