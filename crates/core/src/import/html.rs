//! Reads a saved job page (HTML) into the text of its ad.
//!
//! A job board's page usually carries the ad as schema.org `JobPosting`
//! data in a `<script type="application/ld+json">` block: its title,
//! employer, date posted and description (itself HTML). When the page has
//! one, that is the ad; else the page's visible text is (scripts, styles,
//! the head, navigation and footers left out). Either way the HTML becomes
//! text the way a browser copy does: block elements and `<br>` start lines,
//! list items get `• ` or `1. `, paragraphs, headings and lists are followed
//! by a blank line, runs of white space collapse and entities are decoded.
//!
//! Parsing is `scraper`'s (html5ever, the browsers' parsing rules: implied
//! end tags, entities, raw text in scripts), so a page as saved, however
//! untidy, reads the way a browser shows it.

use ego_tree::NodeRef;
use scraper::{Html, Node};
use serde_json::Value;

/// What a page says about its ad.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The job title from the page's `JobPosting` data.
    pub title: Option<String>,
    /// The employer (`hiringOrganization.name`) from the `JobPosting` data.
    pub company: Option<String>,
    /// The date posted as the page gives it (`2026-11-20`, a date-time cut
    /// to its date).
    pub date: Option<String>,
    /// The ad's text: the title's line, then the description of the
    /// `JobPosting` data; else the page's visible text.
    pub text: String,
    /// Whether the ad came from `JobPosting` data (else from the visible text).
    pub structured: bool,
}

/// Whether `text` reads as an HTML page rather than an ad's plain text: it
/// opens (after white space and a BOM) with `<!doctype html`, `<html`,
/// `<head`, `<body` or an HTML comment.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<!--"]
        .iter()
        .any(|p| head.starts_with(p))
}

/// Reads the page `html`: its `JobPosting` data when it has some with a
/// description, else its visible text. Never fails; a page with no text
/// gives an empty [`Page::text`].
pub fn read_page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    if let Some(p) = job_posting(&doc) {
        let description = p
            .get("description")
            .and_then(Value::as_str)
            .map(description_text)
            .unwrap_or_default();
        if !description.trim().is_empty() {
            let title = string_of(p.get("title"));
            let text = match &title {
                Some(t) => format!("{t}\n\n{description}"),
                None => description,
            };
            return Page {
                title,
                company: organisation(p.get("hiringOrganization")),
                date: string_of(p.get("datePosted")).map(|d| date_of(&d)),
                text,
                structured: true,
            };
        }
    }
    Page {
        text: visible_text(doc.tree.root(), Skip::Page),
        ..Page::default()
    }
}

/// The text of an HTML fragment (a `JobPosting` description), as a browser
/// copy gives it.
pub fn fragment_text(html: &str) -> String {
    let frag = Html::parse_fragment(html);
    visible_text(frag.tree.root(), Skip::Fragment)
}

/// A description's text. Some pages escape its HTML twice (`&lt;p&gt;`):
/// then the first reading gives HTML again, which is read once more.
fn description_text(html: &str) -> String {
    let once = fragment_text(html);
    if !html.contains('<') && once.contains('<') && once.contains('>') {
        fragment_text(&once)
    } else {
        once
    }
}

/// The first `JobPosting` object of the page's JSON-LD blocks, searched
/// through arrays, `@graph` and nested objects.
fn job_posting(doc: &Html) -> Option<Value> {
    for node in doc.tree.root().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let is_ld = el.name() == "script"
            && el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let raw: String = node
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        // Raw line breaks inside strings are invalid JSON but common in
        // pages; outside strings they are white space either way.
        let raw = raw.replace(['\n', '\r', '\t'], " ");
        let Ok(v) = serde_json::from_str::<Value>(&raw) else {
            continue;
        };
        if let Some(found) = find_job_posting(&v, 0) {
            return Some(found.clone());
        }
    }
    None
}

/// `v` or the first object inside it whose `@type` is (or lists) `JobPosting`.
fn find_job_posting(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_job_posting(i, depth + 1)),
        Value::Object(map) => {
            let is_job = |t: &Value| t.as_str().is_some_and(|s| s == "JobPosting");
            let typed = match map.get("@type") {
                Some(Value::Array(ts)) => ts.iter().any(is_job),
                Some(t) => is_job(t),
                None => false,
            };
            if typed {
                return Some(v);
            }
            map.values().find_map(|i| find_job_posting(i, depth + 1))
        }
        _ => None,
    }
}

/// A JSON-LD string field as one clean, sanitised line (its HTML entities decoded);
/// `None` when absent or blank.
fn string_of(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let text = crate::text::sanitize(&fragment_text(&s));
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!line.is_empty()).then_some(line)
}

/// The employer's name: `hiringOrganization` as an object with `name`, a
/// list of such (the first), or a plain string.
fn organisation(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Array(items) => organisation(items.first()),
        Value::Object(map) => string_of(map.get("name")),
        s @ Value::String(_) => string_of(Some(s)),
        _ => None,
    }
}

/// A date-time (`2026-11-20T08:00:00Z`) cut to its date; anything else as given.
fn date_of(s: &str) -> String {
    let b = s.as_bytes();
    let is_date = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if is_date {
        s[..10].to_string()
    } else {
        s.to_string()
    }
}

/// Which elements hold no text of the ad.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    /// A whole page: also its head, navigation and footers.
    Page,
    /// A description: only what never shows.
    Fragment,
}

impl Skip {
    fn skips(self, name: &str) -> bool {
        let never_shown = matches!(
            name,
            "script"
                | "style"
                | "noscript"
                | "template"
                | "svg"
                | "iframe"
                | "object"
                | "canvas"
                | "select"
                | "button"
        );
        never_shown || (self == Skip::Page && matches!(name, "head" | "nav" | "footer"))
    }
}

/// Block elements: each starts and ends a line.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "form"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "section"
            | "summary"
            | "tr"
            | "caption"
    ) || is_spaced(name)
}

/// Blocks followed (and preceded) by a blank line: paragraphs, headings,
/// lists, tables, quotes.
fn is_spaced(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "table" | "pre"
    )
}

/// The text of the tree under `root`, as a browser copy gives it.
fn visible_text(root: NodeRef<'_, Node>, skip: Skip) -> String {
    let mut w = Writer::default();
    walk(root, skip, &mut w, &mut Vec::new());
    w.finish()
}

/// One list being written: ordered with its next number, or bulleted.
enum List {
    Bullets,
    Numbers(u32),
}

fn walk(node: NodeRef<'_, Node>, skip: Skip, w: &mut Writer, lists: &mut Vec<List>) {
    match node.value() {
        Node::Text(t) => w.text(t),
        Node::Element(el) => {
            let name = el.name();
            if skip.skips(name) || el.attr("hidden").is_some() {
                return;
            }
            match name {
                "br" => return w.hard_break(),
                "td" | "th" => w.space(),
                _ => {}
            }
            let gap = if is_spaced(name) && lists.is_empty() {
                2
            } else {
                1
            };
            if is_block(name) {
                w.want(gap);
            }
            match name {
                "ul" | "menu" => lists.push(List::Bullets),
                "ol" => {
                    let start = el.attr("start").and_then(|s| s.trim().parse().ok());
                    lists.push(List::Numbers(start.unwrap_or(1)));
                }
                "li" => w.marker(lists),
                _ => {}
            }
            if name == "pre" {
                w.pre += 1;
            }
            for child in node.children() {
                walk(child, skip, w, lists);
            }
            if name == "pre" {
                w.pre -= 1;
            }
            if matches!(name, "ul" | "menu" | "ol") {
                lists.pop();
            }
            if is_block(name) {
                w.want(gap);
            }
        }
        Node::Document | Node::Fragment => {
            for child in node.children() {
                walk(child, skip, w, lists);
            }
        }
        _ => {}
    }
}

/// Builds the text: white space collapsed, line breaks asked for by blocks
/// written only before the next word, never at the start or end.
#[derive(Default)]
struct Writer {
    out: String,
    /// Line breaks asked for before the next word (at most 2: a blank line).
    breaks: usize,
    /// A space is due before the next word on this line.
    space: bool,
    /// Inside `<pre>`: white space is kept.
    pre: usize,
}

impl Writer {
    fn want(&mut self, n: usize) {
        self.breaks = self.breaks.max(n);
    }

    fn space(&mut self) {
        self.space = true;
    }

    fn hard_break(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.space = false;
    }

    /// Writes what is due before a word: the breaks, else a space.
    fn lead(&mut self) {
        if self.breaks > 0 && !self.out.is_empty() {
            let have = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in have..self.breaks {
                self.out.push('\n');
            }
        } else if self.space && !self.out.is_empty() && !self.out.ends_with(['\n', ' ']) {
            self.out.push(' ');
        }
        self.breaks = 0;
        self.space = false;
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            for (i, line) in t.split('\n').enumerate() {
                if i > 0 {
                    self.hard_break();
                }
                if !line.trim().is_empty() {
                    self.lead();
                    self.out.push_str(line.trim_end());
                }
            }
            return;
        }
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.lead();
            self.out.push_str(word);
        }
    }

    /// A list item's mark: `• ` in a bulleted list, `N. ` in an ordered
    /// one, indented two spaces per enclosing list.
    fn marker(&mut self, lists: &mut [List]) {
        let depth = lists.len().saturating_sub(1);
        let mark = match lists.last_mut() {
            Some(List::Numbers(n)) => {
                let m = format!("{n}. ");
                *n += 1;
                m
            }
            _ => "• ".to_string(),
        };
        self.lead();
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.out.push_str(&"  ".repeat(depth));
        self.out.push_str(&mark);
    }

    fn finish(self) -> String {
        let lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        let mut out = String::new();
        let mut blank = 0;
        for line in lines {
            if line.is_empty() {
                blank += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank > 0 { "\n\n" } else { "\n" });
            }
            blank = 0;
            out.push_str(line);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_reads_like_a_browser_copy() {
        let html = "<p>We build <b>agents</b>&nbsp;&amp; tools.</p><h3>Requirements</h3>\
            <ul><li>3+ years of Python</li><li>RAG<br>and evals</li></ul>\
            <ol start=\"2\"><li>Docker</li><li>Kubernetes</li></ol><p>Apply&#33;</p>";
        assert_eq!(
            fragment_text(html),
            "We build agents & tools.\n\nRequirements\n\n• 3+ years of Python\n• RAG\nand evals\n\n\
             2. Docker\n3. Kubernetes\n\nApply!"
        );
    }

    #[test]
    fn nested_lists_indent_and_unclosed_items_close() {
        let html = "<ul><li>Languages<ul><li>Python<li>Go</ul><li>SQL</ul>";
        assert_eq!(
            fragment_text(html),
            "• Languages\n  • Python\n  • Go\n• SQL"
        );
    }

    #[test]
    fn visible_text_skips_head_scripts_nav_and_footer() {
        let page = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>\
            <body><nav>Home Jobs</nav><h1>ML Engineer</h1><script>var x=1;</script>\
            <div>Must know   PyTorch</div><footer>© Board</footer></body></html>";
        let p = read_page(page);
        assert!(!p.structured);
        assert_eq!(p.text, "ML Engineer\n\nMust know PyTorch");
    }

    #[test]
    fn job_posting_in_a_graph_with_a_double_escaped_description() {
        let page = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
             {"@type":["JobPosting"],"title":"AI Engineer &amp; Builder",
              "hiringOrganization":[{"@type":"Organization","name":"Acme Labs"}],
              "datePosted":"2026-11-20T08:00:00Z",
              "description":"&lt;p&gt;Build things.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;/ul&gt;"}]}
            </script></head><body><p>Other text</p></body></html>"#;
        let p = read_page(page);
        assert!(p.structured);
        assert_eq!(p.title.as_deref(), Some("AI Engineer & Builder"));
        assert_eq!(p.company.as_deref(), Some("Acme Labs"));
        assert_eq!(p.date.as_deref(), Some("2026-11-20"));
        assert_eq!(p.text, "AI Engineer & Builder\n\nBuild things.\n\n• Python");
    }

    #[test]
    fn broken_json_ld_falls_back_to_the_visible_text() {
        let page = "<html><script type='application/ld+json'>{not json</script>\
            <body><p>Plain ad</p></body></html>";
        let p = read_page(page);
        assert!(!p.structured);
        assert_eq!(p.text, "Plain ad");
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html("\u{FEFF}  <!DOCTYPE html><p>"));
        assert!(looks_like_html("<HTML lang=en>"));
        assert!(!looks_like_html("AI Engineer\n<3 years>"));
    }
}
