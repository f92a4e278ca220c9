//! Plural forms by the language's CLDR rules: the one module that knows
//! `intl_pluralrules` (the crate Fluent chooses diagnostics' forms with,
//! see `messages`). The theme's UI strings give a count's words under
//! `<key>_<category>` keys (`_zero`, `_one`, `_two`, `_few`, `_many`,
//! `_other`), with `{n}` where the number goes; `_other` is required and
//! stands in for a category a language's file leaves out.
//!
//! French says "0 recommandation" (0 is `one`), English "0
//! recommendations" (0 is `other`): the rules, not the number, decide.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

/// Every CLDR category, as key suffixes.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The category of `n` in the language `lang` (a BCP 47 code); `other`
/// for a language CLDR has no rules for.
pub fn category(lang: &str, n: u64) -> &'static str {
    static RULES: OnceLock<Mutex<BTreeMap<String, Option<PluralRules>>>> = OnceLock::new();
    let mut rules = RULES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let rule = rules.entry(lang.to_string()).or_insert_with(|| {
        let id: unic_langid::LanguageIdentifier = lang.parse().ok()?;
        PluralRules::create(id, PluralRuleType::CARDINAL).ok()
    });
    let Some(rule) = rule else {
        return "other";
    };
    match rule.select(n) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        Ok(PluralCategory::OTHER) | Err(_) => "other",
    }
}

/// The base key of a plural key (`glance_practices_one` →
/// `glance_practices`, `one`), or `None` for a plain key.
pub fn split_key(key: &str) -> Option<(&str, &str)> {
    let (base, cat) = key.rsplit_once('_')?;
    (CATEGORIES.contains(&cat) && !base.is_empty()).then_some((base, cat))
}

/// The words for `n` of `key` in `lang` from `strings`, with `{n}`
/// replaced by the number: `key_<category>`, else `key_other`; `None`
/// when the strings have neither.
pub fn words(strings: &BTreeMap<String, String>, key: &str, lang: &str, n: u64) -> Option<String> {
    let cat = category(lang, n);
    strings
        .get(&format!("{key}_{cat}"))
        .or_else(|| strings.get(&format!("{key}_other")))
        .map(|text| text.replace("{n}", &n.to_string()))
}

/// Each category `strings` gives for `key`, with its text (for a script
/// that chooses with the browser's `Intl.PluralRules`).
pub fn forms(strings: &BTreeMap<String, String>, key: &str) -> BTreeMap<&'static str, String> {
    CATEGORIES
        .iter()
        .filter_map(|c| Some((*c, strings.get(&format!("{key}_{c}"))?.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> BTreeMap<String, String> {
        [
            ("recs_one", "{n} recommandation"),
            ("recs_other", "{n} recommandations"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn french_counts_zero_and_one_as_one() {
        let s = strings();
        assert_eq!(
            words(&s, "recs", "fr", 0).as_deref(),
            Some("0 recommandation")
        );
        assert_eq!(
            words(&s, "recs", "fr", 1).as_deref(),
            Some("1 recommandation")
        );
        assert_eq!(
            words(&s, "recs", "fr", 2).as_deref(),
            Some("2 recommandations")
        );
    }

    #[test]
    fn english_counts_zero_as_other() {
        let s = strings();
        assert_eq!(category("en", 0), "other");
        assert_eq!(category("en", 1), "one");
        assert_eq!(category("en", 2), "other");
        assert_eq!(
            words(&s, "recs", "en", 0).as_deref(),
            Some("0 recommandations")
        );
    }

    #[test]
    fn other_languages_follow_their_own_rules() {
        // Arabic has six categories, Polish three: any language list.
        assert_eq!(category("ar", 0), "zero");
        assert_eq!(category("ar", 2), "two");
        assert_eq!(category("pl", 3), "few");
        assert_eq!(category("pl", 5), "many");
        // A category a file leaves out falls back to `_other`.
        assert_eq!(
            words(&strings(), "recs", "pl", 5).as_deref(),
            Some("5 recommandations")
        );
        // A language CLDR does not know counts everything as `other`.
        assert_eq!(category("zzz", 1), "other");
    }

    #[test]
    fn plural_keys_split_from_plain_ones() {
        assert_eq!(
            split_key("glance_practices_one"),
            Some(("glance_practices", "one"))
        );
        assert_eq!(split_key("search_other"), Some(("search", "other")));
        assert_eq!(split_key("footer_text"), None);
        assert_eq!(split_key("_one"), None);
    }
}
