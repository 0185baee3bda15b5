//! The progress bar of a batch import shows on a terminal (issue 19,
//! point 3): the real binary in a pseudo-terminal reads a slow link from a
//! server on 127.0.0.1 started here, so the bar is on screen while it
//! waits; it is cleared before the summary. (`tests/import_pages.rs` shows
//! that a pipe gets no bar.)

use crate::harness as pty;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

/// Answers `/slow` after 3 s, anything else at once with a short ad.
fn serve() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut buf = [0; 2048];
                let n = stream.read(&mut buf).unwrap_or(0);
                let req = String::from_utf8_lossy(&buf[..n]).into_owned();
                if req.starts_with("GET /slow ") {
                    std::thread::sleep(Duration::from_secs(3));
                }
                let body = "Search Engineer\n\nRequirements\n- Elasticsearch\n";
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            });
        }
    });
    port
}

#[test]
fn a_batch_on_a_terminal_shows_a_progress_bar_then_the_summary() {
    let port = serve();
    let slow = format!("http://127.0.0.1:{port}/slow");
    let fast = format!("http://127.0.0.1:{port}/fast");
    let home = tempfile::tempdir().unwrap();
    let env = [
        ("NO_PROXY", "127.0.0.1"),
        ("no_proxy", "127.0.0.1"),
        ("HOME", home.path().to_str().unwrap()),
    ];
    let data = home.path().join("data");
    let data = data.to_str().unwrap();
    let env = [env.as_slice(), &[("XDG_DATA_HOME", data)]].concat();
    let mut app = pty::App::spawn_env(
        100,
        20,
        pty::BIN,
        &["postings", "import", &fast, &slow, "--dry-run"],
        &env,
    );
    // While the slow link is read: one of two done, the slow one named.
    // (Both serve the same ad, so the second is a duplicate of the first.)
    // The bar may draw "1/2" a moment before it names the next link, so
    // wait for both at once (waiting on "1/2" alone flaked under load).
    app.wait_until("1/2 with /slow named", |s| {
        let text = s.contents();
        text.contains("1/2") && text.contains("/slow")
    });
    let (status, screen) = app.wait_exit();
    assert!(status.success(), "{}", pty::dump(&screen));
    let text = screen.contents();
    assert!(
        text.contains("would import 1, skip 1 as duplicates, failed 0"),
        "{text}"
    );
    assert!(!text.contains("1/2"), "the bar is cleared: {text}");
}
