//! Integration tests: whole fixture sites built by the real binary, with
//! assertions on the HTML (parsed) and on the diagnostics (as JSON).

// `skipped!` first: every module after may use it.
#[macro_use]
mod skip;
mod chromium;
mod served;
mod support;
// The photo generator, shared with src/images/process.rs and bench/gen_photos.rs.
mod photos;

mod accessibility;
mod action;
mod axe;
mod bad_input;
mod browser_csp;
mod bundled_hub;
mod check;
mod cms;
mod cms_browser;
mod commonmark;
mod csp;
mod determinism;
mod diagnostics;
mod editor_mistakes;
mod freshness;
mod fuzz;
mod fuzz_hostile;
mod generated;
mod graph;
mod hostile;
mod hostile_build;
mod hostile_input;
mod hostile_serve;
mod hosting;
mod html_checker;
mod identity;
mod images;
mod interrupted;
mod languages;
mod lists;
mod messages;
mod new;
mod pages;
mod phone;
mod pictures;
mod print;
mod publishing;
mod same_output;
mod search;
mod serve;
mod serve_editing;
mod standalone;
mod terms;
mod web;
mod workflows;
