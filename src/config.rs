//! Settings beyond the command line: `textmend.toml` (the first one found in
//! the working directory or its parents, as typos finds `_typos.toml`, or
//! the file `--config` names), the user's word and ignore lists and
//! thesauri. Turns them into builder calls; the library never reads files
//! itself.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use textmend::{Ignore, MenderBuilder, Mode, UserThesaurus, UserWords, WordInfo};

use crate::args::Global;

/// The names of the configuration file looked for in the working directory
/// and its parents, in order of preference within one directory.
const CONFIG_FILES: &[&str] = &["textmend.toml", ".textmend.toml"];

/// What `textmend.toml` may say. Paths are relative to the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    /// `auto`, `spinner` or `ocr`.
    mode: Option<String>,
    /// Word lists, as for `--dict`.
    #[serde(default)]
    dict: Vec<PathBuf>,
    /// Ignore lists, as for `--ignore`.
    #[serde(default)]
    ignore: Vec<PathBuf>,
    /// MyThes files by language code, as for `--thesaurus`.
    #[serde(default)]
    thesaurus: BTreeMap<String, PathBuf>,
}

/// The settings of one run: the config file's, then the command line's.
pub struct Settings {
    mode: Mode,
    language: Option<textmend::Language>,
    words: UserWords,
    ignore: Ignore,
    thesauri: Vec<UserThesaurus>,
}

impl Settings {
    /// Reads the config file (if any) and every word and ignore list.
    pub fn load(options: &Global) -> Result<Settings, String> {
        let found = match &options.config {
            Some(path) => Some(path.clone()),
            None => find_config(),
        };
        let (config, base) = match &found {
            Some(path) => (read_config(path)?, parent(path)),
            None => (Config::default(), PathBuf::new()),
        };
        let config_path = found.unwrap_or_else(|| PathBuf::from(CONFIG_FILES[0]));
        let config_mode = match config.mode.as_deref() {
            None | Some("auto") => Mode::Auto,
            Some("spinner") => Mode::Spinner,
            Some("ocr") => Mode::Ocr,
            Some(other) => {
                return Err(format!(
                    "{}: mode {other:?}: expected auto, spinner or ocr",
                    config_path.display()
                ))
            }
        };
        // The config file's lists (relative to it), then the command line's.
        let paths = |listed: &[PathBuf], given: &[PathBuf]| -> Vec<PathBuf> {
            listed
                .iter()
                .map(|p| base.join(p))
                .chain(given.iter().cloned())
                .collect()
        };
        let mut words = UserWords::new();
        for path in paths(&config.dict, &options.dicts) {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            words.extend(&UserWords::from_bytes(&bytes, &path).map_err(|e| e.to_string())?);
        }
        let mut ignore = Ignore::new();
        for path in paths(&config.ignore, &options.ignores) {
            let text = read_text(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            ignore.extend(&Ignore::parse(&text, &path).map_err(|e| e.to_string())?);
        }
        // The config file's, then the command line's: the builder keeps the
        // last one given for a language.
        let mut thesauri: Vec<UserThesaurus> = Vec::new();
        let listed = config.thesaurus.iter().map(|(code, path)| {
            crate::args::language_code(code)
                .map(|language| (language, base.join(path)))
                .map_err(|e| format!("{}: thesaurus: {e}", config_path.display()))
        });
        for given in listed.chain(options.thesauri.iter().cloned().map(Ok)) {
            let (language, path) = given?;
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            thesauri.push(
                UserThesaurus::from_mythes(language, &bytes, &path).map_err(|e| e.to_string())?,
            );
        }
        Ok(Settings {
            mode: options.damage.unwrap_or(config_mode),
            language: options.language,
            words,
            ignore,
            thesauri,
        })
    }

    /// The builder with these settings.
    pub fn apply(&self, builder: MenderBuilder) -> MenderBuilder {
        let builder = builder
            .mode(self.mode)
            .words(&self.words)
            .ignore(&self.ignore);
        let builder = self
            .thesauri
            .iter()
            .fold(builder, |b, t| b.thesaurus(t.clone()));
        match self.language {
            Some(language) => builder.language(language),
            None => builder,
        }
    }
}

/// The first configuration file in the working directory or its parents.
fn find_config() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors().find_map(|dir| {
        CONFIG_FILES
            .iter()
            .map(|name| dir.join(name))
            .find(|path| path.is_file())
    })
}

/// Reads a configuration file; errors name the file, the line and what is
/// wrong (`duplicate key`, an unknown key and the keys allowed).
fn read_config(path: &Path) -> Result<Config, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    toml::from_str(text).map_err(|e| {
        let mut message = e.message().trim_end().replace('\n', " ");
        let Some(span) = e.span() else {
            return format!("{}: {message}", path.display());
        };
        let start = span.start.min(text.len());
        let line = text[..start].matches('\n').count() + 1;
        // The key of the line the error is on, unless the message names it.
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_text = text[line_start..].lines().next().unwrap_or_default();
        let key = line_text
            .split_once('=')
            .map(|(key, _)| key.trim().trim_matches('"'))
            .filter(|key| !key.is_empty() && !key.starts_with(['[', '#']));
        if let Some(key) = key {
            if !message.contains(&format!("`{key}`")) {
                message = format!("key `{key}`: {message}");
            }
        }
        format!("{}:{line}: {message}", path.display())
    })
}

fn parent(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// `textmend dict build`: compiles the word list at `words` to `output`;
/// the number of words.
pub fn build_dictionary(words: &Path, output: &Path) -> Result<usize, String> {
    let bytes = fs::read(words).map_err(|e| format!("{}: {e}", words.display()))?;
    let list = UserWords::from_bytes(&bytes, words).map_err(|e| e.to_string())?;
    crate::atomic::write_file(output, &list.to_fst())
        .map_err(|e| format!("{}: {e}", output.display()))?;
    Ok(list.len())
}

/// Compiles the MyThes thesaurus at `path` to `output` (atomically).
pub fn build_thesaurus(path: &Path, output: &Path) -> Result<(), String> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let compiled = UserThesaurus::compile(&bytes, path).map_err(|e| e.to_string())?;
    crate::atomic::write_file(output, &compiled).map_err(|e| format!("{}: {e}", output.display()))
}

/// One line of `textmend dict lookup`.
pub fn describe(word: &str, info: &WordInfo) -> String {
    let mut facts: Vec<String> = Vec::new();
    match (info.known, info.frequency) {
        (true, Some(f)) => facts.push(format!("known, {f} per billion words")),
        (true, None) | (false, Some(_)) => facts.push("known".to_string()),
        (false, None) => facts.push("not a dictionary word".to_string()),
    }
    if info.user {
        facts.push("in a user dictionary".to_string());
    }
    if info.attested {
        facts.push("an attested form".to_string());
    }
    if info.compound {
        facts.push("a compound of dictionary words".to_string());
    }
    if info.ignored {
        facts.push("ignored".to_string());
    }
    format!("{word}\t{}", facts.join("; "))
}

/// The mender the options ask for, with the rules in `rules` (learning
/// beside them only with `learn`), or a message saying why not.
pub fn build_mender(
    global: &Global,
    rules: Option<&Path>,
    learn: bool,
) -> Result<textmend::Mender, String> {
    let rules = rules.map(read_rules).transpose()?;
    mender_with(global, rules, learn)
}

/// The mender of [`build_mender`], given the rules already read.
pub fn mender_with(
    global: &Global,
    rules: Option<textmend::RuleSet>,
    learn: bool,
) -> Result<textmend::Mender, String> {
    let mut builder = builder(global)?;
    if let Some(rules) = rules {
        builder = builder.rules(rules).learn(learn);
    }
    builder.build().map_err(|e| e.to_string())
}

/// The text of a rules file, or a message naming it.
pub fn read_rules_text(path: &Path) -> Result<String, String> {
    read_text(path).map_err(|e| format!("{}: cannot read rules: {e}", path.display()))
}

fn read_rules(path: &Path) -> Result<textmend::RuleSet, String> {
    let text = read_rules_text(path)?;
    textmend::RuleSet::parse(&text, path).map_err(|e| e.to_string())
}

fn builder(global: &Global) -> Result<MenderBuilder, String> {
    let settings = Settings::load(global)?;
    let mut builder = settings
        .apply(textmend::Mender::builder())
        .whole_words(global.whole_words)
        .max_word_chars(global.max_word_chars)
        .max_explained_suspects(global.max_suspects);
    if let Some(seconds) = global.time_budget {
        let budget = std::time::Duration::try_from_secs_f64(seconds)
            .map_err(|_| format!("--time-budget {seconds}: not a duration in seconds"))?;
        builder = builder.time_budget(budget);
    }
    Ok(builder)
}

/// A text file, without a byte-order mark.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    let text = fs::read_to_string(path)?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}
