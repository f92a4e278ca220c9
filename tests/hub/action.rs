//! The composite action's install script (`action/install.sh`) against a
//! fake release served on 127.0.0.1: it picks the runner's archive,
//! checks it against `SHA256SUMS`, installs the binary, and refuses an
//! archive whose checksum does not match.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::repo;

/// A file server on 127.0.0.1 that answers from a map and remembers the
/// paths asked for; it stops when dropped (or after a minute at most).
struct Server {
    url: String,
    asked: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start(files: BTreeMap<String, Vec<u8>>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let asked = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (a, s) = (Arc::clone(&asked), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            let until = Instant::now() + Duration::from_secs(60);
            while !s.load(Ordering::Relaxed) && Instant::now() < until {
                let Ok((stream, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                };
                let _ = stream.set_nonblocking(false);
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                // The rest of the request's head.
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                a.lock().expect("lock").push(path.clone());
                let mut out = &stream;
                let _ = match files.get(&path) {
                    Some(body) => out
                        .write_all(
                            format!(
                                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                                body.len()
                            )
                            .as_bytes(),
                        )
                        .and_then(|()| out.write_all(body)),
                    None => out.write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    ),
                };
            }
        });
        Server {
            url,
            asked,
            stop,
            thread: Some(thread),
        }
    }

    fn asked(&self) -> Vec<String> {
        self.asked.lock().expect("lock").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A release archive as release.yml makes it: a folder named for the
/// target holding a `rabat-hub` that prints `says`.
fn archive(dir: &Path, target: &str, says: &str) -> Vec<u8> {
    let name = format!("rabat-hub-{target}");
    let inner = dir.join(&name);
    std::fs::create_dir_all(inner.join("completions")).expect("mkdir");
    let exe = inner.join("rabat-hub");
    std::fs::write(&exe, format!("#!/bin/sh\necho {says}\n")).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let tarball = dir.join(format!("{name}.tar.gz"));
    let status = Command::new("tar")
        .arg("-czf")
        .arg(&tarball)
        .arg("-C")
        .arg(dir)
        .arg(&name)
        .status()
        .expect("tar");
    assert!(status.success());
    std::fs::read(&tarball).expect("read")
}

fn sha256(bytes: &[u8], scratch: &Path) -> String {
    let file = scratch.join("to-hash");
    std::fs::write(&file, bytes).expect("write");
    let out = Command::new("sha256sum")
        .arg(&file)
        .output()
        .expect("sha256sum");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

struct Release {
    tmp: tempfile::TempDir,
    server: Server,
}

const REPO: &str = "someone/rabat-hub";

/// A release `tag` (or `latest`) with the two Linux archives; `lie`
/// writes a wrong checksum for the arm64 one.
fn release(tag: &str, lie: bool) -> Release {
    let tmp = tempfile::tempdir().expect("tmp");
    let x64 = archive(tmp.path(), "x86_64-unknown-linux-musl", "fake-x86_64");
    let arm = archive(tmp.path(), "aarch64-unknown-linux-musl", "fake-aarch64");
    let arm_sum = if lie {
        sha256(b"something else", tmp.path())
    } else {
        sha256(&arm, tmp.path())
    };
    let sums = format!(
        "{}  rabat-hub-x86_64-unknown-linux-musl.tar.gz\n{arm_sum}  rabat-hub-aarch64-unknown-linux-musl.tar.gz\n",
        sha256(&x64, tmp.path())
    );
    let base = if tag == "latest" {
        format!("/{REPO}/releases/latest/download")
    } else {
        format!("/{REPO}/releases/download/{tag}")
    };
    let files = BTreeMap::from([
        (
            format!("{base}/rabat-hub-x86_64-unknown-linux-musl.tar.gz"),
            x64,
        ),
        (
            format!("{base}/rabat-hub-aarch64-unknown-linux-musl.tar.gz"),
            arm,
        ),
        (format!("{base}/SHA256SUMS"), sums.into_bytes()),
    ]);
    Release {
        tmp,
        server: Server::start(files),
    }
}

/// Runs the install script for a runner of `os`/`arch`; where it installs.
fn install(r: &Release, version: &str, os: &str, arch: &str) -> (Output, PathBuf, PathBuf) {
    let dir = r.tmp.path().join("installed");
    let github_path = r.tmp.path().join("github-path");
    let out = Command::new("bash")
        .arg(repo().join("action/install.sh"))
        .env("RABAT_HUB_REPO", REPO)
        .env("RABAT_HUB_VERSION", version)
        .env("RABAT_HUB_SERVER", &r.server.url)
        .env("RUNNER_OS", os)
        .env("RUNNER_ARCH", arch)
        .env("RABAT_HUB_DIR", &dir)
        .env("GITHUB_PATH", &github_path)
        .output()
        .expect("run install.sh");
    (out, dir, github_path)
}

#[test]
fn the_action_installs_the_runners_binary_after_checking_it() {
    let r = release("v9.9.9", false);
    let (out, dir, github_path) = install(&r, "v9.9.9", "Linux", "ARM64");
    assert!(
        out.status.success(),
        "install failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        r.server.asked(),
        [
            format!("/{REPO}/releases/download/v9.9.9/rabat-hub-aarch64-unknown-linux-musl.tar.gz"),
            format!("/{REPO}/releases/download/v9.9.9/SHA256SUMS"),
        ]
    );
    let ran = Command::new(dir.join("rabat-hub")).output().expect("run");
    assert_eq!(String::from_utf8_lossy(&ran.stdout).trim(), "fake-aarch64");
    assert_eq!(
        std::fs::read_to_string(github_path)
            .expect("GITHUB_PATH")
            .trim(),
        dir.display().to_string()
    );
}

#[test]
fn the_action_takes_the_latest_release_for_an_intel_linux_runner() {
    let r = release("latest", false);
    let (out, dir, _) = install(&r, "latest", "Linux", "X64");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        r.server.asked()[0],
        format!("/{REPO}/releases/latest/download/rabat-hub-x86_64-unknown-linux-musl.tar.gz")
    );
    let ran = Command::new(dir.join("rabat-hub")).output().expect("run");
    assert_eq!(String::from_utf8_lossy(&ran.stdout).trim(), "fake-x86_64");
}

#[test]
fn the_action_refuses_an_archive_whose_checksum_does_not_match() {
    let r = release("v9.9.9", true);
    let (out, dir, github_path) = install(&r, "v9.9.9", "Linux", "ARM64");
    assert!(!out.status.success(), "a bad checksum was accepted");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("does not match the release's checksum"),
        "{err}"
    );
    assert!(!dir.join("rabat-hub").exists(), "installed anyway");
    assert!(!github_path.exists());
}

#[test]
fn the_action_names_each_platforms_archive() {
    let r = release("v9.9.9", false);
    for (os, arch, asset) in [
        ("macOS", "ARM64", "rabat-hub-aarch64-apple-darwin.tar.gz"),
        ("macOS", "X64", "rabat-hub-x86_64-apple-darwin.tar.gz"),
        ("Windows", "X64", "rabat-hub-x86_64-pc-windows-msvc.zip"),
    ] {
        let (out, _, _) = install(&r, "v9.9.9", os, arch);
        // Not in this fake release: asked for, then a failure.
        assert!(!out.status.success());
        let asked = r.server.asked();
        assert_eq!(
            asked.last().map(String::as_str),
            Some(format!("/{REPO}/releases/download/v9.9.9/{asset}").as_str()),
            "{os} {arch}"
        );
    }
    let (out, _, _) = install(&r, "v9.9.9", "Plan9", "MIPS");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no release for Plan9 MIPS"));
}

#[test]
fn the_action_finds_its_own_repository_and_tag_where_the_runner_put_it() {
    let r = release("v9.9.9", false);
    let dir = r.tmp.path().join("installed");
    let out = Command::new("bash")
        .arg(repo().join("action/install.sh"))
        .env_remove("RABAT_HUB_REPO")
        .env_remove("RABAT_HUB_VERSION")
        .env(
            "GITHUB_ACTION_PATH",
            format!("/home/runner/work/_actions/{REPO}/v9.9.9"),
        )
        .env("RABAT_HUB_SERVER", &r.server.url)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RABAT_HUB_DIR", &dir)
        .output()
        .expect("run install.sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        r.server.asked()[0],
        format!("/{REPO}/releases/download/v9.9.9/rabat-hub-x86_64-unknown-linux-musl.tar.gz")
    );
    // At a moving tag (`@v1`), the latest release.
    let latest = release("latest", false);
    let out = Command::new("bash")
        .arg(repo().join("action/install.sh"))
        .env_remove("RABAT_HUB_REPO")
        .env_remove("RABAT_HUB_VERSION")
        .env("GITHUB_ACTION_PATH", format!("/a/_actions/{REPO}/v1"))
        .env("RABAT_HUB_SERVER", &latest.server.url)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RABAT_HUB_DIR", latest.tmp.path().join("installed"))
        .output()
        .expect("run install.sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(latest.server.asked()[0].starts_with(&format!("/{REPO}/releases/latest/download/")));
}
