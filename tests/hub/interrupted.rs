//! A build killed with SIGKILL at any moment leaves the previous `public/`
//! complete and usable, and the next build succeeds. The build is stopped
//! at named moments (the `RABAT_HUB_PAUSE_AT` hook of `cmd/build.rs`), and
//! at spread-out delays on a larger site, without any hook.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::{Site, snapshot};

type Files = BTreeMap<String, Vec<u8>>;

/// Runs `build`, waits until it says it paused at `moment`, kills it.
fn kill_at(site: &Site, moment: &str) {
    let mut child = crate::support::hub()
        .args(["build", "--root"])
        .arg(&site.root)
        .env("RABAT_HUB_PAUSE_AT", moment)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start build");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let wanted = format!("paused at {moment}");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line == wanted => break,
            Ok(_) => continue,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the build never paused at {moment}");
            }
        }
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(!status.success(), "killed, not finished");
}

/// What is beside `public/`: staging folders a killed build left (the
/// lock file stays there by design).
fn beside_public(site: &Site) -> Vec<String> {
    std::fs::read_dir(&site.root)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public") && n != ".public.lock")
        .collect()
}

/// The site as built from its current content, into a folder of its own.
fn expected(site: &Site, name: &str) -> Files {
    let out = site.scratch().join(name);
    site.build(&["--output", out.to_str().expect("utf-8 path")]);
    snapshot(&out)
}

#[test]
fn a_build_killed_at_each_moment_loses_nothing() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    let before = snapshot(&site.path("public"));
    assert!(before.len() > 10);

    let file = "content/practices/ofii-cameroon.en.md";
    site.write(file, "---\ntitle: \"Changed\"\ncountries: [cm]\n---\n");
    let after = expected(&site, "after");
    assert_ne!(before, after);

    for moment in ["generated", "writing", "staged"] {
        kill_at(&site, moment);
        assert!(
            snapshot(&site.path("public")) == before,
            "public/ changed after a kill at {moment}"
        );
    }
    assert!(
        !beside_public(&site).is_empty(),
        "the killed builds left staging folders"
    );

    // Killed once the new site is in: the new site, whole.
    kill_at(&site, "swapped");
    assert!(
        snapshot(&site.path("public")) == after,
        "public/ is not the new site"
    );

    // The next build succeeds and clears what the killed ones left.
    site.build(&[]);
    assert!(snapshot(&site.path("public")) == after);
    assert_eq!(beside_public(&site), Vec::<String>::new());
}

/// On Linux the swap is one atomic exchange: the two-rename window, where
/// `public/` is briefly missing, never happens.
#[cfg(target_os = "linux")]
#[test]
fn on_linux_the_swap_has_no_window_without_a_site() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    let with_hook = {
        let mut cmd = crate::support::hub();
        cmd.args(["build", "--root"])
            .arg(&site.root)
            .env("RABAT_HUB_PAUSE_AT", "old-aside");
        crate::support::run_bounded(cmd, site.scratch(), 60)
    };
    assert!(
        with_hook.status.success(),
        "the build paused between two renames"
    );
}

/// A site big enough that a build takes a while, killed at delays spread
/// over its whole run: each time `public/` is the old site or the new one,
/// whole; never a mix, never missing.
#[test]
fn a_build_killed_at_spread_out_delays_leaves_a_whole_site() {
    let site = Site::fixture("bad-input/minimal");
    let body = "Un paragraphe de texte, avec un [lien](@/pages/about).\n\n".repeat(40);
    for i in 0..150 {
        site.write(
            &format!("content/pages/p{i}.fr.md"),
            &format!("---\ntitle: \"Page {i}\"\n---\n\n{body}"),
        );
    }
    site.build(&[]);
    let before = snapshot(&site.path("public"));
    for i in 0..150 {
        site.write(
            &format!("content/pages/p{i}.fr.md"),
            &format!("---\ntitle: \"Page {i}, v2\"\n---\n\n{body}"),
        );
    }
    let after = expected(&site, "after");

    let start = Instant::now();
    site.build(&[
        "--output",
        site.scratch().join("timed").to_str().expect("utf-8"),
    ]);
    let full = start.elapsed();

    for step in 1..=6u32 {
        let delay = full * step / 6;
        let mut child = crate::support::hub()
            .args(["build", "--root"])
            .arg(&site.root)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start build");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&site.path("public"));
        assert!(
            now == before || now == after,
            "after a kill at {delay:?}, public/ is neither the old site nor the new one ({} files)",
            now.len()
        );
    }
    site.build(&[]);
    assert!(snapshot(&site.path("public")) == after);
    assert_eq!(beside_public(&site), Vec::<String>::new());
}
