//! `serve --open`: the command that opens an address in the desktop's
//! browser (`xdg-open` on Linux and the BSDs, `open` on macOS, `start` on
//! Windows), or another program given by the caller (`cmd::serve` takes
//! one from `RABAT_HUB_OPENER`, which is how the tests watch it).

use std::process::Command;

/// The command line that opens `url`: `opener` when given, else the
/// platform's own.
pub fn browser_command(url: &str, opener: Option<&str>) -> Command {
    if let Some(program) = opener {
        let mut c = Command::new(program);
        c.arg(url);
        return c;
    }
    platform_command(url, std::env::consts::OS)
}

fn platform_command(url: &str, os: &str) -> Command {
    match os {
        "macos" => {
            let mut c = Command::new("open");
            c.arg(url);
            c
        }
        "windows" => {
            // `start` is built into cmd; its first quoted argument is a
            // window title, hence the empty one.
            let mut c = Command::new("cmd");
            c.args(["/C", "start", "", url]);
            c
        }
        _ => {
            let mut c = Command::new("xdg-open");
            c.arg(url);
            c
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(c: &Command) -> Vec<String> {
        std::iter::once(c.get_program())
            .chain(c.get_args())
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn each_platform_opens_the_address_its_way() {
        let url = "http://127.0.0.1:8321/";
        assert_eq!(line(&platform_command(url, "linux")), ["xdg-open", url]);
        assert_eq!(line(&platform_command(url, "freebsd")), ["xdg-open", url]);
        assert_eq!(line(&platform_command(url, "macos")), ["open", url]);
        assert_eq!(
            line(&platform_command(url, "windows")),
            ["cmd", "/C", "start", "", url]
        );
        assert_eq!(
            line(&browser_command(url, Some("my-browser"))),
            ["my-browser", url]
        );
    }
}
