//! A rule as the JSON reports give it: `--format json`'s rule lines and the
//! review page's data write the same fields, in the same order, from here.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use textmend::{Rule, RuleKind};

/// A rule's fields, in the order the reports give them: `from`, `to`,
/// `kind`, `words`, `tokens`, `confidence`, `rate`, `keyness`, `examples`.
/// Each report flattens them into its own object (`#[serde(flatten)]`).
pub struct RuleFields<'a> {
    rule: &'a Rule,
    /// Whether a rule without a `rate` or `keyness` says `null` (the review
    /// page) rather than leaving the field out (JSON lines).
    nulls: bool,
}

impl RuleFields<'_> {
    /// The fields of a JSON line: a `rate` or `keyness` the rule does not
    /// have is left out.
    pub fn line(rule: &Rule) -> RuleFields<'_> {
        RuleFields { rule, nulls: false }
    }

    /// The fields of the review page's data: every field, `null` where the
    /// rule has no `rate` or `keyness`.
    pub fn page(rule: &Rule) -> RuleFields<'_> {
        RuleFields { rule, nulls: true }
    }
}

impl Serialize for RuleFields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rule = self.rule;
        let mut fields = serializer.serialize_struct("Rule", 9)?;
        fields.serialize_field("from", &rule.from)?;
        fields.serialize_field("to", &rule.to)?;
        fields.serialize_field("kind", &rule.kind.to_string())?;
        fields.serialize_field("words", &rule.words)?;
        fields.serialize_field("tokens", &rule.tokens)?;
        fields.serialize_field("confidence", &rule.confidence)?;
        for (name, value) in [("rate", rule.rate), ("keyness", rule.keyness)] {
            if value.is_some() || self.nulls {
                fields.serialize_field(name, &value)?;
            } else {
                fields.skip_field(name)?;
            }
        }
        fields.serialize_field("examples", &rule.examples)?;
        fields.end()
    }
}

/// Whether `rule` is the rule `from → to` of a whole-word edit or of an
/// in-word one, as `whole_word` says (the two may have the same sides).
pub fn is_rule(rule: &Rule, from: &str, to: &str, whole_word: bool) -> bool {
    rule.from == from && rule.to == to && (rule.kind == RuleKind::WholeWord) == whole_word
}
