//! Dates written the language's way, from the theme's UI strings:
//! `date_format` ("{day} {month} {year}"), `month_1` … `month_12`, and
//! `day_1` for the first of the month ("1er" in French).

use crate::frontmatter::types::Date;

use super::load::Strings;

pub fn format_date(date: &Date, strings: &Strings) -> String {
    let get = |k: &str| strings.get(k).map(String::as_str);
    let month = get(&format!("month_{}", date.month)).unwrap_or("");
    let day = if date.day == 1 {
        get("day_1").map_or_else(|| "1".to_string(), str::to_string)
    } else {
        date.day.to_string()
    };
    get("date_format")
        .unwrap_or("{year}-{month}-{day}")
        .replace("{day}", &day)
        .replace("{month}", month)
        .replace("{year}", &date.year.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(pairs: &[(&str, &str)]) -> Strings {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn french_and_english() {
        let fr = strings(&[
            ("date_format", "{day} {month} {year}"),
            ("month_1", "janvier"),
            ("day_1", "1er"),
        ]);
        let en = strings(&[
            ("date_format", "{day} {month} {year}"),
            ("month_1", "January"),
            ("day_1", "1"),
        ]);
        let d = Date::parse("2021-01-21").expect("date");
        assert_eq!(format_date(&d, &fr), "21 janvier 2021");
        assert_eq!(format_date(&d, &en), "21 January 2021");
        let first = Date::parse("2021-01-01").expect("date");
        assert_eq!(format_date(&first, &fr), "1er janvier 2021");
    }
}
