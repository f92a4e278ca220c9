//! The web editor's script, carried in the binary: Decap CMS's
//! `decap-cms.js`, gzipped by `tools/vendor-cms.sh` from the npm package
//! that `tools/package-lock.json` pins. Carried rather than read from
//! `tools/node_modules`, so that `/admin/` works from the one binary
//! (issue 17) on a machine without npm; compressed (1.5 MB instead of
//! 5.2 MB), and unpacked once, the first time a site asks for it.
//!
//! The only code that knows `flate2` besides Pagefind's own use of it.

use std::io::Read;
use std::sync::OnceLock;

const SCRIPT_GZ: &[u8] = include_bytes!("vendor/decap-cms.js.gz");
/// The third-party notices of the libraries inside the script.
pub const NOTICES: &str = include_str!("vendor/decap-cms.js.LICENSE.txt");
/// Decap CMS's own licence.
pub const LICENSE: &str = include_str!("vendor/LICENSE");
/// The npm version the script is from.
pub fn version() -> &'static str {
    include_str!("vendor/VERSION").trim()
}

/// The script, unpacked.
pub fn script() -> &'static [u8] {
    static SCRIPT: OnceLock<Vec<u8>> = OnceLock::new();
    SCRIPT.get_or_init(|| {
        let mut out = Vec::with_capacity(6 << 20);
        // The archive is part of the binary, written by vendor-cms.sh and
        // checked by the test below: it always unpacks.
        #[allow(clippy::expect_used)]
        flate2::read::GzDecoder::new(SCRIPT_GZ)
            .read_to_end(&mut out)
            .expect("the vendored decap-cms.js.gz is a valid gzip file");
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_carried_script_is_the_version_the_lock_file_pins() {
        let lock = include_str!("../../tools/package-lock.json");
        let lock: serde_json::Value = serde_json::from_str(lock).unwrap_or_default();
        let pinned = lock["packages"]["node_modules/decap-cms"]["version"]
            .as_str()
            .unwrap_or("");
        assert_eq!(
            pinned,
            version(),
            "run tools/vendor-cms.sh after changing decap-cms"
        );
        assert!(script().len() > 1_000_000);
        // Where `npm ci` has run, the carried copy is the installed file.
        let installed = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tools/node_modules/decap-cms/dist/decap-cms.js"
        );
        if let Ok(bytes) = std::fs::read(installed) {
            assert!(
                bytes == script(),
                "src/cms/vendor is not tools/node_modules' decap-cms.js: run tools/vendor-cms.sh"
            );
        }
    }
}
