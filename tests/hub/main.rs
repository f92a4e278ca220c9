//! Integration tests: whole fixture sites built by the real binary, with
//! assertions on the HTML (parsed) and on the diagnostics (as JSON).

mod chromium;
mod support;

mod bundled_hub;
mod determinism;
mod diagnostics;
mod graph;
mod languages;
mod pages;
mod publishing;
mod search;
mod serve;
