//! The priority of a background thread (rustix, on Linux; `publish.rs`
//! is the other module that knows it). `serve` makes the search index on
//! such a thread for tens of seconds after an edit on a large site: at
//! the lowest priority, the next save's rebuild gets the processor.

/// Gives the calling thread the lowest scheduling priority (nice 19);
/// where that is not possible, it keeps its own.
pub fn lower_this_thread() {
    #[cfg(target_os = "linux")]
    {
        // On Linux a thread id names the thread alone.
        let tid = rustix::thread::gettid();
        let _ = rustix::process::setpriority_process(Some(tid), 19);
    }
}
