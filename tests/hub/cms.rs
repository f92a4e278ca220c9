//! The web editor's configuration against the content contract: every
//! kind, every field of the schema (read from the generator's own lists,
//! so a new field cannot be added without appearing in the editor), every
//! reference with the right widget; and where `/admin/` is published,
//! with which policy.

use serde_json::Value;

use rabat_hub::frontmatter::{COMMON_FIELDS, kind_fields};
use rabat_hub::kind::Kind;

use crate::served::Served;
use crate::support::Site;

const CMS: &str = "cms: { backend: github, repo: rabat-process/hub, branch: main }\n";

/// The bundled hub with the editor switched on, built.
fn built_with_editor() -> Site {
    let site = Site::bundled_hub();
    let config = site.read("config.yaml");
    site.write("config.yaml", &format!("{config}{CMS}"));
    site.build(&[]);
    site
}

fn config_of(site: &Site) -> Value {
    serde_json::from_str(&site.read("public/admin/config.yml")).expect("config.yml is JSON")
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["name"] == name))
        .unwrap_or_else(|| panic!("no collection {name}"))
}

fn field<'a>(collection: &'a Value, name: &str) -> &'a Value {
    collection["fields"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["name"] == name))
        .unwrap_or_else(|| panic!("no field {name} in {}", collection["name"]))
}

fn values(options: &Value) -> Vec<String> {
    options
        .as_array()
        .map(|o| {
            o.iter()
                .map(|o| o["value"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// What the contract (content-model.md, section 4) says of each field:
/// (kind, field, widget, what it refers to or holds, required).
const CONTRACT: &[(&str, &str, &str, &str, bool)] = &[
    (
        "meetings",
        "type",
        "select",
        "webinar thematic-meeting senior-officials-meeting ministerial-conference steering-committee other",
        true,
    ),
    ("meetings", "date", "datetime", "", true),
    ("meetings", "end_date", "datetime", "", false),
    ("meetings", "location", "object", "city country", false),
    ("meetings", "chairs", "relation", "countries", false),
    ("meetings", "countries", "relation", "countries", false),
    (
        "meetings",
        "organisations",
        "select",
        "organisations",
        false,
    ),
    ("meetings", "challenges", "relation", "challenges", false),
    (
        "meetings",
        "recommendations",
        "relation",
        "recommendations",
        false,
    ),
    ("meetings", "practices", "relation", "practices", false),
    ("meetings", "documents", "list", "title file url", false),
    ("practices", "countries", "relation", "countries", true),
    (
        "practices",
        "organisations",
        "select",
        "organisations",
        false,
    ),
    ("practices", "period", "object", "start end", false),
    (
        "practices",
        "status",
        "select",
        "planned ongoing completed",
        false,
    ),
    ("practices", "challenges", "relation", "challenges", false),
    (
        "practices",
        "recommendations",
        "relation",
        "recommendations",
        false,
    ),
    ("practices", "meetings", "relation", "meetings", false),
    (
        "countries",
        "region",
        "select",
        "north-africa west-africa central-africa europe",
        true,
    ),
    ("countries", "status", "select", "partner observer", false),
    ("countries", "focal_point", "string", "", false),
    ("challenges", "related", "relation", "challenges", false),
    (
        "recommendations",
        "addresses",
        "relation",
        "challenges",
        true,
    ),
    (
        "recommendations",
        "actors",
        "select",
        "governments local-authorities civil-society private-sector international-organisations diaspora",
        false,
    ),
];

#[test]
fn every_kind_and_field_of_the_schema_is_in_the_editor_with_its_widget() {
    let site = built_with_editor();
    let config = config_of(&site);
    let hub: serde_yaml_like::Config = serde_yaml_like::read(&site.read("config.yaml"));

    assert_eq!(config["i18n"]["structure"], "multiple_files");
    assert_eq!(config["i18n"]["locales"], serde_json::json!(["fr", "en"]));
    assert_eq!(config["i18n"]["default_locale"], "fr");
    assert_eq!(config["slug"]["encoding"], "ascii");
    assert_eq!(config["slug"]["clean_accents"], true);
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["backend"]["repo"], "rabat-process/hub");
    assert_eq!(config["publish_mode"], "editorial_workflow");

    let names: Vec<&str> = config["collections"]
        .as_array()
        .expect("collections")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    let mut kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.folder()).collect();
    kinds.extend(["themes", "organisations"]);
    assert_eq!(
        names, kinds,
        "one collection per kind, then the terms' texts"
    );
    // The texts of themes' and organisations' pages: the files that
    // exist, a summary and a text in each language, none made here (the
    // term, and so the file's name, comes from config.yaml).
    for taxonomy in ["themes", "organisations"] {
        let c = collection(&config, taxonomy);
        assert_eq!(c["folder"], format!("content/{taxonomy}"));
        assert_eq!(c["i18n"], true);
        assert_eq!(c["create"], false);
        let got: Vec<&str> = c["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["name"].as_str())
            .collect();
        assert_eq!(got, ["summary", "body"], "{taxonomy}");
        assert_eq!(field(c, "summary")["i18n"], true);
        assert_eq!(field(c, "body")["widget"], "markdown");
    }

    for kind in Kind::ALL {
        let c = collection(&config, kind.folder());
        assert_eq!(c["folder"], format!("content/{}", kind.folder()));
        assert_eq!(c["i18n"], true);
        // Every field of the schema, then the body; nothing else.
        let mut want: Vec<&str> = COMMON_FIELDS.to_vec();
        want.extend(kind_fields(kind));
        want.push("body");
        let got: Vec<&str> = c["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["name"].as_str())
            .collect();
        assert_eq!(got, want, "the fields of {}", kind.folder());
        for f in c["fields"].as_array().into_iter().flatten() {
            let label = f["label"].as_str().unwrap_or("");
            assert!(
                !label.is_empty() && !label.starts_with("cms_"),
                "{}.{} has no label from the theme: {label:?}",
                kind.folder(),
                f["name"]
            );
        }
        // Translatable per language; the rest written the same in both.
        for name in ["title", "summary", "body", "slug"] {
            assert_eq!(field(c, name)["i18n"], true, "{}.{name}", kind.folder());
        }
        assert_eq!(field(c, "title")["required"], true);
        assert_eq!(field(c, "themes")["i18n"], "duplicate");
        assert_eq!(
            values(&field(c, "themes")["options"]),
            hub.themes,
            "themes from config.yaml"
        );
        for date in ["date", "updated", "translation_checked"] {
            let d = field(c, date);
            assert_eq!(d["widget"], "datetime");
            assert_eq!(d["format"], "YYYY-MM-DD");
            assert_eq!(d["time_format"], false);
        }
        let slug = field(c, "slug");
        assert_eq!(slug["pattern"][0], "^[a-z0-9]+(-[a-z0-9]+)*$");
    }

    for (kind, name, widget, what, required) in CONTRACT {
        let c = collection(&config, kind);
        let f = field(c, name);
        assert_eq!(f["widget"], *widget, "{kind}.{name}");
        assert_eq!(f["required"], *required, "{kind}.{name} required");
        match *widget {
            "relation" => {
                assert_eq!(f["collection"], *what, "{kind}.{name} refers to");
                assert_eq!(f["search_fields"], serde_json::json!(["title"]));
                assert_eq!(f["multiple"], true);
                assert_eq!(f["i18n"], "duplicate", "{kind}.{name} is shared");
            }
            "select" if *what == "organisations" => {
                assert_eq!(values(&f["options"]), hub.organisations);
            }
            "select" => {
                let want: Vec<&str> = what.split(' ').collect();
                assert_eq!(values(&f["options"]), want, "{kind}.{name}");
                // Labels from the theme, both languages (once when they
                // are the same word).
                let options = f["options"].as_array().cloned().unwrap_or_default();
                for o in &options {
                    let label = o["label"].as_str().unwrap_or("");
                    assert!(
                        !label.is_empty() && !label.contains('_'),
                        "{kind}.{name}: {o}"
                    );
                }
                assert!(
                    options
                        .iter()
                        .any(|o| o["label"].as_str().unwrap_or("").contains(" · ")),
                    "{kind}.{name}: {options:?}"
                );
            }
            "object" | "list" => {
                let parts: Vec<&str> = f["fields"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p["name"].as_str())
                    .collect();
                assert_eq!(parts, what.split(' ').collect::<Vec<_>>(), "{kind}.{name}");
            }
            _ => {}
        }
    }
    // `location.country` picks a country by title too.
    let location = field(collection(&config, "meetings"), "location");
    assert_eq!(location["fields"][1]["widget"], "relation");
    assert_eq!(location["fields"][1]["collection"], "countries");
    // Actors: several at once.
    assert_eq!(
        field(collection(&config, "recommendations"), "actors")["multiple"],
        true
    );
    // A document is a file of the bundle or an address.
    let documents = field(collection(&config, "meetings"), "documents");
    assert_eq!(documents["fields"][1]["widget"], "file");
    // Meetings are bundles, their uploads beside their pages.
    let meetings = collection(&config, "meetings");
    assert_eq!(meetings["path"], "{{slug}}/index");
    assert_eq!(meetings["media_folder"], "");
    assert_eq!(meetings["preview_path"], "fr/reunions/{{dirname}}/");
    assert_eq!(
        collection(&config, "practices")["preview_path"],
        "fr/pratiques/{{slug}}/"
    );
}

/// Just enough of config.yaml: the ids of its taxonomies, in order.
mod serde_yaml_like {
    pub struct Config {
        pub themes: Vec<String>,
        pub organisations: Vec<String>,
    }

    /// The keys two levels under `taxonomies:` (the hub's layout).
    pub fn read(text: &str) -> Config {
        let mut themes = Vec::new();
        let mut organisations = Vec::new();
        let mut current: Option<&mut Vec<String>> = None;
        for line in text.lines() {
            let indent = line.len() - line.trim_start().len();
            let key = line.trim().split(':').next().unwrap_or("");
            match (indent, key) {
                (2, "themes") => current = Some(&mut themes),
                (2, "organisations") => current = Some(&mut organisations),
                (0, _) | (2, _) => current = None,
                (4, k) if !k.is_empty() && !k.starts_with('#') => {
                    if let Some(list) = current.as_mut() {
                        list.push(k.to_string());
                    }
                }
                _ => {}
            }
        }
        themes.sort();
        organisations.sort();
        Config {
            themes,
            organisations,
        }
    }
}

#[test]
fn build_publishes_the_editor_only_when_config_asks_and_keeps_it_from_crawlers() {
    let site = built_with_editor();
    for file in [
        "index.html",
        "config.yml",
        "decap-cms.js",
        "decap-cms.js.LICENSE.txt",
    ] {
        assert!(site.exists(&format!("public/admin/{file}")), "admin/{file}");
    }
    let page = site.read("public/admin/index.html");
    assert!(page.contains("<script src=\"decap-cms.js\"></script>"));
    assert!(
        !page.contains("src=\"http") && !page.contains("href=\"http"),
        "nothing from another host: {page}"
    );
    assert!(page.contains("noindex"));
    assert!(site.read("public/robots.txt").contains("Disallow: /admin/"));
    assert!(!site.read("public/sitemap.xml").contains("/admin/"));
    // The search index is made from the site's entities: the editor,
    // which is none, is not in it.
    // Two builds publish the same editor, byte for byte.
    let first = std::fs::read(site.path("public/admin/config.yml")).expect("config");
    site.build(&[]);
    assert_eq!(
        std::fs::read(site.path("public/admin/config.yml")).expect("config"),
        first
    );

    let plain = Site::bundled_hub();
    plain.build(&[]);
    assert!(
        !plain.exists("public/admin/index.html"),
        "no cms: key, no editor"
    );
    assert!(!plain.read("public/robots.txt").contains("admin"));
}

#[test]
fn a_bad_cms_key_is_an_error_at_its_line() {
    let site = Site::bundled_hub();
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &format!("{config}cms: {{ backend: bitbucket, repo: hub }}\n"),
    );
    let out = site.run(&["check", "--format", "json"]);
    assert!(!out.status.success());
    let diags = crate::support::parse_diags(&out);
    let line = config.lines().count() + 1;
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("bitbucket") && d.line == line as u64),
        "{diags:?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("`hub` is not a repository"))
    );
}

#[test]
fn serve_sends_the_editors_policy_for_admin_only() {
    let site = Site::bundled_hub();
    let served = Served::start(&site.root);
    let admin = served.head("/admin/");
    let home = served.head("/fr/");
    let config = served.head("/admin/config.yml");
    assert!(admin.starts_with("HTTP/1.1 200"), "{admin}");
    let policy = |h: &str| {
        h.lines()
            .find_map(|l| l.strip_prefix("Content-Security-Policy: "))
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        policy(&admin),
        rabat_hub::cms::policy("http://localhost:8081")
    );
    assert_eq!(policy(&home), rabat_hub::output::CONTENT_SECURITY_POLICY);
    assert!(config.contains("text/yaml"), "{config}");
    assert_eq!(policy(&config), policy(&admin));
}

#[test]
fn the_editor_is_served_while_the_site_has_errors_to_fix_them_with() {
    let site = Site::bundled_hub();
    let broken = site.read("content/practices/anpe-togo.fr.md").replacen(
        "countries:",
        "countries: [zz]\nx:",
        1,
    );
    site.write("content/practices/anpe-togo.fr.md", &broken);
    let served = Served::start(&site.root);
    let admin = served.head("/admin/");
    let home = served.head("/fr/");
    assert!(admin.starts_with("HTTP/1.1 200"), "{admin}");
    assert!(home.starts_with("HTTP/1.1 500"), "{home}");
}

#[test]
fn serve_keeps_its_local_editor_when_config_publishes_one_for_github() {
    let site = Site::bundled_hub();
    let config = site.read("config.yaml");
    site.write("config.yaml", &format!("{config}{CMS}"));
    let (served, log) = Served::start_logged(&site.root, &[]);
    let local = |served: &Served| {
        let (status, body) = served.get("/admin/config.yml");
        status == 200 && body.contains("local_backend") && !body.contains("rabat-process/hub")
    };
    assert!(local(&served));
    // A text edit: the search index and the data files are made again in
    // the background, after the reload, and added to the served files.
    let file = "content/practices/anpe-togo.en.md";
    site.write(
        file,
        &site.read(file).replace("employment", "employment (edited)"),
    );
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(30) {
        if log
            .recv_timeout(std::time::Duration::from_secs(1))
            .is_ok_and(|l| l.starts_with("rebuilt"))
        {
            break;
        }
    }
    // The index follows within a few seconds (300 ms pause, then the
    // hub's index): the editor must stay serve's all along.
    for _ in 0..40 {
        assert!(local(&served), "the published editor replaced serve's");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    assert!(local(&served), "the published editor replaced serve's");
}
