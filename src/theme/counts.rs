//! Counts in words for templates, by the language's plural rules
//! (`crate::plural`):
//!
//! - `count(key="glance_practices", n=4)` → the UI string
//!   `glance_practices_<category>` of the page's language (or `lang=`),
//!   `{n}` replaced: "4 practices tackle it", "1 practice tackles it";
//! - `plural_forms(key="search_results")` → the JSON object of every
//!   category's text, for a script that counts in the browser
//!   (`Intl.PluralRules` chooses the same way).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::load::Strings;
use crate::lang::Lang;

type All = Arc<BTreeMap<String, Strings>>;

pub(super) fn register(tera: &mut tera::Tera, strings: &BTreeMap<Lang, Strings>) {
    let all: All = Arc::new(
        strings
            .iter()
            .map(|(l, s)| (l.to_string(), s.clone()))
            .collect(),
    );
    let for_count = all.clone();
    tera.register_function(
        "count",
        move |kwargs: tera::Kwargs, state: &tera::State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let n: u64 = kwargs.must_get("n")?;
            let lang = language(&kwargs, state)?;
            let strings = for_count.get(&lang).ok_or_else(|| no_language(&lang))?;
            crate::plural::words(strings, &key, &lang, n).ok_or_else(|| {
                tera::Error::message(format!(
                    "no UI string `{key}_other` in `{lang}` for count(key=\"{key}\")"
                ))
            })
        },
    );
    tera.register_function(
        "plural_forms",
        move |kwargs: tera::Kwargs, state: &tera::State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang = language(&kwargs, state)?;
            let strings = all.get(&lang).ok_or_else(|| no_language(&lang))?;
            let forms = crate::plural::forms(strings, &key);
            if !forms.contains_key("other") {
                return Err(tera::Error::message(format!(
                    "no UI string `{key}_other` in `{lang}` for plural_forms(key=\"{key}\")"
                )));
            }
            serde_json::to_string(&forms).map_err(tera::Error::message)
        },
    );
}

/// `lang=` when given, else the page's (`page.lang`).
fn language(kwargs: &tera::Kwargs, state: &tera::State) -> tera::TeraResult<String> {
    if let Some(lang) = kwargs.get::<String>("lang")? {
        return Ok(lang);
    }
    let page: Option<tera::Value> = state.get("page")?;
    page.as_ref()
        .and_then(|p| p.get_from_path("lang"))
        .and_then(|l| l.as_str().map(str::to_string))
        .ok_or_else(|| tera::Error::message("count() needs `lang=` where there is no `page`"))
}

fn no_language(lang: &str) -> tera::Error {
    tera::Error::message(format!("the theme has no UI strings in `{lang}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default theme's own strings, read as the loader reads them.
    fn default_strings() -> BTreeMap<Lang, Strings> {
        [
            ("fr", include_str!("../../themes/default/i18n/fr.yaml")),
            ("en", include_str!("../../themes/default/i18n/en.yaml")),
        ]
        .into_iter()
        .map(|(code, text)| {
            let file = format!("i18n/{code}.yaml");
            let strings = crate::yaml::parse::<Strings>(crate::yaml::Source::whole(&file, text))
                .unwrap_or_else(|d| panic!("{file}: {}", d.message));
            (Lang::parse(code).unwrap_or_else(|e| panic!("{e}")), strings)
        })
        .collect()
    }

    fn render(template: &str, lang: &str, n: u64) -> String {
        let mut tera = tera::Tera::new();
        register(&mut tera, &default_strings());
        tera.add_raw_template("t", template)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut ctx = tera::Context::new();
        ctx.insert("page", &serde_json::json!({ "lang": lang }));
        ctx.insert("n", &n);
        tera.render("t", &ctx).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_theme_counts_by_each_languages_rules() {
        let t = r#"{{ count(key="conn_challenge_recommendations", n=n) }} · {{ count(key="matrix_practices", n=n) }}"#;
        // French: 0 and 1 are singular.
        assert_eq!(render(t, "fr", 0), "visé par 0 recommandation · 0 pratique");
        assert_eq!(render(t, "fr", 1), "visé par 1 recommandation · 1 pratique");
        assert_eq!(
            render(t, "fr", 2),
            "visé par 2 recommandations · 2 pratiques"
        );
        // English: 0 is plural.
        assert_eq!(
            render(t, "en", 0),
            "addressed by 0 recommendations · 0 practices"
        );
        assert_eq!(
            render(t, "en", 1),
            "addressed by 1 recommendation · 1 practice"
        );
        assert_eq!(
            render(t, "en", 2),
            "addressed by 2 recommendations · 2 practices"
        );
        // `lang=` wins over the page's language.
        let t = r#"{{ count(key="show_more", n=n, lang="en") }}"#;
        assert_eq!(render(t, "fr", 3), "Show 3 more");
    }

    #[test]
    fn a_script_gets_every_form_of_a_count() {
        let t = r#"{{ plural_forms(key="search_results") | safe }}"#;
        let forms: BTreeMap<String, String> =
            serde_json::from_str(&render(t, "fr", 0)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(forms["one"], "{n} résultat pour «\u{a0}{q}\u{a0}».");
        assert_eq!(forms["other"], "{n} résultats pour «\u{a0}{q}\u{a0}».");
    }

    #[test]
    fn every_count_of_the_default_theme_has_a_singular_and_a_plural() {
        // French and English both use `one` and `other`: a count with only
        // `_other` in one of them would say "1 pratiques". (A count has
        // `{n}`; `meeting_type_other` is a label.)
        for (lang, strings) in default_strings() {
            for (key, text) in &strings {
                if let Some((base, "other")) = crate::plural::split_key(key)
                    && text.contains("{n}")
                {
                    assert!(
                        strings.contains_key(&format!("{base}_one")),
                        "{lang}: {base}_one"
                    );
                }
            }
        }
    }
}
