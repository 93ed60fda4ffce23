//! What `serve` lets a client do: how long a request may take, how many connections one client
//! and all clients may hold, and which `Host` names a request may carry.
//!
//! In: the [`Limits`], the bound address and port, the names allowed with `--allow-host`. Out:
//! [`Clients`], which admits a connection or refuses it, and [`Hosts`], which says whether a
//! `Host` header names this server. Never does IO.
//!
//! Issue 15: one local process could hold every connection by sending a byte every few seconds
//! (the read timeout restarted on every byte), and a web page the user visits could read the
//! preview through DNS rebinding (its own name, resolved to 127.0.0.1, in the `Host` header).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// The limits of one `serve`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time from the connection to the end of the request head, not restarted by each byte
    /// received; the whole exchange, response included, ends after three times this.
    pub deadline: Duration,
    /// Connections one client address may hold at once.
    pub per_client: usize,
    /// Connections all clients may hold at once.
    pub total: usize,
}

impl Default for Limits {
    /// 10 s per request, 16 connections per client (a browser opens about 6), 256 in all: a
    /// client holding its maximum leaves 240 places to the others, and every place it holds
    /// is freed at the deadline.
    fn default() -> Limits {
        Limits {
            deadline: Duration::from_secs(10),
            per_client: 16,
            total: 256,
        }
    }
}

/// The connections open, per client address.
#[derive(Debug)]
pub(super) struct Clients {
    limits: Limits,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One admitted connection; its place is given back when it is dropped.
#[derive(Debug)]
pub(super) struct Permit {
    clients: Arc<Clients>,
    ip: IpAddr,
}

impl Clients {
    /// No connection open yet.
    pub(super) fn new(limits: Limits) -> Arc<Clients> {
        Arc::new(Clients {
            limits,
            open: Mutex::new(HashMap::new()),
        })
    }

    /// A place for one more connection from `ip`, when neither it nor all clients together
    /// hold their maximum.
    pub(super) fn admit(self: &Arc<Clients>, ip: IpAddr) -> Option<Permit> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let total: usize = open.values().sum();
        let mine = open.entry(ip).or_insert(0);
        if *mine >= self.limits.per_client || total >= self.limits.total {
            return None;
        }
        *mine += 1;
        Some(Permit {
            clients: Arc::clone(self),
            ip,
        })
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut open = self
            .clients
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = open.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// The `Host` values a request may carry, lower case.
#[derive(Debug, Clone)]
pub(super) struct Hosts {
    allowed: Vec<String>,
    port: u16,
    any_ip: bool,
    suggested: String,
}

impl Hosts {
    /// The bound address, `localhost`, `127.0.0.1`, `[::1]` and every `extra` name, each with
    /// `port`. Without the port too when it is 80, since a browser leaves the default port out.
    /// When `bind` is the unspecified address (0.0.0.0 or ::), every IP address with the port
    /// is allowed as well: the machine may be reached by any of its addresses, and DNS
    /// rebinding needs a name, never an address.
    pub(super) fn new(bind: IpAddr, port: u16, extra: &[String]) -> Hosts {
        let suggested = if bind.is_unspecified() {
            format!("127.0.0.1:{port}")
        } else {
            format!("{}:{port}", host_name(bind))
        };
        let mut names = vec![
            host_name(bind),
            "localhost".to_owned(),
            "127.0.0.1".to_owned(),
            "[::1]".to_owned(),
        ];
        names.extend(extra.iter().map(|name| name.to_ascii_lowercase()));
        let mut allowed = Vec::new();
        for name in names {
            allowed.push(format!("{name}:{port}"));
            if port == 80 {
                allowed.push(name);
            }
        }
        Hosts {
            allowed,
            port,
            any_ip: bind.is_unspecified(),
            suggested,
        }
    }

    /// Whether a request with this `Host` header (`None` when absent) may be answered. HTTP/1.0
    /// has no `Host` header, so only HTTP/1.1 must carry one.
    pub(super) fn allows(&self, host: Option<&[u8]>, http_11: bool) -> bool {
        let Some(host) = host else {
            return !http_11;
        };
        let Ok(host) = std::str::from_utf8(host) else {
            return false;
        };
        let host = host.to_ascii_lowercase();
        if self.allowed.contains(&host) {
            return true;
        }
        self.any_ip
            && host
                .rsplit_once(':')
                .filter(|(_, port)| *port == self.port.to_string())
                .map(|(ip, _)| ip.trim_start_matches('[').trim_end_matches(']'))
                .is_some_and(|ip| ip.parse::<IpAddr>().is_ok())
    }

    /// The `host:port` to suggest in a refusal.
    pub(super) fn suggested(&self) -> &str {
        &self.suggested
    }
}

/// An address as it is written in a `Host` header (`[::1]` for IPv6).
fn host_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn one_client_holding_its_maximum_leaves_room_for_another_until_all_are_taken() {
        let clients = Clients::new(Limits {
            deadline: Duration::from_secs(1),
            per_client: 2,
            total: 3,
        });
        let a = [
            clients.admit(ip("127.0.0.1")),
            clients.admit(ip("127.0.0.1")),
        ];
        assert!(a.iter().all(Option::is_some));
        assert!(clients.admit(ip("127.0.0.1")).is_none(), "per-client cap");
        let b = clients.admit(ip("127.0.0.2"));
        assert!(b.is_some(), "another client is still served");
        assert!(clients.admit(ip("127.0.0.3")).is_none(), "total cap");
        drop(a);
        assert!(clients.admit(ip("127.0.0.1")).is_some(), "places come back");
    }

    #[test]
    fn only_this_servers_names_with_its_port_are_allowed() {
        let hosts = Hosts::new(ip("127.0.0.1"), 1111, &["Preview.LAN".to_owned()]);
        for good in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
            "preview.lan:1111",
        ] {
            assert!(hosts.allows(Some(good.as_bytes()), true), "{good}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1.evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1:1112",
            "127.0.0.1",
            "localhost",
            "localhost:1111.evil.example",
            "10.0.0.1:1111",
            "",
        ] {
            assert!(!hosts.allows(Some(bad.as_bytes()), true), "{bad}");
        }
        assert!(!hosts.allows(Some(b"\xff:1111"), true));
        assert!(!hosts.allows(None, true), "HTTP/1.1 must name the host");
        assert!(hosts.allows(None, false), "HTTP/1.0 has no Host header");
        assert_eq!(hosts.suggested(), "127.0.0.1:1111");
    }

    #[test]
    fn a_bound_address_allows_itself_and_the_unspecified_one_allows_addresses_only() {
        let lan = Hosts::new(ip("192.168.1.5"), 80, &[]);
        assert!(
            lan.allows(Some(b"192.168.1.5"), true),
            "port 80 may be left out"
        );
        assert!(lan.allows(Some(b"192.168.1.5:80"), true));
        assert!(!lan.allows(Some(b"192.168.1.6:80"), true));
        assert_eq!(lan.suggested(), "192.168.1.5:80");
        let any = Hosts::new(ip("0.0.0.0"), 8080, &[]);
        for good in ["10.1.2.3:8080", "[fe80::1]:8080", "localhost:8080"] {
            assert!(any.allows(Some(good.as_bytes()), true), "{good}");
        }
        for bad in ["10.1.2.3:8081", "rebind.example:8080", "10.1.2.3"] {
            assert!(!any.allows(Some(bad.as_bytes()), true), "{bad}");
        }
        let v6 = Hosts::new(ip("::1"), 9000, &[]);
        assert!(v6.allows(Some(b"[::1]:9000"), true));
    }
}
