//! `postings import` of saved pages, links and many ads at once (issue 19,
//! point 3): schema.org `JobPosting` data or the page's visible text, a
//! link read from a server on 127.0.0.1 started here (redirects, size cap,
//! time limit, errors), and folders with duplicates and broken files. HOME
//! and XDG_* point at temp folders; nothing leaves this machine.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

/// A home of its own: HOME and the XDG folders inside one temp dir.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("career-explorer").unwrap();
        let d = self.dir.path();
        c.env("HOME", d)
            .env("XDG_DATA_HOME", d.join("data"))
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env("XDG_CACHE_HOME", d.join("cache"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        // The local server is reached directly, never through a proxy.
        for v in [
            "http_proxy",
            "HTTP_PROXY",
            "https_proxy",
            "HTTPS_PROXY",
            "all_proxy",
            "ALL_PROXY",
        ] {
            c.env_remove(v);
        }
        c
    }

    fn postings(&self) -> PathBuf {
        self.dir.path().join("data/career-explorer/postings")
    }

    /// A folder of ads inside the home.
    fn ads(&self, files: &[(&str, &[u8])]) -> PathBuf {
        let dir = self.dir.path().join("ads");
        std::fs::create_dir_all(&dir).unwrap();
        for (name, body) in files {
            std::fs::write(dir.join(name), body).unwrap();
        }
        dir
    }

    fn saved(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.postings())
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

fn out(c: &mut Command) -> (Option<i32>, String, String) {
    let o = c.output().unwrap();
    (
        o.status.code(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn import(home: &Home, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["postings", "import"];
    all.extend_from_slice(args);
    out(home.cmd().args(all))
}

/// A job page with its ad as schema.org data, written for this test; the
/// page around it (navigation, other jobs) must not reach the posting.
const JSON_LD_PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Jobs at Quillworks</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "JobPosting",
 "title": "Applied AI Engineer",
 "hiringOrganization": {"@type": "Organization", "name": "Quillworks"},
 "datePosted": "2026-11-20T09:30:00+08:00",
 "description": "<p>Quillworks makes writing tools for lawyers.</p><p><strong>What you'll do</strong></p><ul><li>Build retrieval-augmented generation over case files</li><li>Design evaluation suites for our assistants</li></ul><p><strong>What you bring</strong></p><ul><li>4+ years of Python in production</li><li>Experience with vector databases such as pgvector</li><li>Docker &amp; Kubernetes</li></ul>"}
</script></head>
<body><nav>Home · Careers · Sign in</nav>
<main><h1>Applied AI Engineer</h1><p>Other openings: Office Manager</p></main>
<footer>© Quillworks</footer></body></html>"#;

/// A page with no schema.org data: the ad is its visible text.
const PLAIN_PAGE: &str = "<!DOCTYPE html><html><head><title>Tab title</title>\
<style>body{font:serif}</style></head><body>\
<nav><a href='/'>Board home</a> <a href='/jobs'>All jobs</a></nav>\
<h1>LLM Platform Engineer</h1>\
<h2>Requirements</h2><ul><li>3+ years of Go or Python<li>Hands-on LangChain experience<li>Prompt engineering for production systems</ul>\
<script>trackVisit('Kubernetes');</script>\
<footer>Cookie settings · Terms</footer></body></html>";

#[test]
fn a_saved_page_with_job_posting_data_gives_its_title_company_date_and_items() {
    let home = Home::new();
    let dir = home.ads(&[("quill.html", JSON_LD_PAGE.as_bytes())]);
    let page = dir.join("quill.html");
    let (code, text, err) = import(&home, &[page.to_str().unwrap(), "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&text).unwrap();
    let p = &v["posting"];
    assert_eq!(p["title"], "Applied AI Engineer");
    assert_eq!(p["company"], "Quillworks");
    assert_eq!(p["date"], "2026-11-20");
    assert!(
        p["source"].as_str().unwrap().ends_with("quill.html"),
        "{text}"
    );
    let reqs: Vec<&str> = p["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        reqs,
        [
            "4+ years of Python in production",
            "Experience with vector databases such as pgvector",
            "Docker & Kubernetes"
        ],
        "{text}"
    );
    assert_eq!(p["requirements"][0]["min_years"], 4);
    assert_eq!(p["responsibilities"].as_array().unwrap().len(), 2, "{text}");
    assert!(!text.contains("Office Manager") && !text.contains("Sign in"));
    // The saved posting loads beside the bundled ones.
    let (code, list, err) = out(home.cmd().args(["postings", "--json"]));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        list.contains("\"quillworks_applied_ai_engineer\""),
        "{list}"
    );
    // The user's --title and --company win over the page's.
    let (code, text, err) = import(
        &home,
        &[
            page.to_str().unwrap(),
            "--dry-run",
            "--json",
            "--title",
            "Staff AI Engineer",
            "--company",
            "QW",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["posting"]["title"], "Staff AI Engineer");
    assert_eq!(v["posting"]["company"], "QW");
}

#[test]
fn a_page_without_job_posting_data_is_read_from_its_visible_text() {
    let home = Home::new();
    let dir = home.ads(&[("plain.htm", PLAIN_PAGE.as_bytes())]);
    let (code, text, err) = import(
        &home,
        &[dir.join("plain.htm").to_str().unwrap(), "--dry-run"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("Title: LLM Platform Engineer"), "{err}");
    assert!(err.contains("3 requirements"), "{err}");
    assert!(text.contains("Hands-on LangChain experience"), "{text}");
    for hidden in ["Board home", "Cookie", "trackVisit", "Tab title", "font"] {
        assert!(!text.contains(hidden) && !err.contains(hidden), "{hidden}");
    }
    assert!(home.saved().is_empty(), "a dry run saves nothing");
}

#[test]
fn a_folder_imports_each_ad_skips_duplicates_and_reports_failures() {
    let home = Home::new();
    let text_ad = "Data Engineer\n\nRequirements\n- 2+ years of SQL\n- Airflow\n";
    let dir = home.ads(&[
        ("a_quill.html", JSON_LD_PAGE.as_bytes()),
        ("b_copy.html", JSON_LD_PAGE.as_bytes()),
        (
            "c_broken.html",
            b"<html><body>\xff\xfe not text</body></html>",
        ),
        ("d_data.txt", text_ad.as_bytes()),
        ("e_notes.pdf", b"%PDF-1.4"),
        (".hidden.txt", b"Hidden\n"),
    ]);
    std::fs::create_dir(dir.join("sub.md")).unwrap();
    let (code, text, err) = import(&home, &[dir.to_str().unwrap()]);
    assert_eq!(code, Some(1), "a failed input gives status 1: {text}{err}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("imported  ") && lines[0].contains("a_quill.html"));
    assert!(
        lines[1].contains("b_copy.html")
            && lines[1].contains("skipped")
            && lines[1].contains("quillworks_applied_ai_engineer"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("failed  ") && lines[2].contains("not UTF-8"),
        "{text}"
    );
    assert!(lines[3].contains("d_data.txt"), "{text}");
    assert_eq!(
        lines[4], "imported 2, skipped 1 as duplicates, failed 1",
        "{text}"
    );
    assert!(err.contains("1 of 4 input(s) failed"), "{err}");
    assert_eq!(
        home.saved(),
        ["data_engineer.yaml", "quillworks_applied_ai_engineer.yaml"]
    );
    // Again: every ad is already yours, so all are skipped, nothing fails.
    std::fs::remove_file(dir.join("c_broken.html")).unwrap();
    let (code, text, err) = import(&home, &[dir.to_str().unwrap(), "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&text).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows.iter().all(|r| r["outcome"] == "duplicate"), "{text}");
    assert_eq!(rows[2]["duplicate_of"], "data_engineer");
    assert_eq!(home.saved().len(), 2);
}

#[test]
fn several_files_in_chinese_with_a_dry_run_and_json() {
    let home = Home::new();
    let dir = home.ads(&[
        (
            "one.txt",
            "机器学习工程师\n\n任职要求\n1. 熟悉Python\n".as_bytes(),
        ),
        ("two.md", b"# Prompt Engineer\n\n## Requirements\n- RAG\n"),
    ]);
    let (one, two) = (dir.join("one.txt"), dir.join("two.md"));
    let missing = dir.join("missing.txt");
    let (code, text, err) = out(home.cmd().args([
        "--lang",
        "zh",
        "postings",
        "import",
        one.to_str().unwrap(),
        two.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--dry-run",
    ]));
    assert_eq!(code, Some(1), "{err}");
    assert!(text.contains("将导入  "), "{text}");
    assert!(text.contains("失败  "), "{text}");
    assert!(
        text.ends_with("将导入 2 个，跳过重复 0 个，失败 1 个（试运行：未保存）\n"),
        "{text}"
    );
    assert!(home.saved().is_empty());
    let (code, text, err) = import(
        &home,
        &[one.to_str().unwrap(), two.to_str().unwrap(), "--json"],
    );
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v[0]["outcome"], "imported");
    assert_eq!(v[1]["posting"]["title"], "Prompt Engineer");
    assert!(v[1]["saved"].as_str().unwrap().ends_with(".yaml"));
    // --id names one posting: refused for several, nothing imported.
    let (code, _, err) = import(
        &home,
        &[one.to_str().unwrap(), two.to_str().unwrap(), "--id", "x"],
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("--id and --title name one posting"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_fifo_fails_with_its_reason_and_never_hangs() {
    let home = Home::new();
    let dir = home.ads(&[("real.txt", b"QA Engineer\n\nRequirements\n- Python\n")]);
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let started = Instant::now();
    let (code, text, err) = import(&home, &[dir.to_str().unwrap()]);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        text.contains("pipe.txt: not a regular file (a FIFO)"),
        "{text}"
    );
    assert!(text.contains("imported 1, skipped 0 as duplicates, failed 1"));
    // On its own it is bad input (status 2), as any unreadable ad.
    let (code, _, err) = import(&home, &[fifo.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn a_batch_into_a_pipe_draws_no_progress_bar() {
    let home = Home::new();
    let dir = home.ads(&[
        ("a.html", JSON_LD_PAGE.as_bytes()),
        ("b.html", PLAIN_PAGE.as_bytes()),
    ]);
    let (code, _, err) = import(&home, &[dir.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err, "", "stderr is a pipe: no bar, no escape codes");
}

/// What the test server answers for `path`, or `None` to send nothing
/// back for a while (the slow answer).
fn answer(path: &str, port: u16) -> Option<Vec<u8>> {
    let reply = |status: &str, headers: &str, body: &[u8]| {
        let mut r = format!(
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r
    };
    let html = "Content-Type: text/html; charset=utf-8\r\n";
    let to = |p: &str| format!("Location: http://127.0.0.1:{port}{p}\r\n");
    Some(match path {
        "/job" => reply("200 OK", html, JSON_LD_PAGE.as_bytes()),
        "/go" => reply("302 Found", &to("/go2"), b""),
        "/go2" => reply("301 Moved Permanently", &to("/job"), b""),
        "/plain" => reply(
            "200 OK",
            "Content-Type: text/plain\r\n",
            b"Search Engineer\n\nRequirements\n- Elasticsearch\n",
        ),
        "/big" => reply("200 OK", html, &vec![b'a'; 6 << 20]),
        "/report.pdf" => reply("200 OK", "Content-Type: application/pdf\r\n", b"%PDF"),
        "/slow" => return None,
        p if p.starts_with("/loop/") => {
            let n: u32 = p[6..].parse().unwrap_or(0);
            reply("302 Found", &to(&format!("/loop/{}", n + 1)), b"")
        }
        _ => reply("404 Not Found", html, b"<p>no such page</p>"),
    })
}

/// A server on 127.0.0.1 (a free port) for this test only; it records the
/// User-Agent of each request. Its threads end with the test process.
fn serve() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let agents = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&agents);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let seen = Arc::clone(&seen);
            std::thread::spawn(move || handle(stream, port, &seen));
        }
    });
    (port, agents)
}

fn handle(mut stream: TcpStream, port: u16, seen: &Mutex<Vec<String>>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut req = Vec::new();
    let mut buf = [0; 1024];
    while !req.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => req.extend_from_slice(&buf[..n]),
        }
    }
    let req = String::from_utf8_lossy(&req).into_owned();
    let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
    if let Some(ua) = req.lines().find_map(|l| {
        l.strip_prefix("user-agent: ")
            .or(l.strip_prefix("User-Agent: "))
    }) {
        seen.lock().unwrap().push(ua.to_string());
    }
    match answer(&path, port) {
        Some(bytes) => {
            // The client may hang up early (the size cap): that is fine.
            let _ = stream.write_all(&bytes);
        }
        None => std::thread::sleep(Duration::from_secs(6)),
    }
}

#[test]
fn a_link_is_read_through_redirects_and_every_failure_is_named() {
    let home = Home::new();
    let (port, agents) = serve();
    let url = |p: &str| format!("http://127.0.0.1:{port}{p}");
    // Two redirects, then the page with its schema.org data.
    let (code, text, err) = import(&home, &[&url("/go"), "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["posting"]["title"], "Applied AI Engineer");
    assert_eq!(v["posting"]["urls"][0], url("/job"));
    assert_eq!(
        v["posting"]["source"],
        format!("Imported from {}", url("/go"))
    );
    assert!(
        agents
            .lock()
            .unwrap()
            .iter()
            .all(|a| a.starts_with("career-explorer/")),
        "{agents:?}"
    );
    // A plain-text answer is an ad's text.
    let (code, text, err) = import(&home, &[&url("/plain"), "--dry-run"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("Elasticsearch"), "{text}");

    // Each failure in a batch, with its reason; the rest still imports.
    let started = Instant::now();
    let (code, text, err) = import(
        &home,
        &[
            &url("/loop/0"),
            &url("/big"),
            &url("/slow"),
            &url("/missing"),
            &url("/report.pdf"),
            "ftp://127.0.0.1/ad.txt",
            &url("/plain"),
            "--timeout",
            "1",
        ],
    );
    let took = started.elapsed();
    assert_eq!(code, Some(1), "{err}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("more than 5 redirects"), "{text}");
    assert!(lines[1].contains("over 5 MiB"), "{text}");
    assert!(lines[2].contains("no answer within 1 s"), "{text}");
    assert!(lines[3].contains("the server answered 404"), "{text}");
    assert!(
        lines[4].contains("application/pdf, not a web page"),
        "{text}"
    );
    assert!(
        lines[5].starts_with("failed  ftp://") && lines[5].contains("only http:// and https://"),
        "{text}"
    );
    assert!(lines[6].starts_with("imported  "), "{text}");
    assert_eq!(lines[7], "imported 1, skipped 0 as duplicates, failed 6");
    assert!(
        took < Duration::from_secs(5),
        "the 1 s limit held: {took:?}"
    );

    // A single link that fails is bad input, nothing saved.
    let before = home.saved();
    let (code, _, err) = import(&home, &[&url("/missing")]);
    assert_eq!(code, Some(2));
    assert!(err.contains("the server answered 404"), "{err}");
    assert_eq!(home.saved(), before);
}

#[test]
fn names_and_page_text_are_sanitised_before_the_terminal() {
    let home = Home::new();
    let dir = home.ads(&[("evil\x1b[31m.txt", b"not an ad \x1b]0;x\x07\n")]);
    let (code, text, err) = import(&home, &[dir.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!text.contains('\x1b') && !err.contains('\x1b'), "{text:?}");
    assert!(text.contains("evil\u{FFFD}[31m.txt"), "{text:?}");
}
