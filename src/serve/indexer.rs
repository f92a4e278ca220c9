//! `serve`'s search index: made again after the reload, on a thread of
//! its own at the lowest priority, from a copy of the site taken when the
//! editor pauses; a newer copy waiting replaces an older one, and an index
//! finished late never replaces a newer one.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use super::Live;
use super::preview::SearchInput;
use crate::diag::Diagnostics;
use crate::output::Content;

/// How long the editor pauses before the site is copied for the indexer.
pub const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// Makes the search index of the latest site on its own thread, with its
/// own thread pool (one thread), so that rebuilds keep the others.
pub struct Indexer {
    state: Arc<IndexerState>,
}

#[derive(Default)]
struct IndexerState {
    /// The newest site waiting to be indexed; an older one waiting is
    /// dropped for it.
    queue: Mutex<Option<SearchInput>>,
    wake: Condvar,
    /// Whether an index is in the making.
    busy: AtomicBool,
    done: Mutex<Done>,
}

/// Output paths and their contents.
pub type Files = Vec<(String, Arc<Content>)>;

#[derive(Default)]
pub struct Done {
    /// The generation of the index the live site serves.
    pub served: u64,
    /// An index made since the last rebuild, for the preview's files.
    pub files: Option<(u64, Files)>,
}

impl Indexer {
    /// Starts the thread; `problems` is told what each index found.
    pub fn start(live: Arc<Live>, problems: Box<dyn Fn(&Diagnostics) + Send>) -> Indexer {
        let state = Arc::new(IndexerState::default());
        let worker = Arc::clone(&state);
        let spawned = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                super::priority::lower_this_thread();
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .thread_name(|_| "search-index".into())
                    .start_handler(|_| super::priority::lower_this_thread())
                    .build()
                    .ok();
                loop {
                    let input = {
                        let mut queue = worker.queue.lock().unwrap_or_else(|p| p.into_inner());
                        loop {
                            if let Some(s) = queue.take() {
                                worker.busy.store(true, Ordering::SeqCst);
                                break s;
                            }
                            queue = worker.wake.wait(queue).unwrap_or_else(|p| p.into_inner());
                        }
                    };
                    let (artifacts, diags) = match &pool {
                        Some(pool) => pool.install(|| input.search()),
                        None => input.search(),
                    };
                    problems(&diags);
                    if !diags.has_errors() {
                        let files: Files = artifacts
                            .into_iter()
                            .map(|a| (a.path, Arc::new(a.content)))
                            .collect();
                        let mut done = worker.done.lock().unwrap_or_else(|p| p.into_inner());
                        if input.generation() > done.served {
                            live.add_quietly(&files);
                            done.served = input.generation();
                            done.files = Some((input.generation(), files));
                        }
                    }
                    worker.busy.store(false, Ordering::SeqCst);
                }
            });
        if let Err(e) = spawned {
            eprintln!("{}", crate::t!("serve-no-indexer", why = e.to_string()));
        }
        Indexer { state }
    }

    /// Indexes `input` once the index in the making (if any) is done.
    pub fn request(&self, input: SearchInput) {
        let mut queue = self.state.queue.lock().unwrap_or_else(|p| p.into_inner());
        *queue = Some(input);
        drop(queue);
        self.state.wake.notify_one();
    }

    /// Whether it has nothing to do.
    pub fn idle(&self) -> bool {
        let queue = self.state.queue.lock().unwrap_or_else(|p| p.into_inner());
        queue.is_none() && !self.state.busy.load(Ordering::SeqCst)
    }

    pub fn done(&self) -> MutexGuard<'_, Done> {
        self.state.done.lock().unwrap_or_else(|p| p.into_inner())
    }
}
