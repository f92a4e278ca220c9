//! The web editor as the secretariat uses it: the bundled hub served by
//! `rabat-hub serve` on 127.0.0.1 with Decap's local backend
//! (`decap-server` from `tools/node_modules`), `/admin/` opened in
//! headless Chromium, a fiche created and a meeting edited through the
//! forms; then the files, `check --strict` and the pages.
//!
//! The screenshots the contributor guide shows are taken here: with
//! `RABAT_HUB_SCREENSHOTS=DIR` they are written into DIR
//! (`RABAT_HUB_SCREENSHOTS=$PWD/static/guide cargo test --test hub cms_browser`
//! from the repository's root refreshes the guide's).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::chromium::{self, Chromium};
use crate::support::{Site, repo};

const WAIT: Duration = Duration::from_secs(60);

fn decap_server() -> PathBuf {
    repo().join("tools/node_modules/decap-server/dist/index.js")
}

/// Whether the editor's tests can run; says loudly when not.
fn available(test: &str) -> bool {
    if !chromium::available(test) {
        return false;
    }
    if !decap_server().is_file() || Command::new("node").arg("--version").output().is_err() {
        crate::skip::say(
            test,
            "no Node.js or no decap-server in tools/node_modules (run `npm ci` in tools/; .ci/run does)",
        );
        return false;
    }
    true
}

/// `serve` with the local backend, stopped (and the backend with it)
/// when dropped. Not `served::Served`: the site is a copy without
/// `tools/`, so serve is told where decap-server is
/// (`RABAT_HUB_DECAP_SERVER`), which only this test needs.
struct Served {
    child: Child,
    url: String,
    site: Site,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: Site) -> Served {
    let mut child = crate::support::hub()
        .args(["serve", "--port", "0", "--root"])
        .arg(&site.root)
        .env("RABAT_HUB_DECAP_SERVER", decap_server())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut url = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut url)
        .expect("url line");
    let url = url.trim().to_string();
    assert!(
        url.starts_with("http://127.0.0.1:"),
        "serve printed {url:?}"
    );
    Served { child, url, site }
}

/// A browser tab on the editor, signed in to the local backend.
struct Editor {
    browser: Chromium,
    tab: String,
    url: String,
}

impl Editor {
    fn open(served: &Served) -> Editor {
        let mut browser = Chromium::launch().expect("chromium");
        let tab = browser.tab().expect("tab");
        browser
            .call(
                Some(&tab),
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": 1100, "height": 760, "deviceScaleFactor": 1, "mobile": false }),
            )
            .expect("viewport");
        let mut e = Editor {
            browser,
            tab,
            url: served.url.clone(),
        };
        e.goto("admin/");
        // The local backend's sign-in is one button.
        e.wait("!![...document.querySelectorAll('button')].find(b => /connecter|login/i.test(b.innerText))");
        e.press("[...document.querySelectorAll('button')].find(b => /connecter|login/i.test(b.innerText))");
        e.wait("document.body.innerText.includes('Collections')");
        e
    }

    fn goto(&mut self, path: &str) {
        let url = format!("{}{path}", self.url);
        self.browser.goto(&self.tab, &url).expect("goto");
    }

    fn eval(&mut self, js: &str) -> Value {
        self.browser.eval(&self.tab, js).expect("eval")
    }

    fn wait(&mut self, js: &str) -> Value {
        match self.browser.wait_for(&self.tab, js, WAIT) {
            Ok(v) => v,
            Err(e) => {
                let text = self.eval("document.body.innerText.slice(0, 3000)");
                panic!("{e}\nthe page shows:\n{}", text.as_str().unwrap_or(""));
            }
        }
    }

    /// A real click (menus ignore synthetic ones) on the element `js`
    /// evaluates to, scrolled into view.
    fn click(&mut self, js: &str) {
        let at = self.wait(&format!(
            "(() => {{ const e = {js}; if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return r.width > 0 ? [r.x + r.width / 2, r.y + r.height / 2] : null; }})()"
        ));
        let (x, y) = (at[0].as_f64().unwrap_or(0.0), at[1].as_f64().unwrap_or(0.0));
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.browser
                .call(
                    Some(&self.tab),
                    "Input.dispatchMouseEvent",
                    json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
                )
                .expect("mouse");
        }
    }

    /// A plain button, pressed from the page's script (a mouse click can
    /// land on a header scrolled over it).
    fn press(&mut self, js: &str) {
        self.wait(&format!(
            "(() => {{ const e = {js}; if (!e) return null; e.click(); return true; }})()"
        ));
    }

    /// Types `text` into the element `js` names, as a keyboard would.
    fn type_into(&mut self, js: &str, text: &str) {
        self.wait(&format!("(() => {{ const e = {js}; if (!e) return null; e.scrollIntoView({{block: 'center'}}); e.focus(); return document.activeElement === e || e.contains(document.activeElement); }})()"));
        self.browser
            .call(Some(&self.tab), "Input.insertText", json!({ "text": text }))
            .expect("insertText");
    }

    /// Sets an `<input>` React owns (a date picker): the native setter,
    /// then the `input` and `change` events React listens to.
    fn set_value(&mut self, js: &str, value: &str) {
        let value = serde_json::to_string(value).unwrap_or_default();
        self.wait(&format!(
            "(() => {{ const e = {js}; if (!e) return null; const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(e, {value}); e.dispatchEvent(new Event('input', {{bubbles: true}})); e.dispatchEvent(new Event('change', {{bubbles: true}})); return true; }})()"
        ));
    }

    /// Picks `option` in the select or relation widget whose input is `js`:
    /// types to search, then clicks the option shown.
    fn pick(&mut self, js: &str, search: &str, option: &str) {
        self.type_into(js, search);
        let option = serde_json::to_string(option).unwrap_or_default();
        self.click(&format!(
            "[...document.querySelectorAll('[id*=\"-option-\"]')].find(o => o.innerText.trim() === {option})"
        ));
    }

    /// The n-th (0: French, 1: English) control of the field `name`.
    fn field(name: &str, n: usize) -> String {
        format!("document.querySelectorAll('[id^=\"{name}-field-\"]')[{n}]")
    }

    /// Publishes the entry: the "publish" menu, then "publish now". The
    /// menu opens on a real click once the form has settled: on a busy
    /// machine the first click can come too early, so it is tried again.
    fn publish(&mut self) {
        let item = "[...document.querySelectorAll('[role=menuitem], span, div')].filter(b => /^(Publier maintenant|Publish now)$/.test(b.innerText.trim())).pop()";
        for _ in 0..10 {
            self.click("[...document.querySelectorAll('span,button')].find(b => /^(Publier|Publish)$/.test(b.innerText.trim()))");
            if self
                .browser
                .wait_for(&self.tab, &format!("!!{item}"), Duration::from_secs(3))
                .is_ok()
            {
                self.click(item);
                return;
            }
        }
        panic!("the publish menu never opened");
    }

    /// Hands `file` to the file input `js` names, as a file picker would.
    fn upload(&mut self, js: &str, file: &std::path::Path) {
        let r = self
            .browser
            .call(
                Some(&self.tab),
                "Runtime.evaluate",
                json!({ "expression": js }),
            )
            .expect("file input");
        let object = r["result"]["objectId"].clone();
        self.browser
            .call(
                Some(&self.tab),
                "DOM.setFileInputFiles",
                json!({ "files": [file.display().to_string()], "objectId": object }),
            )
            .expect("setFileInputFiles");
    }

    /// Writes a PNG of the tab into `RABAT_HUB_SCREENSHOTS` when set.
    fn shot(&mut self, name: &str) {
        let Some(dir) = std::env::var_os("RABAT_HUB_SCREENSHOTS") else {
            return;
        };
        // The form from its top, where an editor starts.
        self.eval("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; }); window.scrollTo(0, 0)");
        std::thread::sleep(Duration::from_millis(400));
        let r = self
            .browser
            .call(
                Some(&self.tab),
                "Page.captureScreenshot",
                // Scaled down: the guide shows them small, and PNGs of
                // this size stay at a few tens of KB.
                json!({ "format": "png", "optimizeForSpeed": false,
                        "clip": { "x": 0, "y": 0, "width": 1100, "height": 760, "scale": 0.5 } }),
            )
            .expect("screenshot");
        let bytes = base64(r["data"].as_str().unwrap_or(""));
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        std::fs::write(dir.join(name), bytes).expect("write screenshot");
    }
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | (u32::from(*d) << (18 - 6 * i)));
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// Waits until `path` exists and holds `needle`.
fn wait_file(path: &std::path::Path, needle: &str) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.contains(needle)
        {
            return text;
        }
        assert!(
            start.elapsed() < WAIT,
            "{} never held {needle:?}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn check_strict(site: &Site) {
    let out = site.run(&["check", "--strict", "--format", "json"]);
    assert!(
        out.status.success(),
        "check --strict failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The text of a page of the served site once it shows `needle` (serve
/// rebuilds after the save).
/// Opened in a tab of its own: the editor's tab stays as it is.
fn page_showing(e: &mut Editor, path: &str, needle: &str) -> String {
    let start = Instant::now();
    let tab = e.browser.tab().expect("tab");
    loop {
        e.browser
            .goto(&tab, &format!("{}{path}", e.url))
            .expect("goto");
        let needle_js = serde_json::to_string(needle).unwrap_or_default();
        if let Ok(v) = e.browser.wait_for(
            &tab,
            &format!("document.readyState === 'complete' && document.body && (document.body.innerText.includes({needle_js}) ? document.body.innerText : null)"),
            Duration::from_secs(3),
        ) {
            return v.as_str().unwrap_or("").to_string();
        }
        assert!(start.elapsed() < WAIT, "{path} never showed {needle:?}");
    }
}

#[test]
fn a_fiche_made_in_the_web_editor_in_both_languages_passes_check_and_shows_on_both_ends() {
    if !available("a_fiche_made_in_the_web_editor") {
        return;
    }
    let served = serve(Site::bundled_hub());
    let mut e = Editor::open(&served);
    e.goto("admin/#/collections/practices/new");
    e.wait(&format!("!!{}", Editor::field("title", 1)));

    // French, the default language: the text and every shared field.
    e.type_into(
        &Editor::field("title", 0),
        "Emploi des jeunes rapatriés au Togo et au Sénégal",
    );
    e.type_into(
        &Editor::field("summary", 0),
        "Un guichet commun aide les jeunes de retour à trouver un emploi.",
    );
    e.pick(&Editor::field("countries", 0), "Tog", "Togo");
    e.pick(&Editor::field("countries", 0), "Sén", "Sénégal");
    e.pick(
        &Editor::field("challenges", 0),
        "psychosociaux",
        "Les besoins psychosociaux des personnes de retour",
    );
    e.pick(
        &Editor::field("themes", 0),
        "Retour",
        "Retour, réadmission et réintégration · Return, readmission and reintegration",
    );
    e.pick(&Editor::field("status", 0), "cours", "En cours · Ongoing");
    e.pick(
        &Editor::field("meetings", 0),
        "Webinaire",
        "Webinaire sur le retour volontaire et la réintégration",
    );
    e.type_into(&Editor::field("start", 0), "2019");
    e.type_into(&Editor::field("end", 0), "2023");
    e.type_into(
        "document.querySelectorAll('[data-slate-editor]')[0]",
        "Le guichet réunit les agences pour l'emploi des deux pays.",
    );
    // English: its own title, summary and text.
    e.type_into(
        &Editor::field("title", 1),
        "Jobs for young returnees in Togo and Senegal",
    );
    e.type_into(
        &Editor::field("summary", 1),
        "A joint desk helps young returnees find work.",
    );
    e.type_into(
        "document.querySelectorAll('[data-slate-editor]')[1]",
        "The desk brings the employment agencies of both countries together.",
    );
    e.shot("editor-new-fiche.png");
    e.publish();

    let id = "emploi-des-jeunes-rapatries-au-togo-et-au-senegal";
    let fr = wait_file(
        &served.site.path(&format!("content/practices/{id}.fr.md")),
        "Le guichet",
    );
    let en = wait_file(
        &served.site.path(&format!("content/practices/{id}.en.md")),
        "The desk",
    );
    for (text, title) in [
        (&fr, "Emploi des jeunes rapatriés"),
        (&en, "Jobs for young returnees"),
    ] {
        assert!(text.contains(title), "{text}");
        assert!(
            text.contains("- tg") && text.contains("- sn"),
            "countries: {text}"
        );
        assert!(text.contains("- psychosocial-needs"), "challenge: {text}");
        assert!(
            text.contains("- return-readmission-reintegration"),
            "theme: {text}"
        );
        assert!(text.contains("status: ongoing"), "status: {text}");
        // Decap names a bundle by its entry: read as the meeting's id.
        assert!(
            text.contains("- 2021-01-21-rvr-webinar/index\n"),
            "meeting: {text}"
        );
        assert!(
            text.contains("start: 2019") && text.contains("end: 2023"),
            "period: {text}"
        );
    }
    check_strict(&served.site);

    let page = page_showing(
        &mut e,
        &format!("en/practices/{id}/"),
        "Jobs for young returnees",
    );
    assert!(page.contains("Togo") && page.contains("Senegal"), "{page}");
    assert!(
        page.contains("Webinar on voluntary return"),
        "the meeting: {page}"
    );
    let challenge = page_showing(
        &mut e,
        "fr/defis/psychosocial-needs/",
        "Emploi des jeunes rapatriés au Togo et au Sénégal",
    );
    assert!(challenge.contains("psychosociaux"), "{challenge}");
}

#[test]
fn a_meeting_edited_in_the_web_editor_gets_its_new_date_and_an_attachment() {
    if !available("a_meeting_edited_in_the_web_editor") {
        return;
    }
    let served = serve(Site::bundled_hub());
    let id = "2021-01-21-rvr-webinar";
    let mut e = Editor::open(&served);
    e.goto(&format!("admin/#/collections/meetings/entries/{id}/index"));
    e.wait(&format!(
        "{}.value === '2021-01-21'",
        Editor::field("date", 0)
    ));
    e.set_value(&Editor::field("date", 0), "2021-01-22");
    // A new document: its title, and a file uploaded into the bundle.
    e.press("[...document.querySelectorAll('button')].find(b => /^(Ajouter|Add) documents$/.test(b.innerText.trim()))");
    let new_title =
        "[...document.querySelectorAll('[id^=\"title-field-\"]')].find(i => i.value === '')";
    e.type_into(new_title, "Programme détaillé");
    // The new item's file button: the last of the French pane's.
    e.press("[...document.querySelectorAll('button')].filter(b => /^(Choisir un fichier|Choose a file)$/.test(b.innerText.trim()))[1]");
    e.wait("!!document.querySelector('input[type=file]')");
    let upload = served.site.scratch().join("annexe-programme.txt");
    std::fs::write(&upload, "Programme détaillé du webinaire.\n").expect("write upload");
    e.upload("document.querySelector('input[type=file]')", &upload);
    e.press("[...document.querySelectorAll('button')].find(b => /^(Choisir les éléments sélectionnés|Choose selected)$/.test(b.innerText.trim()) && !b.disabled)");
    e.wait("!![...document.querySelectorAll('button')].find(b => /^(Choisir un fichier différent|Choose different file)$/.test(b.innerText.trim()) && b.closest('div') && document.body.innerText.includes('annexe-programme.txt'))");
    e.publish();
    let fr = wait_file(
        &served
            .site
            .path(&format!("content/meetings/{id}/index.fr.md")),
        "2021-01-22",
    );
    let en = wait_file(
        &served
            .site
            .path(&format!("content/meetings/{id}/index.en.md")),
        "2021-01-22",
    );
    for text in [&fr, &en] {
        assert!(text.contains("date: 2021-01-22"), "{text}");
        assert!(text.contains("location: online"), "{text}");
    }
    // Documents are titled in each language: the French one has it.
    assert!(fr.contains("title: Programme détaillé"), "{fr}");
    assert!(fr.contains("file: annexe-programme.txt"), "{fr}");
    assert_eq!(
        std::fs::read_to_string(
            served
                .site
                .path(&format!("content/meetings/{id}/annexe-programme.txt"))
        )
        .expect("the upload is in the bundle"),
        "Programme détaillé du webinaire.\n"
    );
    check_strict(&served.site);
    let page = page_showing(&mut e, &format!("fr/reunions/{id}/"), "Programme détaillé");
    assert!(page.contains("22 janvier 2021"), "{page}");
}
