//! `serve` against a hostile neighbour (issue 15): a request dripped a byte at a time is cut at
//! a fixed deadline, one client cannot take every connection, and a request naming a host other
//! than this server (DNS rebinding) gets 403. The hidden `--deadline-ms`, `--max-per-client`
//! and `--max-connections` options make the limits small enough to reach in a second.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::{Server, exchange, read_until_closed, within_20_s};

/// Sends `GET /` on `stream` and returns all that comes back before the connection ends (a
/// refusal over the caps is written before the request is read, which may fail to send).
fn answer_to_get(mut stream: TcpStream, server: &Server) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let request = format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr);
    let _ = stream.write_all(request.as_bytes());
    read_until_closed(&mut stream)
}

/// Drips a request head that never ends, one byte every 100 ms, and returns how long after the
/// connection the server ended it; `None` when it was still open after 5 s.
fn drip(mut stream: TcpStream) -> Option<Duration> {
    let start = Instant::now();
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .expect("timeout");
    let head = b"GET / HTTP/1.1\r\nX-Slow: "
        .iter()
        .chain(std::iter::repeat(&b'a'));
    let mut buf = [0; 512];
    for byte in head {
        if start.elapsed() > Duration::from_secs(5) {
            return None;
        }
        if stream.write_all(&[*byte]).is_err() {
            return Some(start.elapsed());
        }
        match stream.read(&mut buf) {
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            // Closed, reset, or answered (408) and then closed.
            _ => return Some(start.elapsed()),
        }
    }
    None
}

#[test]
fn requests_dripped_a_byte_at_a_time_are_cut_at_the_deadline_while_others_are_served() {
    let server = Server::start_with(&["--deadline-ms", "1000", "--max-per-client", "4"]);
    let slow: Vec<_> = (0..4)
        .map(|_| {
            let stream = server.connect_from([127, 0, 0, 2]);
            std::thread::spawn(move || drip(stream))
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let busy = answer_to_get(server.connect_from([127, 0, 0, 2]), &server);
    assert!(
        busy.starts_with("HTTP/1.1 503") && busy.contains("连接过多"),
        "the slow client holds its four places: {busy:?}"
    );
    assert_eq!(server.get("/index.html").0, 200, "another client is served");
    assert!(
        slow.iter().all(|thread| !thread.is_finished()),
        "while the slow requests are still open"
    );

    for thread in slow {
        let cut = thread.join().expect("drip thread");
        let cut = cut.unwrap_or_else(|| panic!("a dripping request still open after 5 s"));
        assert!(
            Duration::from_millis(900) <= cut && cut < Duration::from_millis(2500),
            "cut at the 1 s deadline, not restarted by each byte: {cut:?}"
        );
    }
    let back = answer_to_get(server.connect_from([127, 0, 0, 2]), &server);
    assert!(
        back.starts_with("HTTP/1.1 200"),
        "places come back: {back:?}"
    );
}

#[test]
fn a_client_at_its_cap_gets_503_and_leaves_room_for_others_until_all_places_are_taken() {
    let server = Server::start_with(&["--max-per-client", "3", "--max-connections", "5"]);
    let held: Vec<_> = (0..3).map(|_| server.connect()).collect();
    let refused = answer_to_get(server.connect(), &server);
    assert!(
        refused.starts_with("HTTP/1.1 503") && refused.contains("连接过多，请稍后再试"),
        "a fourth connection from 127.0.0.1: {refused:?}"
    );
    let other = answer_to_get(server.connect_from([127, 0, 0, 2]), &server);
    assert!(
        other.starts_with("HTTP/1.1 200"),
        "127.0.0.2 is served: {other:?}"
    );

    let more: Vec<_> = (0..2)
        .map(|_| server.connect_from([127, 0, 0, 2]))
        .collect();
    let full = answer_to_get(server.connect_from([127, 0, 0, 3]), &server);
    assert!(full.starts_with("HTTP/1.1 503"), "five in all: {full:?}");

    drop(held);
    let again = within_20_s(
        || {
            let answer = answer_to_get(server.connect(), &server);
            answer.starts_with("HTTP/1.1 200").then_some(answer)
        },
        || "closed connections give their places back".to_owned(),
    );
    assert!(again.contains("</html>"), "{again:?}");
    drop(more);
}

#[test]
fn a_request_naming_another_host_gets_403_and_this_servers_names_are_answered() {
    let server = Server::start_with(&["--allow-host", "Preview.LAN"]);
    let port = server.port();
    let wrong_port = port
        .parse::<u16>()
        .map(|p| p.wrapping_add(1))
        .expect("port");
    let ask = |head: &str| {
        let request = format!("{head}\r\n\r\n");
        exchange(server.connect(), request.as_bytes())
    };
    for host in [
        "evil.example".to_owned(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1:{wrong_port}"),
        format!("localhost:{wrong_port}"),
        "127.0.0.1".to_owned(),
        format!("preview.lan.evil.example:{port}"),
    ] {
        let (status, _, body) = ask(&format!("GET /index.html HTTP/1.1\r\nHost: {host}"));
        assert_eq!(status, 403, "{host}");
        assert!(body.contains("拒绝访问"), "{host}: {body}");
        assert!(!body.contains("青菱"), "{host}: no page: {body}");
    }
    let (status, _, _) = ask("GET /index.html HTTP/1.1");
    assert_eq!(status, 403, "HTTP/1.1 without Host");
    let two = format!("GET /index.html HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example");
    assert_eq!(ask(&two).0, 403, "two Host headers");

    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
        format!("preview.lan:{port}"),
    ] {
        let (status, _, body) = ask(&format!("GET /index.html HTTP/1.1\r\nHost: {host}"));
        assert_eq!(status, 200, "{host}");
        assert!(body.contains("青菱"), "{host}: the page");
    }
    let (status, _, body) = ask("GET /index.html HTTP/1.0");
    assert_eq!(
        (status, body.contains("青菱")),
        (200, true),
        "HTTP/1.0 has no Host"
    );

    // The rest of HTTP as before: HEAD without a body, GET and HEAD only, a bounded head, no
    // absolute form.
    let host = format!("Host: localhost:{port}");
    let (status, head, body) = ask(&format!("HEAD /index.html HTTP/1.1\r\n{host}"));
    assert_eq!((status, body.as_str()), (200, ""), "{head}");
    let head = head.to_ascii_lowercase();
    assert!(
        head.contains("content-length: ") && head.contains("connection: close"),
        "{head}"
    );
    assert!(head.contains("cache-control: no-store"), "{head}");
    let (status, head, _) = ask(&format!("POST /index.html HTTP/1.1\r\n{host}"));
    assert_eq!(status, 405);
    assert!(
        head.to_ascii_lowercase().contains("allow: get, head"),
        "{head}"
    );
    let long = "a".repeat(20 * 1024);
    let (status, _, _) = ask(&format!("GET / HTTP/1.1\r\n{host}\r\nX-Long: {long}"));
    assert_eq!(status, 431, "a head over 16 KiB");
    let (status, _, _) = ask(&format!("GET http://localhost:{port}/ HTTP/1.1\r\n{host}"));
    assert_eq!(status, 400, "absolute form");
    let (status, head, _) = ask(&format!("GET /units HTTP/1.1\r\n{host}"));
    assert_eq!(status, 301, "{head}");
    assert!(head.contains("/units/"), "{head}");
}
