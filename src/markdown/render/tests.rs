use super::*;
use crate::markdown::{DocumentFacts, LinkError, Resolved};

struct Fake;
impl ResolveLink for Fake {
    fn resolve(&self, target: &str) -> Result<Resolved, LinkError> {
        match target {
            "practices/a" => Ok(Resolved {
                url: "/fr/pratiques/a/".into(),
                fallback_lang: None,
            }),
            "practices/b" => Ok(Resolved {
                url: "/en/practices/b/".into(),
                fallback_lang: Some("en".into()),
            }),
            _ => Err(LinkError {
                message: format!("no entity `{target}`"),
                label: None,
                help: None,
            }),
        }
    }
}

fn run(body: &str) -> (Rendered, Vec<Diagnostic>) {
    run_in(body, false)
}

#[test]
fn footnote_labels_that_differ_by_punctuation_or_accents_get_their_own_ids() {
    let body = "A[^a-b] B[^a:b] C[^a b] D[^é] E[^è]\n\n[^a-b]: un\n[^a:b]: deux\n[^a b]: trois\n[^é]: quatre\n[^è]: cinq\n";
    let (r, _) = run(body);
    for n in 1..=5 {
        assert_eq!(
            r.html.matches(&format!("href=\"#fn-{n}\"")).count(),
            1,
            "{n}: {}",
            r.html
        );
        assert_eq!(r.html.matches(&format!("id=\"fn-{n}\"")).count(), 1, "{n}");
    }
}

#[test]
fn a_heading_never_takes_a_footnotes_id() {
    let (r, _) = run("## Fn 1\n\nTexte[^x].\n\n[^x]: note\n");
    assert_eq!(r.headings[0].id, "fn-1-1");
    assert_eq!(r.html.matches("id=\"fn-1\"").count(), 1, "{}", r.html);
    assert_eq!(scan_headings("## Fn 1\n")[0].id, "fn-1-1");
}

#[test]
fn braces_that_are_not_an_id_or_a_class_stay_in_the_heading() {
    let (r, _) = run("# Version {1.0}\n\n## Titre {#mon-id}\n");
    assert!(r.html.contains(">Version {1.0}</h1>"), "{}", r.html);
    assert_eq!(r.headings[0].text, "Version {1.0}");
    assert_eq!(r.headings[0].id, "version-1-0");
    assert_eq!(r.headings[1].id, "mon-id");
    assert_eq!(scan_headings("# Version {1.0}\n")[0].id, "version-1-0");
}

#[test]
fn french_typography_leaves_character_references_and_alt_text_alone() {
    let (r, _) = run_in("Écrire \\&ouml; ici ; et ![Carte : Togo](c.png)\n", true);
    assert!(r.html.contains("&amp;ouml; ici\u{202f};"), "{}", r.html);
    assert!(r.html.contains("alt=\"Carte : Togo\""), "{}", r.html);
}

#[test]
fn raw_html_nested_deep_on_one_line_is_refused() {
    let body = "<div>".repeat(30_000) + &"</div>".repeat(30_000) + "\n";
    let (_, d) = run(&body);
    assert!(
        d.iter().any(|d| d.message.contains("nests more than")),
        "{d:?}"
    );
}

#[test]
fn thousands_of_identical_headings_take_linear_time() {
    let body = "## Même titre\n\n".repeat(12_000);
    let start = std::time::Instant::now();
    let h = scan_headings(&body);
    assert_eq!(h[11_999].id, "meme-titre-11999");
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

fn run_in(body: &str, french: bool) -> (Rendered, Vec<Diagnostic>) {
    render_with(body, french, ("Table", "Back to the reference"), &Fake)
}

/// `body` rendered as a file's, with the table and footnote labels given.
fn render_with(
    body: &str,
    french: bool,
    (table, back): (&str, &str),
    resolver: &dyn ResolveLink,
) -> (Rendered, Vec<Diagnostic>) {
    let text = format!("---\ntitle: x\n---\n{body}");
    let input = Input {
        file: "a.md",
        file_text: &text,
        body: 16..text.len(),
        allow_raw_html: false,
        french,
        labels: &Labels {
            table: table.into(),
            footnote_back: back.into(),
            ..Labels::default()
        },
        html: true,
    };
    render(&input, resolver)
}

#[test]
fn without_html_the_diagnostics_headings_and_links_are_the_same() {
    let body = "## Défis\n\nSee [a](@/practices/a) and [z](@/practices/zz).\n\n```rust\nfn x() {}\n```\n\n<script>x</script>\n\n## Défis\n";
    let text = format!("---\ntitle: x\n---\n{body}");
    let labels = Labels::default();
    let input = |html| Input {
        file: "a.md",
        file_text: &text,
        body: 16..text.len(),
        allow_raw_html: false,
        french: true,
        labels: &labels,
        html,
    };
    let (full, full_diags) = render(&input(true), &Fake);
    let (lean, lean_diags) = render(&input(false), &Fake);
    assert!(lean.html.is_empty());
    assert!(!full.html.is_empty());
    assert_eq!(lean.headings, full.headings);
    assert_eq!(lean.links, full.links);
    assert_eq!(lean_diags.len(), 2, "{lean_diags:?}");
    let place = |d: &Vec<Diagnostic>| {
        d.iter()
            .map(|d| (d.message.clone(), d.span.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(place(&lean_diags), place(&full_diags));
}

#[test]
fn french_text_gets_narrow_spaces_but_code_links_and_attributes_do_not() {
    let body = "## Pourquoi ?\n\nLe « pacte » : *oui* ! Voir [ici](https://e.org/?a=1 \"Titre : x\").\n\n`a ? b : c` et <https://e.org/x?y>\n\n```\nx ? y : z\n```\n";
    let (r, _) = run_in(body, true);
    let n = '\u{202f}';
    assert!(r.html.contains(&format!("Pourquoi{n}?</h2>")), "{}", r.html);
    assert_eq!(r.headings[0].text, format!("Pourquoi{n}?"));
    assert!(r.html.contains(&format!("«{n}pacte{n}»{n}:")), "{}", r.html);
    assert!(r.html.contains(&format!("</em>{n}!")), "{}", r.html);
    assert!(
        r.html
            .contains("href=\"https://e.org/?a=1\" title=\"Titre : x\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("<code>a ? b : c</code>"), "{}", r.html);
    assert!(r.html.contains(">https://e.org/x?y</a>"), "{}", r.html);
    assert!(r.html.contains("x ? y : z"), "{}", r.html);
    let (en, _) = run_in("Why ? Because : yes", false);
    assert!(!en.html.contains(n));
}

#[test]
fn headings_get_ids_and_are_unique() {
    let (r, _) = run("## Défis communs\n\n## Défis communs\n\n## Own {#mine}\n");
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, vec!["defis-communs", "defis-communs-1", "mine"]);
    assert!(r.html.contains("<h2 id=\"defis-communs\">"));
    assert_eq!(
        scan_headings("## Défis communs\n\n## Défis communs\n"),
        r.headings[..2].to_vec()
    );
}

#[test]
fn at_links_resolve_fall_back_and_fail_with_place() {
    let (r, d) =
        run("See [A](@/practices/a) and [B](@/practices/b).\n\nAnd [C](@/practices/zz).\n");
    assert!(
        r.html.contains("<a href=\"/fr/pratiques/a/\">A</a>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("hreflang=\"en\""));
    assert!(r.html.contains("(EN)"));
    assert_eq!(d.len(), 1);
    let s = d[0].span.as_ref().expect("span");
    assert_eq!((s.line, s.column), (6, 9));
}

#[test]
fn raw_html_is_sanitised_and_what_goes_is_named() {
    let (r, d) = run("<script>alert(1)</script>\n\nhi <b onclick=x>b</b>\n");
    assert_eq!(r.html, "\n<p>hi <b>b</b></p>\n");
    let got: Vec<(usize, usize, &str)> = d
        .iter()
        .map(|d| {
            let s = d.span.as_ref().expect("span");
            (s.line, s.column, d.message.as_str())
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (4, 1, "the HTML tag `<script>` is not allowed in the text"),
            (
                6,
                7,
                "the HTML attribute `onclick` is not allowed in the text"
            ),
        ]
    );
}

#[test]
fn links_and_images_to_script_or_data_addresses_are_refused() {
    let (r, d) =
        run("[a](javascript:alert(1)) ![b](data:image/png;base64,AA) [c](https://e.org)\n");
    assert_eq!(
        r.html,
        "<p><a href=\"#\">a</a> <img src=\"#\" alt=\"b\" /> <a href=\"https://e.org\">c</a></p>\n"
    );
    let got: Vec<(usize, usize, &str)> = d
        .iter()
        .map(|d| {
            let s = d.span.as_ref().expect("span");
            (s.line, s.column, d.message.as_str())
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (4, 5, "`javascript:` links are not allowed"),
            (4, 31, "`data:` links are not allowed"),
        ]
    );
}

#[test]
fn nesting_past_the_limit_is_refused_at_its_place() {
    let (_, d) = run(&format!("{}x\n", ">".repeat(MAX_NESTING + 50)));
    assert_eq!(d.len(), 1);
    let s = d[0].span.as_ref().expect("span");
    assert_eq!(d[0].message, "the text nests more than 100 levels deep");
    assert_eq!(s.line, 4);
    let (_, d) = run(&format!("{}x\n", "<div>".repeat(MAX_NESTING + 1)));
    assert_eq!(d[0].message, "the text nests more than 100 levels deep");
    let (r, d) = run(&format!("{}x{}\n", "<div>".repeat(40), "</div>".repeat(40)));
    assert!(d.is_empty(), "{d:?}");
    assert!(r.html.contains("x"));
}

#[test]
fn past_the_budget_code_is_plain() {
    // Plain text: the cheapest syntax to colour, to keep the test quick.
    let block = format!("```txt\n{}```\n\n", "ab\n".repeat(MAX_HIGHLIGHTED / 3));
    let (r, _) = run(&format!("{block}{block}"));
    let first = r.html.find("</pre>").expect("a block");
    assert!(r.html[..first].contains("hl-"));
    assert!(!r.html[first..].contains("hl-"));
}

#[test]
fn table_alignment_is_a_class_not_a_style() {
    let (r, _) = run("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
    assert_eq!(
        r.html,
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table><thead><tr><th class=\"align-center\">a</th><th class=\"align-right\">b</th></tr></thead><tbody>\n\
         <tr><td class=\"align-center\">1</td><td class=\"align-right\">2</td></tr>\n</tbody></table>\n</div>\n"
    );
}

#[test]
fn tables_footnotes_and_smart_quotes() {
    let (r, _) = run("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] \"quoted\"\n\n[^1]: note\n");
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("footnote"));
    assert!(r.html.contains("“quoted”"));
}

/// Resolves like `Fake`, and knows one resized picture and one document,
/// so that every kind of markup the renderer writes itself is made.
struct Rich;
impl ResolveLink for Rich {
    fn resolve(&self, target: &str) -> Result<Resolved, LinkError> {
        Fake.resolve(target)
    }
    fn document(&self, address: &str) -> Option<DocumentFacts> {
        (address == "annexe.fr.pdf").then(|| DocumentFacts {
            format: "PDF".into(),
            bytes: 245_760,
            lang: Some("fr".into()),
        })
    }
    fn picture(&self, address: &str) -> Option<crate::images::Picture> {
        (address == "photo.jpg").then(|| crate::images::Picture {
            width: 1600,
            height: 900,
            sources: vec![
                (
                    "image/webp",
                    "photo-480.webp 480w, photo-960.webp 960w".into(),
                ),
                (
                    "image/jpeg",
                    "photo-480.jpg 480w, photo-960.jpg 960w".into(),
                ),
            ],
            src: "photo-960.jpg".into(),
            sizes: "(max-width: 40rem) 100vw, 40rem".into(),
        })
    }
}

/// A parsed fragment as a list of its nodes, in document order: each
/// element with its attributes sorted, each run of text whole.
fn nodes(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_fragment(html);
    let mut out: Vec<String> = Vec::new();
    for node in doc.root_element().descendants().skip(1) {
        match node.value() {
            scraper::Node::Element(e) => {
                let mut attrs: Vec<String> = e.attrs().map(|(k, v)| format!("{k}={v:?}")).collect();
                attrs.sort();
                out.push(format!("<{} {}>", e.name(), attrs.join(" ")));
            }
            scraper::Node::Text(t) => match out.last_mut() {
                Some(last) if last.starts_with('#') => last.push_str(t),
                _ => out.push(format!("#{}", &**t)),
            },
            _ => {}
        }
    }
    out
}

#[test]
fn what_no_raw_html_makes_the_sanitiser_leaves_alone() {
    // Every construct the renderer writes without raw HTML, with the
    // characters that need escaping in text, attributes and addresses.
    let body = "# Titre & \\<sous-titre> {#mon-id .note}\n\n\
        ## « Défis » : 5 \\< 6 & 7 > 2 ?\n\n\
        Du *texte*, **gras**, ~~barré~~, `code <b>` et \"guillemets\" 'simples' -- --- ...\\\n\
        à la ligne, &amp; &copy; &#x3C;script&#x3E; &lt;i&gt;.\n\n\
        [interne](@/practices/a#résultats \"Titre \\\"x\\\" & y\") [repli](@/practices/b) \
        [externe](https://example.org/a?b=1&c=\"2\" 'T \\<t>') [courriel](mailto:a@example.org) \
        <https://example.org/x?y=z&w> [annexe](annexe.fr.pdf) [vide]() \
        [script](javascript:alert(1))\n\n\
        ![Une photo \"belle\" & \\<grande>](photo.jpg \"Le titre\") \
        ![autre](https://example.org/i.png?a=1&b=2)\n\n\
        > Une citation[^n].\n>\n> - a\n> - b\n\n\
        3. trois\n4. quatre\n\n\
        ```rust\nfn main() { let x = \"<&>\"; }\n```\n\n\
        ```\nplain <code> & \"text\"\n```\n\n    indented <code>\n\n\
        | a & b | \\<c> | d |\n|:-|:-:|-:|\n| `1` | *2* | [3](@/practices/a) |\n\n\
        ---\n\n\
        [^n]: La note, avec [un lien](https://example.org/) et `du code`.\n";
    let raw = Parser::new_ext(body, options())
        .filter(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .count();
    assert_eq!(raw, 0, "the body must hold no raw HTML");
    for french in [false, true] {
        let labels = ("Tableau \"x\" & <y>", "Retour & \"haut\"");
        let (r, _) = render_with(body, french, labels, &Rich);
        // Each construct was written, so the comparison covers it.
        for made in [
            "<h1",
            "<h2",
            "<em>",
            "<strong>",
            "<del>",
            "<code>",
            "<br",
            "<a ",
            "mailto:",
            "<picture>",
            "<source",
            "<img",
            "<blockquote>",
            "<ol start=\"3\">",
            "<pre",
            "<table>",
            "<hr",
            "footnote",
            "PDF",
        ] {
            assert!(r.html.contains(made), "{made} missing from {}", r.html);
        }
        assert_eq!(
            nodes(&r.html),
            nodes(&sanitize::clean(&r.html)),
            "the sanitiser would change {}",
            r.html
        );
    }
}

#[test]
fn raw_html_still_goes_through_the_sanitiser() {
    let (r, _) = run("Un <span onclick=\"x()\">mot</span> et <b>gras</b>.\n");
    assert!(!r.html.contains("onclick"), "{}", r.html);
    assert!(r.html.contains("<b>gras</b>"), "{}", r.html);
}
