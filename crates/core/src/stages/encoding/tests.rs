use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::*;
use crate::edit::splice;
use textmend_eval::corrupt;

fn repaired(text: &str) -> String {
    let repairs = repair_mojibake(text);
    splice(
        text,
        repairs.iter().map(|r| (r.span.clone(), r.after.as_str())),
    )
}

/// `text` as UTF-8 read back as Windows-1252, all of it.
fn misread(text: &str) -> String {
    (0..)
        .map(|seed| corrupt::mojibake(text, seed))
        .find(|m| m != text || text.is_ascii())
        .unwrap()
}

#[test]
fn repairs_mojibake() {
    let cases = [
        ("It\u{e2}\u{20ac}\u{2122}s", "It’s"),
        ("caf\u{c3}\u{a9}", "café"),
        (
            "\u{e2}\u{20ac}\u{153}quoted\u{e2}\u{20ac}\u{9d}",
            "“quoted”",
        ),
        ("10\u{c2}\u{a0}km", "10\u{a0}km"),
        ("yes\u{e2}\u{20ac}\u{201d}no", "yes—no"),
        ("1\u{e2}\u{20ac}\u{201c}2", "1–2"),
        ("wait\u{e2}\u{20ac}\u{a6}", "wait…"),
        ("\u{c2}\u{a9} 2024, 25\u{c2}\u{b0}C", "© 2024, 25°C"),
        ("5 \u{e2}\u{201a}\u{ac}", "5 €"),
        (
            "M\u{c3}\u{bc}ller f\u{c3}\u{bc}r \u{c3}\u{a4}rger",
            "Müller für ärger",
        ),
        ("\u{c3}\u{96}sterreich", "Österreich"),
        ("d\u{c3}\u{ae}ner", "dîner"),
        ("\u{c5}\u{82}\u{c3}\u{b3}d\u{c5}\u{ba}", "łódź"),
        ("\u{d0}\u{9f}\u{d1}\u{80}\u{d0}\u{b8}", "При"),
        ("\u{e4}\u{b8}\u{ad}\u{e6}\u{96}\u{87}", "中文"),
        ("\u{f0}\u{178}\u{2dc}\u{20ac}!", "😀!"),
        ("\u{ef}\u{bb}\u{bf}Title", "\u{feff}Title"),
        // Latin-1 reads 0x80 and 0x99 as C1 controls.
        ("It\u{e2}\u{80}\u{99}s", "It’s"),
        // Decomposed `é`.
        ("cafe\u{cc}\u{81}", "cafe\u{301}"),
    ];
    for (input, want) in cases {
        assert_eq!(repaired(input), want, "{input:?}");
    }
}

/// Each repair of `text` as `(mojibake, decoded, reason)`.
fn explained(text: &str) -> Vec<(&str, String, String)> {
    repair_mojibake(text)
        .into_iter()
        .map(|r| (&text[r.span], r.after, r.reason))
        .collect()
}

#[test]
fn repairs_utf8_read_as_other_code_pages() {
    let cases = [
        // Mac Roman.
        ("caf√©", "café", "macroman"),
        ("pi√π gi√†", "più già", "macroman"),
        ("Gr√∂√üe", "Größe", "macroman"),
        ("It‚Äôs", "It’s", "macroman"),
        // Code page 437.
        ("caf├⌐", "café", "cp437"),
        ("┬┐Qu├⌐? S├¡", "¿Qué? Sí", "cp437"),
        ("lΓÇÖ├⌐t├⌐", "l’été", "cp437"),
        // Windows-1251.
        ("РїСЂРёРІРµС‚ РјРёСЂ", "привет мир", "windows-1251"),
        ("ItвЂ™s", "It’s", "windows-1251"),
        // Windows-1250 and ISO 8859-2.
        ("Ĺ‚ĂłdĹş ĹĽĂłĹ‚w", "łódź żółw", "windows-1250"),
        (
            "Ä\u{8c}eĹĄtina ĹžluĹĽouÄ\u{8d}kĂ˝",
            "Čeština žluťoučký",
            "iso-8859-2",
        ),
        // Windows-1253.
        ("Ξ•Ξ»Ξ»Ξ·Ξ½ΞΉΞΊΞ¬", "Ελληνικά", "windows-1253"),
    ];
    for (input, want, page) in cases {
        assert_eq!(repaired(input), want, "{input:?}");
        let reason = format!("utf-8 read as {page}");
        assert!(
            explained(input).iter().all(|(_, _, r)| *r == reason),
            "{input:?}: {:?}",
            explained(input)
        );
    }
}

#[test]
fn windows_1251_mojibake_of_a_latin_word() {
    // `Г©` inside a Latin word; the lost no-break space of `à` too.
    let text = "faites attention Г bien vous renseigner avant sur le mГ©dicament";
    assert_eq!(
        repaired(text),
        "faites attention à bien vous renseigner avant sur le médicament"
    );
    assert_eq!(
        explained("le mГ©dicament"),
        [(
            "Г©",
            "é".to_string(),
            "utf-8 read as windows-1251".to_string()
        )]
    );
}

#[test]
fn puts_back_a_no_break_space_that_became_a_space() {
    assert_eq!(repaired("voilÃ le travail"), "voilà le travail");
    assert_eq!(
        repaired("Ã perturber la rÃ©flexion"),
        "à perturber la réflexion"
    );
    assert_eq!(
        explained("voilÃ le travail"),
        [(
            "Ã",
            "à".to_string(),
            "utf-8 read as windows-1252; a no-break space that became a space put back".to_string()
        )]
    );
    // Portuguese `Ã` before `quele` is a capital (`àquele` is written
    // together), and clean capitals before a space are no mojibake.
    assert_eq!(
        repaired("IRMÃ E IRMÃO, SÃO PAULO"),
        "IRMÃ E IRMÃO, SÃO PAULO"
    );
}

#[test]
fn turns_c1_controls_into_windows_1252() {
    assert_eq!(repaired("It\u{92}s \u{93}ok\u{94}"), "It’s “ok”");
    assert_eq!(
        explained("It\u{92}s"),
        [(
            "\u{92}",
            "’".to_string(),
            "windows-1252 read as latin-1".to_string()
        )]
    );
    // Windows-1252 leaves 0x81 undefined: it stays, the rest is fixed.
    assert_eq!(repaired("it\u{81}s \u{92}ok\u{92}"), "it\u{81}s ’ok’");
    // UTF-8 read as Latin-1 keeps its C1 controls as continuation bytes.
    assert_eq!(
        explained("It\u{e2}\u{80}\u{99}s"),
        [(
            "\u{e2}\u{80}\u{99}",
            "’".to_string(),
            "utf-8 read as latin-1".to_string()
        )]
    );
}

#[test]
fn reads_lost_bytes_as_the_replacement_character() {
    assert_eq!(repaired("â€œ like this â€\u{fffd}"), "“ like this \u{fffd}");
    assert_eq!(repaired("â€œ like this â€?"), "“ like this \u{fffd}");
    assert_eq!(
        explained("â€œ like this â€?")[1],
        (
            "â€?",
            "\u{fffd}".to_string(),
            "utf-8 read as windows-1252; bytes lost on the way (read as \u{fffd})".to_string()
        )
    );
}

#[test]
fn reads_cesu8_and_java_nulls() {
    assert_eq!(
        repaired("I just \u{ed}\u{a0}\u{bd}\u{ed}\u{b8}\u{80}"),
        "I just 😀"
    );
    assert_eq!(repaired("\u{c3}\u{a9}\u{c0}\u{80}"), "é\u{0}");
}

#[test]
fn each_layer_is_named_in_the_reason() {
    assert_eq!(
        explained("The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows."),
        [(
            "ÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢",
            "’".to_string(),
            "utf-8 read as windows-1252, 3 times".to_string()
        )]
    );
    // Windows-1252 first, then code page 437.
    let twice = "l’été"
        .bytes()
        .map(|b| code_page_char("windows-1252", b))
        .collect::<String>();
    let twice: String = twice.bytes().map(|b| code_page_char("cp437", b)).collect();
    assert_eq!(repaired(&twice), "l’été");
    let reasons: Vec<String> = explained(&twice).into_iter().map(|(_, _, r)| r).collect();
    assert_eq!(reasons, ["utf-8 read as windows-1252, then as cp437"; 3]);
}

/// What `page` reads byte `b` as.
fn code_page_char(page: &str, b: u8) -> char {
    codecs::code_page(page).char_of(b)
}

/// ftfy's own negatives and the three false fixes textmend used to
/// make (`É¿` → `ɿ`, `5×£35` → `5ף35`, `Ä£` → `ģ`), and clean text in
/// the seven languages with the letters and signs mojibake is made of.
#[test]
fn leaves_clean_text_with_mojibake_letters_alone() {
    let cases = [
        "ESSE CARA AI QUEM É¿",
        "Offering 5×£35 pin ups",
        "MÄ£ÄM ÌÑÌ Q £ÄGÌ GÄLÄW ÑÍCH SÖÄ£ ÑÝÄ $ÚÄMÌ Q £ÄGÌ GÄK ÉÑÄK BÄDÄÑ....?????????,",
        "The price: £35 × 5 = £175; naïve café, résumé © 2024 — “quoted” ‘yes’ … ½ °C ±2",
        "Ärger über Öl: 5 × 3 = 15; Preis £35 oder 40 €. ÄRGER, ÖL, ÜBER; „Zitat“ und »Zitat«.",
        "À Noël, l’hôtel « Ô Châteaux » coûte 3× plus ; Ça va ? ÉTÉ À PARIS. Œuvre, cœur.",
        "¿Qué tal? ¡Olé! Año, niño, PEÑA, José; 5×£35; ÁNGEL—Ñu; «Ésta».",
        "SÃO PAULO, IRMÃ, MÃE, “IRMÃ”, À tarde; não, irmã—mãe; ÓRFÃ… CORAÇÃO’S.",
        "Più già così perché È già lì: PIÙ È, CITTÀ—e poi; L’ÀNCORA.",
        "Één coördinatie, reünie, ruïne; ’s avonds, café’s, Ä£.",
    ];
    for text in cases {
        assert_eq!(explained(text), [], "{text:?}");
    }
}

#[test]
fn misread_text_in_many_scripts_comes_back() {
    let cases = [
        "Déjà vu: l’été à Genève, « naïve » cœur.",
        "Größe, Fuß, Ärger, Österreich, „Anführungszeichen“.",
        "São Paulo, irmã, maçã, ação; año, señor, ¿Qué?",
        "Příliš žluťoučký kůň úpěl ďábelské ódy; PROHLÍŽEČ.",
        "Zażółć gęślą jaźń; Łódź.",
        "Tiếng Việt có dấu: Hà Nội, Đà Nẵng.",
        "Azərbaycan dili: çərçivə; oʻzbek tili.",
        "Русский текст, українська мова; ко̂д.",
        "Ελληνικά: αβγ ΔΕΖ.",
        "עברית، العربية، فارسی؟",
        "ქართული ენა; हिन्दी भाषा; ภาษาไทย.",
        "中文，日本語のテキスト，한국어 텍스트.",
        "Emoji 😀👍🏽, math ≤ ≠ ∞, arrows → ⇒, box ─│┌, ✓ ★ ♥ €5 ™ №.",
        // Decoded once, these hold the bytes of a character again.
        "L’été\u{a0}», JOSÉ’S, PEÑA’S, PŘEPÍŠE, “irmã’”.",
    ];
    for text in cases {
        assert_eq!(repaired(&misread(text)), text);
    }
}

#[test]
fn repairs_only_the_mojibake_stretch() {
    let repairs = repair_mojibake("It\u{e2}\u{20ac}\u{2122}s caf\u{c3}\u{a9}.");
    assert_eq!(
        repairs,
        [
            Repair {
                span: 2..10,
                after: "’".to_string(),
                reason: "utf-8 read as windows-1252".to_string(),
            },
            Repair {
                span: 15..19,
                after: "é".to_string(),
                reason: "utf-8 read as windows-1252".to_string(),
            },
        ]
    );
}

#[test]
fn undoes_double_encoding_in_one_repair() {
    let twice = "It\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s";
    assert_eq!(
        repair_mojibake(twice),
        [Repair {
            span: 2..twice.len() - 1,
            after: "’".to_string(),
            reason: "utf-8 read as windows-1252, twice".to_string(),
        }]
    );
    let thrice = misread(&misread(&misread("It’s a café.")));
    assert_eq!(repaired(&thrice), "It’s a café.");
    assert_eq!(repaired(&misread(&misread("naïve “Ærø”"))), "naïve “Ærø”");
    let latin1 = "It\u{c3}\u{a2}\u{c2}\u{80}\u{c2}\u{99}s";
    assert_eq!(repaired(latin1), "It’s");
}

#[test]
fn leaves_clean_text_alone() {
    let cases = [
        "Ça va ? L’été dernier, à Genève, j’ai vu « Les Misérables ».",
        "L’été\u{a0}» et «\u{a0}ÉTÉ\u{a0}» : naïve Ærø, cœur, Œuvre.",
        "Größe, Fuß, Ärger, Österreich: „groß“ und »groß«, er sagte „Straß”.",
        "SÃO PAULO, IRMÃ, IRMÃ”, MAÇÃ…, não, irmã—mãe, “irmã’”.",
        "Ñandú, ESPAÑA, JOSÉ’S, JOSÉ—the, CAFÉ™, NESCAFÉ®, CAFÉ…, “È…”, Æ’",
        "© 2024, ±5 °C, ½ × 3, 3×’x’, §4 ¶2, Nº 5, 1.ª, ¿Qué? ¡Olé!",
        "PROHLÍŽEČ, PŘEPÍŠE, ÚŽASNÝ, “Å”, the isle “Ö”, PIÙ”, COSÌ”, PERCHÉ—, NOË”, Â’r",
        "Ich heiße Jürgen, über’m Fluss; año, señor, acción»; São Tomé.",
    ];
    for text in cases {
        assert_eq!(repair_mojibake(text), [], "{text:?}");
    }
}

#[test]
fn a_capital_before_closing_punctuation_needs_other_evidence() {
    // `Ã”` after a capital is `Ô` in mojibake and a Portuguese word's
    // last letter before a closing quote in clean text.
    assert_eq!(repaired("IRM\u{c3}\u{201d}"), "IRM\u{c3}\u{201d}");
    assert_eq!(
        repaired("“IRM\u{c3}\u{2019}, disse"),
        "“IRM\u{c3}\u{2019}, disse"
    );
    assert_eq!(repaired("S\u{c3}\u{2013} DER"), "S\u{c3}\u{2013} DER");
    // Going on into the word, it is mojibake (ftfy's `HÃ”TEL`)...
    assert_eq!(repaired("H\u{c3}\u{201d}TEL"), "HÔTEL");
    assert_eq!(repaired("S\u{c3}\u{2013}DER"), "SÖDER");
    // ...and so it is when the line shows other mojibake.
    assert_eq!(repaired("IRM\u{c3}\u{201d} f\u{c3}\u{bc}r"), "IRMÔ für");
    // `ł` has no byte in Windows-1252, so the line is fixed stretch by
    // stretch, each on its own evidence.
    assert_eq!(
        repaired("f\u{c3}\u{bc}r ł IRM\u{c3}\u{201d}"),
        "für ł IRM\u{c3}\u{201d}"
    );
}

#[test]
fn every_latin_letter_and_symbol_comes_back() {
    let text: String = ('\u{a0}'..='\u{17f}').flat_map(|c| [c, ' ']).collect();
    assert_eq!(repaired(&misread(&text)), text);
    let words = "Ärger Über Öl Àla Éte Ñu Ça Ål Ør Æb Ìa Ía Îa Ïa Ða Òa Ôa Õa Ùa Úa Ûa Ýa Þa";
    assert_eq!(repaired(&misread(words)), words);
}

/// Every file under `fixtures/clean/`.
fn clean_fixtures() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/clean")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
}

#[test]
fn clean_fixtures_have_no_mojibake() {
    for path in clean_fixtures() {
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(repair_mojibake(&text), [], "{}", path.display());
    }
}

#[test]
fn mojibake_of_the_clean_fixtures_comes_back() {
    // The benchmark sample (fixtures/clean/sample/) writes some accents
    // decomposed (a letter, then U+0301): the mojibake of a lone
    // combining mark after a letter is not undone yet.
    for path in clean_fixtures()
        .into_iter()
        .filter(|p| !p.parent().is_some_and(|d| d.ends_with("sample")))
    {
        let text = fs::read_to_string(&path).unwrap();
        for seed in 0..4 {
            let damaged = corrupt::mojibake(&text, seed);
            assert!(repaired(&damaged) == text, "{} seed {seed}", path.display());
        }
    }
}

/// ftfy's suite at this stage alone (`tests/mojibake.rs` measures the
/// whole pipeline): every damaged case ftfy fixes, and no clean case.
#[test]
fn ftfy_suite_at_the_encoding_stage() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/mojibake/ftfy_test_cases.json");
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let (mut fixed, mut changed) = (0, 0);
    for case in &cases {
        let field = |name: &str| case.get(name).and_then(|v| v.as_str());
        let original = field("original").unwrap();
        let target = field("fixed-encoding").or(field("fixed")).unwrap();
        let out = repaired(original);
        if original == target {
            if out != original {
                changed += 1;
                println!("changed {:?}: {original:?} -> {out:?}", field("label"));
            }
        } else if out == target {
            fixed += 1;
        } else {
            println!(
                "missed {:?}: {original:?} -> {out:?}, want {target:?}",
                field("label")
            );
        }
    }
    println!("{fixed} fixed, {changed} changed");
    assert!(
        fixed >= 103 && changed <= 1,
        "{fixed} fixed, {changed} changed"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn never_panics_and_spans_are_sound(
        text in "([a-zA-Z .?\n]|[\u{80}-\u{ff}]|[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|[√π∂≠├┬┐⌐ΓÇÖ]|[ВГРСЂѓЎ]|[ĂĹłż]|\u{fffd}|中|😀){0,40}"
    ) {
        let repairs = repair_mojibake(&text);
        let mut at = 0;
        for repair in &repairs {
            prop_assert!(at <= repair.span.start && repair.span.start < repair.span.end);
            prop_assert!(text.is_char_boundary(repair.span.start));
            prop_assert!(text.is_char_boundary(repair.span.end));
            prop_assert!(!repair.after.is_empty());
            at = repair.span.end;
        }
        prop_assert!(at <= text.len());
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let repairs = repair_mojibake(&text);
        prop_assert!(repairs.iter().all(|r| text.get(r.span.clone()).is_some()));
    }
}

/// A line far longer than a segment is fixed segment by segment, every
/// sequence whole: the same repairs as the same sentences on lines of
/// their own.
#[test]
fn a_long_line_is_fixed_in_segments_without_cutting_a_sequence() {
    let sentence = "The cafÃ© is open, isnâ€™t it? ";
    let line = sentence.repeat(5_000);
    assert!(line.len() > 2 * MAX_LINE_BYTES);
    let cut: Vec<&str> = segments(&line, MAX_LINE_BYTES).collect();
    assert!(cut.len() >= 3);
    assert_eq!(cut.concat(), line);
    for segment in &cut[..cut.len() - 1] {
        assert!(segment.len() <= MAX_LINE_BYTES);
        assert!(segment.as_bytes().last().is_some_and(u8::is_ascii));
    }
    assert_eq!(
        repair_mojibake(&line).len(),
        5_000 * repair_mojibake(sentence).len()
    );
    let fixed = repaired(&line);
    assert_eq!(fixed, "The café is open, isn’t it? ".repeat(5_000));
}

/// A stretch without ASCII is not cut, however long.
#[test]
fn a_segment_ends_only_after_an_ascii_character() {
    let line = format!("{}a{}", "é".repeat(100), "é".repeat(100));
    let cut: Vec<&str> = segments(&line, 64).collect();
    assert_eq!(cut, [&line[..201], &line[201..]]);
    let none = "é".repeat(100);
    assert_eq!(segments(&none, 64).collect::<Vec<_>>(), [none.as_str()]);
}
