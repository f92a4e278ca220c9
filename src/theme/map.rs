//! The partner-country map: an SVG drawn at build time from the theme's
//! country outlines (`data/outlines.txt`, Natural Earth, public domain,
//! made by `tools/map/simplify.py`). Each country with a page is a link
//! to it, coloured by region through a class; the others are grey.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The window the outlines are clipped to, in tenths of a degree.
const WEST: i32 = -260;
const NORTH: i32 = 720;
/// Longitudes shrink by the cosine of this latitude (35°): an
/// equirectangular projection true to scale across the Mediterranean.
const X_SCALE: f64 = 0.819;

/// A closed ring of (longitude, latitude) in tenths of a degree.
type Ring = Vec<(i32, i32)>;

/// Country outlines: code → rings of (longitude, latitude) in tenths of a
/// degree.
#[derive(Debug, Default, Clone)]
pub struct Outlines {
    countries: Vec<(String, Vec<Ring>)>,
}

impl Outlines {
    /// Reads `code<TAB>lon,lat lon,lat|ring…` lines; a line that does not
    /// parse is skipped (the file is made by a script, not by hand).
    pub fn parse(text: &str) -> Outlines {
        let countries = text
            .lines()
            .filter_map(|line| {
                let (code, rings) = line.split_once('\t')?;
                // `@lon,lat`: a country too small to draw, shown as a dot.
                if let Some(at) = rings.strip_prefix('@') {
                    let (x, y) = at.split_once(',')?;
                    let marker = vec![(x.parse().ok()?, y.parse().ok()?)];
                    return Some((code.to_string(), vec![marker]));
                }
                let rings: Vec<Ring> = rings
                    .split('|')
                    .map(|r| {
                        r.split(' ')
                            .filter_map(|p| {
                                let (x, y) = p.split_once(',')?;
                                Some((x.parse().ok()?, y.parse().ok()?))
                            })
                            .collect()
                    })
                    .filter(|r: &Ring| r.len() >= 3)
                    .collect();
                Some((code.to_string(), rings))
            })
            .collect();
        Outlines { countries }
    }

    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
    }
}

/// A country the map links to.
pub struct MapCountry {
    pub url: String,
    pub title: String,
    /// The region's id (`west-africa`), a class `r-west-africa`.
    pub region: String,
    /// The title's language when it is not the page's.
    pub lang: Option<String>,
}

fn project((lon, lat): (i32, i32)) -> (i64, i64) {
    (
        (f64::from(lon - WEST) * X_SCALE).round() as i64,
        i64::from(NORTH - lat),
    )
}

/// One path for all rings: the first point absolute, the rest relative
/// (shorter), each ring closed.
fn path(rings: &[Ring]) -> String {
    let mut d = String::new();
    for ring in rings {
        let mut last = None;
        for p in ring.iter().copied().map(project) {
            match last {
                None => {
                    let _ = write!(d, "M{} {}", p.0, p.1);
                }
                Some((x, y)) if (x, y) == p => continue,
                Some((x, y)) => {
                    let (dx, dy) = (p.0 - x, p.1 - y);
                    let sep = if dy < 0 { "" } else { " " };
                    let _ = write!(d, "l{dx}{sep}{dy}");
                }
            }
            last = Some(p);
        }
        d.push('z');
    }
    d
}

use crate::escape::html_attr as esc;

/// The map as inline SVG, named by `label`; `countries` by lower-case
/// ISO code.
pub fn svg(outlines: &Outlines, countries: &BTreeMap<String, MapCountry>, label: &str) -> String {
    let width = (f64::from(450 - WEST) * X_SCALE).round() as i64;
    let height = i64::from(NORTH + 140);
    // Out of the tab order and hidden from screen readers: the list of
    // countries beside it gives the same links, alphabetically, where 57
    // links in outline order would hold a keyboard user back. `label`
    // names it for those who hover it. Clipped to its window.
    let mut s = format!(
        "<svg class=\"map\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-hidden=\"true\" overflow=\"hidden\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title><clipPath id=\"map-window\"><rect width=\"{width}\" height=\"{height}\"/></clipPath><g clip-path=\"url(#map-window)\">",
        esc(label)
    );
    // Grey countries first, so the partners' borders are drawn on top.
    for (code, rings) in &outlines.countries {
        if !countries.contains_key(code) && rings.iter().all(|r| r.len() >= 3) {
            let _ = write!(s, "<path class=\"other\" d=\"{}\"/>", path(rings));
        }
    }
    for (code, rings) in &outlines.countries {
        if let Some(c) = countries.get(code) {
            let shape = match rings.as_slice() {
                [dot] if dot.len() == 1 => {
                    let (x, y) = project(dot[0]);
                    format!(
                        "<circle class=\"r-{}\" cx=\"{x}\" cy=\"{y}\" r=\"7\"/>",
                        esc(&c.region)
                    )
                }
                _ => format!(
                    "<path class=\"r-{}\" d=\"{}\"/>",
                    esc(&c.region),
                    path(rings)
                ),
            };
            // No `hreflang`: the HTML checker rejects it on an SVG `<a>`.
            let lang = c
                .lang
                .as_ref()
                .map(|l| format!(" lang=\"{l}\""))
                .unwrap_or_default();
            let _ = write!(
                s,
                "<a href=\"{}\" tabindex=\"-1\"{lang}><title>{}</title>{shape}</a>",
                esc(&c.url),
                esc(&c.title),
            );
        }
    }
    s.push_str("</g></svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_with_a_page_is_a_titled_link_the_others_grey() {
        let o = Outlines::parse(
            "cm\t90,20 160,20 160,120\nzz\t0,0 10,0 10,10|20,20 30,20 30,30\nbad line\n",
        );
        assert_eq!(o.countries.len(), 2);
        let mut c = BTreeMap::new();
        c.insert(
            "cm".to_string(),
            MapCountry {
                url: "/fr/pays/cm/".into(),
                title: "Cameroun".into(),
                region: "central-africa".into(),
                lang: None,
            },
        );
        let svg = svg(&o, &c, "Carte");
        assert!(svg.contains(
            "<a href=\"/fr/pays/cm/\" tabindex=\"-1\"><title>Cameroun</title><path class=\"r-central-africa\""
        ));
        assert_eq!(svg.matches("class=\"other\"").count(), 1);
        assert_eq!(svg.matches('z').count(), 3);
        assert!(svg.contains("aria-hidden=\"true\""));
        assert!(svg.contains("<title>Carte</title>"));
        assert!(svg.contains("clip-path=\"url(#map-window)\""));
    }

    #[test]
    fn a_country_too_small_to_draw_is_a_dot() {
        let o = Outlines::parse("mt\t@144,359\n");
        let mut c = BTreeMap::new();
        c.insert(
            "mt".to_string(),
            MapCountry {
                url: "/en/countries/mt/".into(),
                title: "Malta".into(),
                region: "europe".into(),
                lang: None,
            },
        );
        let svg = svg(&o, &c, "Map");
        assert!(
            svg.contains(
                "<title>Malta</title><circle class=\"r-europe\" cx=\"331\" cy=\"361\" r=\"7\"/></a>"
            ),
            "{svg}"
        );
    }

    #[test]
    fn paths_are_projected_and_relative() {
        // (−26°, 72°) is the top-left corner.
        assert_eq!(
            path(&[vec![(-260, 720), (-250, 720), (-250, 710)]]),
            "M0 0l8 0l0 10z"
        );
    }
}
