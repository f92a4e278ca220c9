//! A small client for headless Chromium over the DevTools Protocol (a
//! WebSocket), enough to open pages, run JavaScript in them, throttle the
//! network and read what was transferred. Used by the browser tests and by
//! the search benchmark (`bench/search_bench.rs` includes this file).

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

pub const CHROMIUM: &str = "/usr/bin/chromium";

pub struct Chromium {
    child: Child,
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
    /// Events received while waiting for answers, oldest first.
    pub events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Drop for Chromium {
    /// Asks the browser to quit, so it ends its helper processes too; kills
    /// it if it has not within five seconds.
    fn drop(&mut self) {
        let _ = self.call(None, "Browser.close", json!({}));
        for _ in 0..50 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether the browser tests can run here; says loudly when not.
pub fn available(test: &str) -> bool {
    if Path::new(CHROMIUM).exists() {
        return true;
    }
    // Past libtest's capture, as tests/hub/skip.rs does (this file is
    // also part of the search benchmark, which has no `skip` module).
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED {test}: no Chromium at {CHROMIUM} (install Debian's `chromium` package; .ci/run does)"
    );
    false
}

impl Chromium {
    /// Starts a fresh headless Chromium with its own empty profile.
    pub fn launch() -> Result<Chromium, String> {
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut child = Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {CHROMIUM}: {e}"))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (tx, rx) = std::sync::mpsc::channel();
        // Chromium writes its address on stderr, then keeps logging there:
        // drain it so the pipe never fills.
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent && let Some(at) = line.find("ws://") {
                    let _ = tx.send(line[at..].trim().to_string());
                    sent = true;
                }
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(u) => u,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("Chromium did not print its DevTools address".into());
            }
        };
        let (ws, _) = tungstenite::connect(url.as_str()).map_err(|e| e.to_string())?;
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(60)))
                .map_err(|e| e.to_string())?;
        }
        Ok(Chromium {
            child,
            ws,
            next_id: 0,
            events: Vec::new(),
            _profile: profile,
        })
    }

    /// Sends a command (to a page when `session` is given) and waits for
    /// its answer, keeping the events that arrive meanwhile.
    pub fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .map_err(|e| format!("{method}: {e}"))?;
        loop {
            let m = self.ws.read().map_err(|e| format!("{method}: {e}"))?;
            let Message::Text(text) = m else { continue };
            let v: Value = serde_json::from_str(text.as_str()).map_err(|e| e.to_string())?;
            if v["id"] == json!(id) {
                if let Some(err) = v.get("error") {
                    return Err(format!("{method}: {err}"));
                }
                return Ok(v["result"].clone());
            }
            if v.get("method").is_some() {
                self.events.push(v);
            }
        }
    }

    /// A new tab, attached: its session id.
    pub fn tab(&mut self) -> Result<String, String> {
        let target = self.call(None, "Target.createTarget", json!({ "url": "about:blank" }))?;
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target["targetId"], "flatten": true }),
        )?;
        attached["sessionId"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| "no session".to_string())
    }

    pub fn goto(&mut self, session: &str, url: &str) -> Result<(), String> {
        self.call(Some(session), "Page.navigate", json!({ "url": url }))?;
        Ok(())
    }

    /// The value of a JavaScript expression in the page (promises awaited).
    pub fn eval(&mut self, session: &str, expression: &str) -> Result<Value, String> {
        let r = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(e) = r.get("exceptionDetails") {
            return Err(format!("{expression}: {e}"));
        }
        Ok(r["result"]["value"].clone())
    }

    /// Opens `url` in the tab and waits for its `load` event to have
    /// fired (the page and what it loads), for at most a minute.
    pub fn load(&mut self, session: &str, url: &str) -> Result<(), String> {
        // Page.navigate answers once the new document is committed, so the
        // state read next is the new page's.
        self.goto(session, url)?;
        self.wait_for(
            session,
            "document.readyState === 'complete'",
            Duration::from_secs(60),
        )?;
        Ok(())
    }

    /// Records, from now on, what the tab's pages log about their
    /// Content-Security-Policy (Chromium logs each violation: "Refused to
    /// apply inline style because it violates…"); `csp_violations` reads
    /// them.
    pub fn record_csp_violations(&mut self, session: &str) -> Result<(), String> {
        self.call(Some(session), "Log.enable", json!({}))?;
        Ok(())
    }

    /// The violations the tab's pages logged since the last call, after a
    /// short wait for the last entries to arrive.
    pub fn csp_violations(&mut self, session: &str) -> Result<Vec<String>, String> {
        // A round trip brings in every event sent before its answer.
        self.eval(session, "1")?;
        let mut found = Vec::new();
        self.events.retain(|e| {
            let text = e["params"]["entry"]["text"].as_str().unwrap_or_default();
            let here = e["sessionId"].as_str() == Some(session)
                && e["method"] == "Log.entryAdded"
                && text.contains("Content Security Policy");
            if here {
                found.push(text.to_string());
            }
            !here
        });
        Ok(found)
    }

    /// The tab's width and height in CSS pixels (a phone: `mobile`).
    pub fn viewport(
        &mut self,
        session: &str,
        width: u32,
        height: u32,
        mobile: bool,
    ) -> Result<(), String> {
        self.call(
            Some(session),
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile }),
        )?;
        Ok(())
    }

    /// The current page printed as a PDF, with no header or footer.
    pub fn print_pdf(&mut self, session: &str) -> Result<Vec<u8>, String> {
        use base64::Engine as _;
        let r = self.call(
            Some(session),
            "Page.printToPDF",
            json!({ "displayHeaderFooter": false }),
        )?;
        let data = r["data"].as_str().ok_or("no PDF data")?;
        base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| e.to_string())
    }

    /// Evaluates `expression` until it gives something other than null or
    /// false, for at most `limit`.
    pub fn wait_for(
        &mut self,
        session: &str,
        expression: &str,
        limit: Duration,
    ) -> Result<Value, String> {
        let start = Instant::now();
        loop {
            // A page still loading has no context to evaluate in: retry.
            if let Ok(v) = self.eval(session, expression)
                && !v.is_null()
                && v != json!(false)
            {
                return Ok(v);
            }
            if start.elapsed() > limit {
                return Err(format!("waited {limit:?} for {expression}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
