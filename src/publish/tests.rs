use super::*;

fn page(path: &str, text: &str) -> Artifact {
    Artifact {
        path: path.into(),
        content: Content::Bytes(text.as_bytes().to_vec()),
    }
}

#[test]
fn replaces_whole_folder_and_refuses_escapes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    publish(&out, &[page("a/index.html", "1"), page("old.html", "x")]).expect("first");
    publish(&out, &[page("a/index.html", "2")]).expect("second");
    assert_eq!(
        fs::read_to_string(out.join("a/index.html")).expect("read"),
        "2"
    );
    assert!(!out.join("old.html").exists());
    assert!(publish(&out, &[page("../evil", "x")]).is_err());
    assert_eq!(
        fs::read_to_string(out.join("a/index.html")).expect("read"),
        "2"
    );
}

fn stages_of(out: &Path, artifacts: &[Artifact]) -> (Swap, Vec<Stage>) {
    let mut seen = Vec::new();
    let swap = publish_with(out, artifacts, &mut |s| seen.push(s)).expect("publish");
    (swap, seen)
}

#[test]
fn the_first_site_is_renamed_in_and_the_next_exchanged() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    let (swap, stages) = stages_of(&out, &[page("a.html", "1"), page("b.html", "1")]);
    assert_eq!(swap, Swap::First);
    assert_eq!(stages, [Stage::Writing, Stage::Staged, Stage::Swapped]);
    let (swap, stages) = stages_of(&out, &[page("a.html", "2")]);
    if cfg!(target_os = "linux") {
        assert_eq!(swap, Swap::Exchange, "the temp filesystem has renameat2");
    }
    assert_eq!(stages.last(), Some(&Stage::Swapped));
    assert_eq!(fs::read_to_string(out.join("a.html")).expect("read"), "2");
    assert!(!out.join("b.html").exists());
    let left: Vec<_> = fs::read_dir(tmp.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        left.len(),
        2,
        "only public/ and its lock are left: {left:?}"
    );
    assert!(tmp.path().join(".public.lock").is_file());
}

#[test]
fn the_two_rename_swap_replaces_the_site_and_leaves_nothing_aside() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    publish(&out, &[page("a.html", "1")]).expect("first");
    let staging = tmp.path().join(".public.staging-test");
    fs::create_dir_all(&staging).expect("mkdir");
    fs::write(staging.join("a.html"), "2").expect("write");
    let mut seen = Vec::new();
    swap_by_renames(&out, &staging, tmp.path(), "public", &mut |s| seen.push(s)).expect("swap");
    assert_eq!(seen, [Stage::OldAside, Stage::Swapped]);
    assert_eq!(fs::read_to_string(out.join("a.html")).expect("read"), "2");
    assert!(!old_name(tmp.path(), "public").exists());
    assert!(!staging.exists());
}

#[test]
fn recovers_from_a_swap_cut_in_the_middle() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    publish(&out, &[page("index.html", "good")]).expect("first");
    fs::rename(&out, old_name(tmp.path(), "public")).expect("simulate");
    recover(&out).expect("recover");
    assert_eq!(
        fs::read_to_string(out.join("index.html")).expect("read"),
        "good"
    );
}

#[test]
fn files_streamed_from_many_threads_are_published_on_commit() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    publish(&out, &[page("old.html", "old")]).expect("first");
    let staging = Staging::begin(&out).expect("begin");
    let ((), failed) = staging.stream(|sink| {
        (0..200).into_par_iter().for_each(|i| {
            sink(page(&format!("p/{i}/index.html"), &i.to_string()));
        });
    });
    assert!(failed.is_none());
    // Streamed, not yet published: the old site is whole.
    assert!(out.join("old.html").exists());
    assert!(!out.join("p").exists());
    staging.commit(&mut |_| {}).expect("commit");
    for i in [0, 77, 199] {
        let text = fs::read_to_string(out.join(format!("p/{i}/index.html"))).expect("read");
        assert_eq!(text, i.to_string());
    }
    assert!(!out.join("old.html").exists());
}

#[test]
fn a_staging_dropped_uncommitted_leaves_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    // Nothing written: not even the output's parent is made.
    let out = tmp.path().join("site").join("public");
    drop(Staging::begin(&out).expect("begin"));
    assert!(!tmp.path().join("site").exists());
    // Written, then dropped (a failed build): the folder goes.
    let staging = Staging::begin(&out).expect("begin");
    let ((), failed) = staging.stream(|sink| sink(page("a.html", "a")));
    assert!(failed.is_none());
    drop(staging);
    let left: Vec<_> = fs::read_dir(tmp.path().join("site"))
        .expect("ls")
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n != ".public.lock")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_write_error_names_the_file_in_the_output() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    let e = publish(&out, &[page("fr/a", "1"), page("fr/a/index.html", "2")])
        .expect_err("a path both a file and a folder");
    assert!(e.to_string().starts_with("`fr/a`: "), "{e}");
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<FileError>());
    assert_eq!(inner.map(|f| f.path.as_str()), Some("fr/a"));
    assert!(!out.exists(), "nothing published");
}

#[test]
fn a_streamed_path_outside_the_folder_is_a_write_error() {
    let tmp = tempfile::tempdir().expect("tmp");
    let staging = Staging::begin(&tmp.path().join("public")).expect("begin");
    let ((), failed) = staging.stream(|sink| sink(page("../evil", "x")));
    assert!(failed.is_some());
    assert!(!tmp.path().join("evil").exists());
}
