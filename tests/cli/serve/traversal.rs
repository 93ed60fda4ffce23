//! The paths an attacker tried against `serve` (issue 15), kept as a table: `..` in every
//! spelling, percent and double encoding, backslashes, NUL, overlong UTF-8, absolute-form and
//! other non-path targets, and links out of the output folder. Each is sent byte for byte and
//! must get 404 or 400 without a byte of the files it aims at.

use super::{Server, exchange};

/// Request targets, as sent on the request line.
const TARGETS: &[&[u8]] = &[
    // `..` as written.
    b"/../Cargo.toml",
    b"/../../Cargo.toml",
    b"/../../../../../../../../etc/passwd",
    b"/units/../../Cargo.toml",
    b"/units/qingling/../../../Cargo.toml",
    b"/units/qingling/2023/../../../../Cargo.toml",
    b"/index.html/../../Cargo.toml",
    b"/./../Cargo.toml",
    b"/.../Cargo.toml",
    b"/..",
    b"/../",
    b"/units/..",
    b"/..;/Cargo.toml",
    b"/;/../Cargo.toml",
    // Percent-encoded dots and slashes.
    b"/%2e%2e/Cargo.toml",
    b"/%2E%2E/Cargo.toml",
    b"/%2e./Cargo.toml",
    b"/.%2e/Cargo.toml",
    b"/%2e%2e%2fCargo.toml",
    b"/%2E%2E%2FCargo.toml",
    b"/..%2fCargo.toml",
    b"/..%2FCargo.toml",
    b"/units/..%2f..%2fCargo.toml",
    b"/units/..%2f..%2f..%2fetc/passwd",
    b"/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    b"/%2fetc/passwd",
    b"/%2F..%2FCargo.toml",
    b"/.%00./Cargo.toml",
    // Backslashes, raw and encoded.
    b"/..\\Cargo.toml",
    b"/..\\..\\Cargo.toml",
    b"/units\\..\\..\\Cargo.toml",
    b"/..%5cCargo.toml",
    b"/..%5CCargo.toml",
    b"/%5c..%5cCargo.toml",
    b"/%2e%2e%5cCargo.toml",
    // Double and malformed encoding.
    b"/%252e%252e/Cargo.toml",
    b"/%252e%252e%252fCargo.toml",
    b"/..%252fCargo.toml",
    b"/..%255cCargo.toml",
    b"/%25%32%65%25%32%65/Cargo.toml",
    b"/%%32%65%%32%65/Cargo.toml",
    b"/%u002e%u002e/Cargo.toml",
    b"/..%u2215Cargo.toml",
    b"/%zz/Cargo.toml",
    b"/%2",
    // NUL, encoded and raw.
    b"/index.html%00",
    b"/%00",
    b"/../Cargo.toml%00.html",
    b"/index.html%00/../../Cargo.toml",
    b"/index.html\0",
    b"/\0../Cargo.toml",
    // Overlong and other look-alike UTF-8.
    b"/%c0%ae%c0%ae/Cargo.toml",
    b"/%c0%ae%c0%ae%c0%afCargo.toml",
    b"/..%c0%afCargo.toml",
    b"/..%c1%9cCargo.toml",
    b"/%e0%80%ae%e0%80%ae/Cargo.toml",
    b"/%f0%80%80%ae%f0%80%80%ae/Cargo.toml",
    b"/%c0%2e%c0%2e/Cargo.toml",
    b"/..%e0%80%afCargo.toml",
    b"/..%ef%bc%8fCargo.toml",
    b"/%c0%ae/index.html",
    b"/\xc0\xae\xc0\xae/Cargo.toml",
    // Absolute-form and other targets that are not a path.
    b"http://127.0.0.1/../Cargo.toml",
    b"http://localhost/%2e%2e/Cargo.toml",
    b"http://evil.example/index.html",
    b"file:///etc/passwd",
    b"*",
    b"Cargo.toml",
    b"../Cargo.toml",
    b"//etc/passwd",
    b"//../Cargo.toml",
    b"///etc/passwd",
    b"/C:/Windows/win.ini",
    b"/C:%5cWindows%5cwin.ini",
    // Links out of the output folder, and hidden files inside it.
    b"/leak.toml",
    b"/up/Cargo.toml",
    b"/up/etc/passwd",
    b"/up/",
    b"/up",
    b"/%75p/Cargo.toml",
    b"/up%2fCargo.toml",
    b"/.gongkai-output",
    b"/%2egongkai-output",
    b"/units/./qingling/",
    b"/units//qingling/",
];

#[cfg(unix)]
#[test]
fn every_traversal_target_gets_404_or_400_and_nothing_from_outside_the_output() {
    assert!(TARGETS.len() >= 77, "the whole list: {}", TARGETS.len());
    let server = Server::start();
    let site = server.site.path();
    // Files the attempts would reach if they were followed.
    std::fs::write(site.join("Cargo.toml"), "[package] LEAKED-CARGO").expect("write");
    std::fs::create_dir_all(site.join("etc")).expect("mkdir");
    std::fs::write(site.join("etc/passwd"), "root:LEAKED-PASSWD").expect("write");
    std::os::unix::fs::symlink(site.join("Cargo.toml"), site.join("out/leak.toml")).expect("link");
    std::os::unix::fs::symlink(site, site.join("out/up")).expect("link");
    // The server answers a plain path, so a refusal below is the target's doing.
    assert_eq!(server.get("/units/qingling/").0, 200);

    for &target in TARGETS {
        let shown = String::from_utf8_lossy(target);
        let mut request = b"GET ".to_vec();
        request.extend_from_slice(target);
        request.extend_from_slice(format!(" HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr).as_bytes());
        let (status, head, body) = exchange(server.connect(), &request);
        assert!(
            status == 404 || status == 400,
            "{shown:?}: {status}\n{head}"
        );
        assert!(!body.contains("LEAKED"), "{shown:?} leaks: {body}");
    }
}
