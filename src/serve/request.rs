//! Reading a request within bounds: a request line of at most 8 KB,
//! headers of at most 64 KB together, all of it within a few seconds, and
//! only for the `Host` names of this machine. What cannot be read so is
//! answered with its status (414, 431, 408, 400) and the connection closed.

use std::io::{self, BufRead, BufReader};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// The longest request line read (a longer one is refused with 414).
pub const MAX_REQUEST_LINE: usize = 8 * 1024;
/// The most bytes of header lines read (past that: 431).
pub const MAX_HEADERS: usize = 64 * 1024;
/// How long a client has to send its request line and headers: a slow
/// or silent connection is closed, it does not hold a thread forever.
pub const HEADER_DEADLINE: Duration = Duration::from_secs(5);

/// The `Host` values the preview answers: the loopback address, the
/// address it listens on and `localhost`, with its port. A page of
/// another site that the editor visits can point a name of its own at
/// 127.0.0.1 (DNS rebinding), but its requests then carry that name, and
/// are refused: the preview, drafts included, is not readable from it.
pub struct Hosts {
    port: u16,
    names: Vec<String>,
    /// Listening on every address (`--bind 0.0.0.0`): any address written
    /// as numbers is the machine's own; a name still is not.
    any_ip: bool,
}

impl Hosts {
    pub fn new(addr: SocketAddr) -> Hosts {
        let literal = |ip: IpAddr| match ip {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        };
        let mut names = vec![
            "localhost".to_string(),
            "127.0.0.1".to_string(),
            "[::1]".to_string(),
        ];
        names.push(literal(addr.ip()));
        Hosts {
            port: addr.port(),
            names,
            any_ip: addr.ip().is_unspecified(),
        }
    }

    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = match host.rsplit_once(':') {
            Some((n, p)) if !p.contains(']') => (n.to_string(), Some(p)),
            _ => (host.clone(), None),
        };
        let port_ok = match port {
            Some(p) => p.parse::<u16>().ok() == Some(self.port),
            None => self.port == 80,
        };
        let ip_literal = name
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok();
        port_ok && (self.names.contains(&name) || (self.any_ip && ip_literal))
    }
}

/// Why a request was not read to its end.
pub enum Refused {
    /// Closed, timed out or unreadable: nothing to answer.
    Gone,
    /// Answer this and close.
    Answer(&'static str, &'static str),
}

impl From<io::Error> for Refused {
    fn from(e: io::Error) -> Refused {
        match e.kind() {
            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => {
                Refused::Answer("408 Request Timeout", "the request took too long")
            }
            _ => Refused::Gone,
        }
    }
}

/// One line (without its end), at most `limit` bytes, before `deadline`.
/// `None` at the end of the stream.
fn read_line(
    reader: &mut BufReader<TcpStream>,
    limit: usize,
    deadline: Instant,
    too_long: Refused,
) -> Result<Option<Vec<u8>>, Refused> {
    let mut line = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Refused::from(io::Error::from(io::ErrorKind::TimedOut)));
        }
        reader.get_ref().set_read_timeout(Some(left))?;
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((!line.is_empty()).then_some(line));
        }
        let (take, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if line.len() + take > limit + 2 {
            return Err(too_long);
        }
        line.extend_from_slice(&buf[..take]);
        reader.consume(take);
        if done {
            while matches!(line.last(), Some(b'\n' | b'\r')) {
                line.pop();
            }
            return Ok(Some(line));
        }
    }
}

/// The request line and the `Host` header, read within the bounds.
pub fn read_request(stream: &TcpStream) -> Result<(String, Option<String>), Refused> {
    let deadline = Instant::now() + HEADER_DEADLINE;
    let mut reader = BufReader::with_capacity(4096, stream.try_clone()?);
    let too_long = Refused::Answer("414 URI Too Long", "the request line is too long");
    let Some(first) = read_line(&mut reader, MAX_REQUEST_LINE, deadline, too_long)? else {
        return Err(Refused::Gone);
    };
    let bad = Refused::Answer("400 Bad Request", "bad request");
    let Ok(request_line) = String::from_utf8(first) else {
        return Err(bad);
    };
    let mut host = None;
    let mut left = MAX_HEADERS;
    loop {
        let too_long = Refused::Answer(
            "431 Request Header Fields Too Large",
            "the request headers are too large",
        );
        let Some(line) = read_line(&mut reader, left, deadline, too_long)? else {
            break;
        };
        if line.is_empty() {
            break;
        }
        left = left.saturating_sub(line.len() + 2);
        if let Some((name, value)) = String::from_utf8_lossy(&line).split_once(':')
            && name.trim().eq_ignore_ascii_case("host")
        {
            if host.is_some() {
                return Err(Refused::Answer(
                    "400 Bad Request",
                    "more than one Host header",
                ));
            }
            host = Some(value.trim().to_string());
        }
    }
    Ok((request_line, host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_machine_s_own_names_are_hosts() {
        let loopback = Hosts::new("127.0.0.1:8321".parse().expect("addr"));
        for ok in [
            "127.0.0.1:8321",
            "localhost:8321",
            "[::1]:8321",
            "LocalHost:8321",
        ] {
            assert!(loopback.allows(ok), "{ok}");
        }
        for bad in [
            "evil.test:8321",
            "127.0.0.1",
            "127.0.0.1:80",
            "localhost",
            "10.0.0.2:8321",
            "",
            "127.0.0.1:8321.evil.test",
        ] {
            assert!(!loopback.allows(bad), "{bad}");
        }
        let lan = Hosts::new("192.168.1.5:8321".parse().expect("addr"));
        assert!(lan.allows("192.168.1.5:8321") && !lan.allows("192.168.1.6:8321"));
        let any = Hosts::new("0.0.0.0:8321".parse().expect("addr"));
        assert!(any.allows("10.0.0.2:8321") && any.allows("[fe80::1]:8321"));
        assert!(!any.allows("rebind.evil.test:8321"));
        let web = Hosts::new("127.0.0.1:80".parse().expect("addr"));
        assert!(web.allows("localhost") && web.allows("localhost:80"));
    }
}
