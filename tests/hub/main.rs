//! Integration tests: whole fixture sites built by the real binary, with
//! assertions on the HTML (parsed) and on the diagnostics (as JSON).

mod support;

mod bundled_hub;
mod determinism;
mod diagnostics;
mod generated;
mod graph;
mod languages;
mod pages;
mod publishing;
mod serve;
