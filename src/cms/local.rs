//! The editor's local backend for `serve`: Decap's own `decap-server`
//! (npm, pinned in `tools/package-lock.json`), in its `fs` mode, which
//! reads and writes the files of the checkout. It runs on Node.js, as a
//! child process on the loopback address, answering the serve page's
//! origin only; it ends when `serve` does, even when `serve` is killed
//! (it watches its standard input, which closes with its parent).

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `decap-server`.
pub struct LocalBackend {
    child: Child,
    /// The address the CMS posts to (`http://127.0.0.1:PORT/api/v1`).
    pub url: String,
}

impl Drop for LocalBackend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where `decap-server`'s script may be: the site's own `tools/` (this
/// repository's layout), then the ones given.
pub fn candidates(root: &Path, more: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = vec![root.join("tools/node_modules/decap-server/dist/index.js")];
    out.extend(more.iter().cloned());
    out
}

/// The one command that starts the local backend by hand, for the
/// contributor guide and for `serve`'s message when it cannot.
pub const BY_HAND: &str = "npx decap-server";

/// How long decap-server may take to answer.
const STARTUP_SECONDS: u64 = 20;

/// Starts `decap-server` for the site at `root`, allowing requests from
/// `origin` (the page served by `serve`). `Err` says why not.
pub fn start(root: &Path, scripts: &[PathBuf], origin: &str) -> Result<LocalBackend, String> {
    let script = scripts
        .iter()
        .find(|p| p.is_file())
        .ok_or_else(|| crate::t!("editor-not-installed"))?;
    // A free port: bound, read, released; decap-server binds it next.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| crate::t!("editor-no-port", why = e.to_string()))?
        .port();
    // Node ends when its standard input closes, i.e. when serve ends.
    let wrapper = "process.stdin.on('end',()=>process.exit(0));process.stdin.on('close',()=>process.exit(0));process.stdin.resume();require(process.argv[1]);";
    let child = Command::new("node")
        .arg("-e")
        .arg(wrapper)
        .arg(script)
        .env("PORT", port.to_string())
        .env("BIND_HOST", "127.0.0.1")
        .env("GIT_REPO_DIRECTORY", root)
        .env("MODE", "fs")
        .env("ORIGIN", origin.trim_end_matches('/'))
        .env("LOG_LEVEL", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| crate::t!("editor-no-node", why = e.to_string()))?;
    let mut backend = LocalBackend {
        child,
        url: format!("http://127.0.0.1:{port}/api/v1"),
    };
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + Duration::from_secs(STARTUP_SECONDS);
    while Instant::now() < deadline {
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(backend);
        }
        if let Ok(Some(status)) = backend.child.try_wait() {
            return Err(crate::t!("editor-stopped", status = status.to_string()));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(crate::t!("editor-slow", seconds = STARTUP_SECONDS as usize))
}
