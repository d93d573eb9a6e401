//! How a word of a case-insensitive dictionary is keyed. Shared by the build
//! script, which writes the keys, and the library, which looks them up, so
//! the two cannot drift apart.

use std::borrow::Cow;

/// The key a word of a case-insensitive dictionary is stored under:
/// lowercase, `ß` as `ss`, the typographic apostrophe as `'`.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word
        .chars()
        .any(|c| c.is_uppercase() || c == 'ß' || c == '\u{2019}')
    {
        Cow::Owned(
            word.to_lowercase()
                .replace('ß', "ss")
                .replace('\u{2019}', "'"),
        )
    } else {
        Cow::Borrowed(word)
    }
}
