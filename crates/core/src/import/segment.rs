//! Job-ad segmentation: turns a pasted job ad (English or Chinese, any
//! layout) into responsibilities and requirements, with the lines left out
//! and why.
//!
//! Nothing here knows a fixed list of headings. The text is first cut into
//! *pieces* by its shape: input lines, then run-on lines cut at inline
//! bullets (`… • …`), bracketed headings (`【…】`), numbered items in
//! sequence (`1、…；2、…`, `一、…二、…`) and headings inside a line
//! (`…工作职责：1、…`, `Must have1.`, `Core Responsibilities Build…`).
//! Each piece is then a heading (by shape: Markdown, bold, a short line
//! ending in a colon, a short title-case or all-caps line, a short Chinese
//! line with a heading word) or an item. Headings are classed by their
//! wording (see [`classify_heading`]); items take the class of the section
//! they sit in, or, in a section whose heading says nothing (or before any
//! heading), are classed by their own wording.
//!
//! Depends on `std` only.

#![allow(clippy::must_use_candidate)]

use std::collections::HashSet;

// ============================================================== public types

/// Which list an item goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A duty: what the job does.
    Responsibility,
    /// A qualification: what the candidate brings (preferred or not).
    Requirement,
}

impl ItemKind {
    /// Short stable `snake_case` code, for JSON.
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Responsibility => "responsibility",
            ItemKind::Requirement => "requirement",
        }
    }
}

/// What a section that holds no items is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherKind {
    /// About the company, the team, the role in general; culture, "why us".
    About,
    /// Benefits, perks, what the employer offers.
    Benefits,
    /// Salary, pay range, compensation.
    Salary,
    /// Equal-opportunity, diversity and accommodation text.
    Eeo,
    /// Where the job is.
    Location,
    /// Job details, hours, schedule, logistics.
    Logistics,
    /// How to apply, links, closing calls to action.
    Apply,
    /// "What you don't need": explicitly not a requirement.
    NotRequired,
    /// A section whose heading we could not class (a question, say).
    Unknown,
}

impl OtherKind {
    /// Short stable `snake_case` code, for JSON.
    pub fn code(self) -> &'static str {
        match self {
            OtherKind::About => "about",
            OtherKind::Benefits => "benefits",
            OtherKind::Salary => "salary",
            OtherKind::Eeo => "eeo",
            OtherKind::Location => "location",
            OtherKind::Logistics => "logistics",
            OtherKind::Apply => "apply",
            OtherKind::NotRequired => "not_required",
            OtherKind::Unknown => "unknown_section",
        }
    }
}

/// The class of a section, as its heading's wording gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Duties ("What you'll do", 工作职责).
    Responsibilities,
    /// Qualifications ("What you'll bring", 任职要求).
    Requirements,
    /// Nice to have ("Bonus points", 加分项).
    Preferred,
    /// A heading that does not say ("Job Description", "The Role", or no
    /// heading yet): each item is classed by its own wording.
    General,
    /// A section that holds no items.
    Other(OtherKind),
}

impl SectionKind {
    /// Short stable `snake_case` code, for JSON.
    pub fn code(self) -> &'static str {
        match self {
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::Requirements => "requirements",
            SectionKind::Preferred => "preferred",
            SectionKind::General => "general",
            SectionKind::Other(k) => k.code(),
        }
    }

    fn holds_items(self) -> bool {
        matches!(
            self,
            SectionKind::Responsibilities | SectionKind::Requirements | SectionKind::Preferred
        )
    }
}

/// Why a requirement should get no skill from the mapper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSkill {
    /// Only an experience threshold ("5+ years of professional experience").
    Years,
    /// A degree or education line.
    Degree,
    /// Where the candidate must be (on-site, relocation).
    Location,
    /// Visa, sponsorship, work authorisation.
    WorkAuth,
    /// A spoken language ("fluent English", 英文流利).
    Language,
    /// When the candidate can start (immediately, 到岗).
    Availability,
}

impl NoSkill {
    /// Short stable `snake_case` code, for JSON.
    pub fn code(self) -> &'static str {
        match self {
            NoSkill::Years => "years",
            NoSkill::Degree => "degree",
            NoSkill::Location => "location",
            NoSkill::WorkAuth => "work_auth",
            NoSkill::Language => "language",
            NoSkill::Availability => "availability",
        }
    }
}

/// Why a line of the ad was not made an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The job title line.
    Title,
    /// A salary or pay line.
    Salary,
    /// A section heading.
    Heading,
    /// A sub-heading inside a section (its items keep the section).
    SubHeading,
    /// A line that introduces a list ("… any of the following:").
    LeadIn,
    /// Prose that is no item (company blurb, a paragraph about the role).
    Blurb,
    /// A paragraph after a list: the section's list is over.
    ProseAfterList,
    /// A line inside a section that holds no items.
    Section(OtherKind),
    /// Equal-opportunity text wherever it stands.
    Eeo,
    /// A statement of where the job is.
    Location,
    /// A link, a tag (`#LI-…`), "查看全部", "learn more".
    Link,
    /// A bullet with no text.
    BlankBullet,
    /// An item the ad repeats word for word.
    Duplicate,
}

impl Reason {
    /// Short stable `snake_case` code, for JSON.
    pub fn code(self) -> &'static str {
        match self {
            Reason::Title => "title",
            Reason::Salary => "salary",
            Reason::Heading => "heading",
            Reason::SubHeading => "sub_heading",
            Reason::LeadIn => "lead_in",
            Reason::Blurb => "blurb",
            Reason::ProseAfterList => "prose_after_list",
            Reason::Section(k) => k.code(),
            Reason::Eeo => "eeo",
            Reason::Location => "location",
            Reason::Link => "link",
            Reason::BlankBullet => "blank_bullet",
            Reason::Duplicate => "duplicate",
        }
    }
}

/// A warning about the whole ad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// No requirement was found: the posting will have none.
    NoRequirements,
    /// No responsibility was found.
    NoResponsibilities,
}

impl Warning {
    /// Short stable `snake_case` code, for JSON.
    pub fn code(self) -> &'static str {
        match self {
            Warning::NoRequirements => "no_requirements",
            Warning::NoResponsibilities => "no_responsibilities",
        }
    }
}

/// One item read from the ad.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The item's text, verbatim, without its bullet or number; a line the
    /// ad broke in two is joined.
    pub text: String,
    /// Responsibility or requirement.
    pub kind: ItemKind,
    /// Nice to have: from a preferred section, or the item says so itself.
    pub preferred: bool,
    /// The item offers alternatives and one is enough.
    pub any_of: bool,
    /// Experience thresholds the item sets (requirements only), see [`min_years`].
    pub min_years: Vec<u32>,
    /// Set when the mapper should give the item no skill.
    pub no_skill: Option<NoSkill>,
    /// The sub-heading or lead-in line the item sits under.
    pub group: Option<String>,
    /// 1-based line of the input where the item starts.
    pub line: usize,
}

/// A piece of the ad that was not made an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// 1-based line of the input.
    pub line: usize,
    /// The text left out (a piece of the line when the line was run-on).
    pub text: String,
    /// Why.
    pub reason: Reason,
}

/// An ad cut into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmented {
    /// The job title, when the ad opens with one (never a heading such as
    /// "About X", never the salary).
    pub title: Option<String>,
    /// The first salary found (`25-40K·13薪`, `$150k–$200k`).
    pub salary: Option<String>,
    /// Responsibilities and requirements, in the order of the ad.
    pub items: Vec<Item>,
    /// Every non-blank piece that is not an item, with the reason.
    pub left_out: Vec<LeftOut>,
    /// Warnings about the whole ad (no requirement found, …).
    pub warnings: Vec<Warning>,
}

impl Segmented {
    /// The responsibilities, in order.
    pub fn responsibilities(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| i.kind == ItemKind::Responsibility)
    }

    /// The requirements (preferred ones included), in order.
    pub fn requirements(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| i.kind == ItemKind::Requirement)
    }
}

// ============================================================== entry point

/// Cuts an ad into its items. Never fails: an ad with no requirement gives
/// what was found plus [`Warning::NoRequirements`].
pub fn segment(ad: &str) -> Segmented {
    let pieces = pieces(ad);
    let mut w = Walker::new(&pieces);
    let start = w.take_title();
    for i in start..pieces.len() {
        w.step(i);
    }
    let mut out = w.out;
    if !out.items.iter().any(|i| i.kind == ItemKind::Requirement) {
        out.warnings.push(Warning::NoRequirements);
    }
    if !out.items.iter().any(|i| i.kind == ItemKind::Responsibility) {
        out.warnings.push(Warning::NoResponsibilities);
    }
    out
}

// ============================================================== pieces

/// A piece of the ad: a line, or part of a run-on line.
#[derive(Debug, Clone)]
struct Piece {
    line: usize,
    text: String,
    /// A blank line stands before it.
    blank_before: bool,
    /// It starts its input line (not cut out of a run-on line).
    fresh: bool,
    /// Known to be a heading (Markdown, bold, or cut out as one).
    heading: bool,
}

/// The ad as pieces, blank lines dropped (kept as `blank_before`).
fn pieces(ad: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut blank = true;
    for (n, raw) in ad.lines().enumerate() {
        let (text, md) = clean_line(raw);
        if text.is_empty() {
            blank = true;
            continue;
        }
        for (k, (t, h)) in split_runon(&text).into_iter().enumerate() {
            let t = t.trim().to_string();
            if t.is_empty() {
                continue;
            }
            out.push(Piece {
                line: n + 1,
                text: t,
                blank_before: blank,
                fresh: k == 0,
                heading: h || (md && k == 0),
            });
            blank = false;
        }
    }
    out
}

/// A line without Markdown: escapes (`1\.`), `#` headings, `**bold**`,
/// links (`[text](url)`), odd spaces. Also says whether it was a Markdown
/// or bold heading.
fn clean_line(raw: &str) -> (String, bool) {
    let mut s: String = raw
        .chars()
        .map(|c| {
            if c == '\u{a0}' || c == '\u{3000}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    s = unescape_markdown(s.trim());
    let mut md = false;
    let hashes = s.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with(' ') {
        md = true;
        s = s[hashes..].trim().to_string();
    }
    let t = s.trim();
    if t.len() > 4 && t.starts_with("**") && t.ends_with("**") && !t[2..t.len() - 2].contains("**")
    {
        md = true;
    }
    s = s.replace("**", "");
    s = strip_links(&s);
    (s.trim().to_string(), md)
}

/// `1\.` → `1.`, `\*` → `*`: a backslash before ASCII punctuation goes.
fn unescape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// `[text](url)` → `text`.
fn strip_links(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let Some(end) = after[close + 2..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&after[..close]);
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    out
}

type Part = (String, bool);

/// Cuts a run-on line into parts; `true` marks a part known to be a heading.
fn split_runon(text: &str) -> Vec<Part> {
    let mut parts: Vec<Part> = vec![(text.to_string(), false)];
    let steps: [fn(&str) -> Vec<Part>; 6] = [
        split_inline_bullets,
        split_brackets,
        |s| split_sequence(s, true),
        split_inline_headings,
        |s| split_sequence(s, false),
        split_vocab_heading,
    ];
    for step in steps {
        parts = parts
            .into_iter()
            .flat_map(|(s, h)| if h { vec![(s, h)] } else { step(&s) })
            .collect();
    }
    parts
}

/// Cuts `chars` at the given char positions.
fn cut_at(chars: &[char], cuts: &[usize]) -> Vec<Part> {
    let mut out = Vec::new();
    let mut from = 0;
    for &c in cuts {
        if c > from {
            out.push((chars[from..c].iter().collect(), false));
        }
        from = c;
    }
    out.push((chars[from..].iter().collect(), false));
    out
}

/// `… • a • b` → `…`, `• a`, `• b` (a bullet with a space before it).
fn split_inline_bullets(s: &str) -> Vec<Part> {
    let chars: Vec<char> = s.chars().collect();
    let cuts: Vec<usize> = (1..chars.len())
        .filter(|&i| "•●▪".contains(chars[i]) && chars[i - 1].is_whitespace())
        .collect();
    cut_at(&chars, &cuts)
}

/// A bracketed heading inside a line: `…。【技术栈】一、…`.
fn split_brackets(s: &str) -> Vec<Part> {
    let chars: Vec<char> = s.chars().collect();
    let Some(open) = chars.iter().position(|&c| c == '【') else {
        return vec![(s.to_string(), false)];
    };
    let Some(len) = chars[open..].iter().position(|&c| c == '】') else {
        return vec![(s.to_string(), false)];
    };
    let close = open + len + 1;
    let before: String = chars[..open].iter().collect();
    let prev_ok = open == 0 || is_punct(chars[open - 1]) || chars[open - 1].is_whitespace();
    if len > 13 || !prev_ok || (open == 0 && close == chars.len()) {
        return vec![(s.to_string(), false)];
    }
    let mut out = Vec::new();
    let bracket: String = chars[open..close].iter().collect();
    let (only_marker, _) = split_bullet(&before);
    if only_marker && split_bullet(&before).1.is_empty() {
        out.push((format!("{}{bracket}", before.trim()), true));
    } else {
        if !before.trim().is_empty() {
            out.push((before, false));
        }
        out.push((bracket, true));
    }
    let after: String = chars[close..].iter().collect();
    if !after.trim().is_empty() {
        out.extend(split_brackets(&after));
    }
    out
}

const CN_DIGITS: &str = "一二三四五六七八九十";

/// A list marker at `i`: `3、` `3.` `3．` `3)` `3）` (Arabic) or `三、`
/// (Chinese). Returns its number and its length in chars.
fn marker_at(chars: &[char], i: usize, cjk: bool) -> Option<(u32, usize)> {
    let prev = if i == 0 { None } else { Some(chars[i - 1]) };
    if cjk {
        let n = CN_DIGITS.chars().position(|c| c == chars[i])?;
        let prev_ok = prev.is_none_or(|p| is_punct(p) || p.is_whitespace());
        if chars.get(i + 1) == Some(&'、') && prev_ok {
            return u32::try_from(n + 1).ok().map(|n| (n, 2));
        }
        return None;
    }
    if prev.is_some_and(|p| p.is_ascii_digit() || ".,$/-+%".contains(p)) {
        return None;
    }
    let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let sep = *chars.get(i + digits)?;
    if !".．、)）".contains(sep) {
        return None;
    }
    if ".．".contains(sep) && chars.get(i + digits + 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let n: String = chars[i..i + digits].iter().collect();
    n.parse().ok().map(|n| (n, digits + 1))
}

/// A marker numbered `want`, also when a digit follows its dot (`；2.3年以上`
/// is item 2 after a clause end, not 2.3).
fn loose_marker(chars: &[char], i: usize, want: u32) -> Option<(u32, usize)> {
    if let Some(m) = marker_at(chars, i, false) {
        return (m.0 == want).then_some(m);
    }
    let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n: u32 = chars[i..i + digits]
        .iter()
        .collect::<String>()
        .parse()
        .ok()?;
    let prev = chars[..i].iter().rev().find(|c| !c.is_whitespace());
    let after_clause = prev.is_some_and(|&c| "：:；;。，,".contains(c));
    let dotted = chars.get(i + digits) == Some(&'.')
        && chars.get(i + digits + 1).is_some_and(char::is_ascii_digit);
    (n == want && after_clause && dotted).then_some((n, digits + 1))
}

/// Numbered items run together (`1、…；2、…`, `一、…二、…`): cut before
/// each marker that goes on the sequence (or starts a new one at 1 after
/// punctuation).
fn split_sequence(s: &str, cjk: bool) -> Vec<Part> {
    let mut chars: Vec<char> = s.chars().collect();
    let mut cuts = Vec::new();
    let mut expect = 1;
    let mut i = 0;
    while i < chars.len() {
        let found = marker_at(&chars, i, cjk).or_else(|| {
            (!cjk && expect > 1)
                .then(|| loose_marker(&chars, i, expect))
                .flatten()
        });
        if let Some((n, len)) = found {
            if chars.get(i + len).is_some_and(char::is_ascii_digit) && chars[i + len - 1] == '.' {
                // `2.3年` read as item 2: write its dot as 、 so the marker
                // comes off like any other.
                chars[i + len - 1] = '、';
            }
            let restart = n == 1
                && i > 0
                && chars[..i]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|&c| {
                        // `（1）` is one marker: its bracket starts no item.
                        !matches!(c, '(' | '（')
                            && (is_punct(c) || is_cjk(c) || c.is_ascii_alphabetic())
                    });
            if i == 0 || n == expect || restart {
                // `（1）`/`(1)`: the cut goes before the bracket.
                let at = if matches!(chars[i - usize::from(i > 0)], '(' | '（') {
                    i - 1
                } else {
                    i
                };
                if at > 0 {
                    cuts.push(at);
                }
                expect = n + 1;
                i += len;
                continue;
            }
        }
        i += 1;
    }
    cut_at(&chars, &cuts)
}

/// A heading inside a line, just before a list that starts at 1:
/// `…平台工作职责：1、…`, `任职要求:1、`, `Must have1. …`, `…能力Nice to have1. …`.
fn split_inline_headings(s: &str) -> Vec<Part> {
    let chars: Vec<char> = s.chars().collect();
    for i in 1..chars.len() {
        let Some((start, end)) = inline_heading_at(&chars, i) else {
            continue;
        };
        let mut out = Vec::new();
        let before: String = chars[..start].iter().collect();
        let head: String = chars[start..end].iter().collect();
        let (marker, rest) = split_bullet(&before);
        if marker && rest.is_empty() {
            out.push((format!("{}{head}", before.trim()), true));
        } else {
            if !before.trim().is_empty() {
                out.push((before, false));
            }
            out.push((head, true));
        }
        let after: String = chars[end..].iter().collect();
        out.extend(split_inline_headings(&after));
        return out;
    }
    vec![(s.to_string(), false)]
}

/// When a list starting at 1 begins at char `i` and a heading phrase stands
/// just before it, the heading's char span (colon included).
fn inline_heading_at(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let colon = matches!(chars[i], ':' | '：');
    let list_at = if colon {
        i + 1
            + chars[i + 1..]
                .iter()
                .take_while(|c| c.is_whitespace())
                .count()
    } else {
        i
    };
    let first = list_at < chars.len()
        && (loose_marker(chars, list_at, 1).is_some()
            || (chars[list_at] == '1' && list_at > 0 && chars[list_at - 1].is_ascii_alphabetic()));
    if !first && !colon {
        return None;
    }
    let end_text = if colon { i } else { list_at };
    if !colon && !chars[end_text - 1].is_ascii_alphabetic() {
        return None;
    }
    let mut start = end_text;
    while start > 0 {
        let c = chars[start - 1];
        let latin = c.is_ascii_alphabetic() || c == ' ' || c == '\'';
        if is_punct(c) || !(latin || is_cjk(c)) || (!colon && !latin) {
            break;
        }
        start -= 1;
    }
    let phrase: String = chars[start..end_text].iter().collect();
    let phrase = phrase.trim();
    let han = phrase.chars().filter(|&c| is_cjk(c)).count();
    let skip = if han > 6 { han.saturating_sub(4) } else { 0 };
    let head: String = phrase.chars().skip(skip).collect();
    let start = end_text - head.chars().count();
    let ok = if first {
        classify_heading(&head).is_some_and(SectionKind::holds_items)
            && head.split_whitespace().count() <= 5
    } else {
        // `…。加分项：有X经验` — a Chinese heading after a full stop.
        let after_stop = start == 0 || "。；;!！".contains(chars[start - 1]);
        after_stop
            && han == head.chars().count()
            && ZH_HEAD_ENDS.iter().any(|w| head.ends_with(w))
            && classify_heading(&head).is_some()
    };
    ok.then_some((start, if colon { i + 1 } else { end_text }))
}

/// Words a heading run into its text may be made of ("Core Responsibilities
/// Build…", "Nice to Have Experience…", "Role Summary We…").
const VOCAB: &[&str] = &[
    "core",
    "key",
    "main",
    "primary",
    "job",
    "role",
    "position",
    "your",
    "the",
    "required",
    "requirements",
    "responsibilities",
    "qualifications",
    "preferred",
    "minimum",
    "basic",
    "additional",
    "nice",
    "to",
    "have",
    "must",
    "good",
    "experience",
    "skills",
    "technical",
    "duties",
    "summary",
    "description",
    "overview",
    "bonus",
    "points",
    "about",
    "company",
    "benefits",
    "perks",
    "education",
];
/// Words such a heading ends with.
const HEAD_NOUNS: &[&str] = &[
    "responsibilities",
    "requirements",
    "qualifications",
    "experience",
    "skills",
    "duties",
    "summary",
    "description",
    "overview",
    "have",
    "benefits",
    "perks",
    "education",
    "points",
];

/// A title-case heading run into the sentence after it, at the start of the
/// piece or of a sentence in it: cut it out.
fn split_vocab_heading(s: &str) -> Vec<Part> {
    let words = word_spans(s);
    for w in 0..words.len() {
        let starts = w == 0 || s[words[w - 1].0..words[w - 1].1].ends_with('.');
        if !starts {
            continue;
        }
        for k in 2..=4 {
            if w + k > words.len() {
                break;
            }
            let ws: Vec<&str> = (w..w + k)
                .map(|j| s[words[j].0..words[j].1].trim_end_matches(':'))
                .collect();
            if !ws
                .iter()
                .all(|x| VOCAB.contains(&x.to_lowercase().as_str()))
            {
                break;
            }
            let last = ws[k - 1];
            let caps = |x: &str| x.starts_with(|c: char| c.is_uppercase());
            let next_ok = match words.get(w + k) {
                Some(&(a, b)) => caps(&s[a..b]),
                None => w > 0,
            };
            if HEAD_NOUNS.contains(&last.to_lowercase().as_str())
                && caps(ws[0])
                && caps(last)
                && next_ok
                && classify_heading(&ws.join(" ")).is_some()
            {
                let (a, b) = (words[w].0, words[w + k - 1].1);
                let c = words.get(w + k).map_or(s.len(), |x| x.0);
                let mut out = Vec::new();
                if a > 0 {
                    out.push((s[..a].to_string(), false));
                }
                out.push((s[a..b].to_string(), true));
                out.extend(split_vocab_heading(&s[c..]));
                return out;
            }
        }
    }
    vec![(s.to_string(), false)]
}

/// Byte spans of the whitespace-separated words of `s`.
fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

// ============================================================== characters

/// A Chinese character (or CJK punctuation).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{3000}'..='\u{303f}')
}

/// Punctuation that can end or separate a clause, or close a bracket.
fn is_punct(c: char) -> bool {
    "，,。；;：:、!！?？.)）(（】【》《\"“”'‘’…~～".contains(c)
}

/// Whether the text ends a sentence (so a next line starts a new item).
fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', ';', ':', '!', '?', '。', '；', '！', '？', '：'])
}

/// Splits a leading bullet off `line`: `-`, `*`, `•`, `·`, `1.`, `1)`,
/// `1、`, `（1）`, `(a)`, `①`, `一、`. Returns whether there was one, and the rest.
pub fn split_bullet(line: &str) -> (bool, &str) {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    let s = line.trim_start();
    let Some(first) = s.chars().next() else {
        return (false, s);
    };
    if "-*•·●○▪◦–—+►▶✓✔□■◆◇>➢➤".contains(first) || CIRCLED.contains(first)
    {
        let rest = &s[first.len_utf8()..];
        if first == '-' && rest.starts_with(|c: char| c.is_ascii_digit()) {
            return (false, s);
        }
        return (true, rest.trim_start());
    }
    if first == '(' || first == '（' {
        let inner = &s[first.len_utf8()..];
        if let Some(end) = inner.find([')', '）']) {
            let label = &inner[..end];
            let numeric = label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || CN_DIGITS.contains(c));
            if !label.is_empty() && label.chars().count() <= 3 && numeric {
                let close = inner[end..].chars().next().map_or(1, char::len_utf8);
                return (true, inner[end + close..].trim_start());
            }
        }
        return (false, s);
    }
    let digits: usize = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || CN_DIGITS.contains(*c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 && digits <= 6 {
        let rest = &s[digits..];
        if let Some(c) = rest.chars().next()
            && ".)、．）".contains(c)
        {
            let after = &rest[c.len_utf8()..];
            if c == '.' && after.starts_with(|c: char| c.is_ascii_digit()) {
                return (false, s);
            }
            let cjk_num = s.starts_with(|c: char| CN_DIGITS.contains(c));
            if !cjk_num || c == '、' {
                return (true, after.trim_start());
            }
        }
    }
    (false, s)
}

// ============================================================== wording

/// Whether `hay` (lower case) holds `cue` starting at a word boundary
/// (Chinese cues: anywhere).
fn has_cue(hay: &str, cue: &str) -> bool {
    if cue.chars().next().is_some_and(is_cjk) {
        return hay.contains(cue);
    }
    hay.match_indices(cue).any(|(i, _)| {
        hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn has_any(hay: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| has_cue(hay, c))
}

/// A heading's text for classing: lower case, plain quotes, no markers,
/// brackets or trailing colon.
fn heading_key(text: &str) -> String {
    let (_, body) = split_bullet(text);
    body.to_lowercase()
        .replace(['’', '‘'], "'")
        .trim_matches(|c: char| "#*_【】[]「」<>:：".contains(c) || c.is_whitespace())
        .to_string()
}

const NOT_REQUIRED: &[&str] = &["don't need", "do not need", "not required", "不需要"];
const PREFERRED: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "bonus",
    "preferred",
    "plus",
    "stand out",
    "not mandatory",
    "good to have",
    "may also",
    "desirable",
    "desired",
    "extra credit",
    "optional",
    "加分",
    "优先",
];
const RESPONSIBILITIES: &[&str] = &[
    "responsibilit",
    "what you'll do",
    "what you will do",
    "you'll do",
    "you will do",
    "duties",
    "day-to-day",
    "day to day",
    "expectations",
    "work on",
    "tasks",
    "in this role",
    "your impact",
    "you'll be doing",
    "you will be doing",
    "职责",
    "工作内容",
    "你将",
    "你的工作",
];
const REQUIREMENTS_STRONG: &[&str] = &[
    "about you",
    "who you are",
    "bring",
    "good fit",
    "great fit",
    "strong fit",
    "fit if you",
    "you'll need",
    "you will need",
    "you'll have",
    "you should have",
    "ideal candidate",
    "requirement",
    "qualification",
    "must",
    "任职",
    "要求",
    "资格",
];
const REQUIREMENTS_WEAK: &[&str] = &[
    "skill",
    "experience",
    "education",
    "knowledge",
    "competenc",
    "looking for",
    "need",
    "stack",
    "ideal candidate",
    "candidate",
    "you have",
    "you are",
    "技能",
    "技术栈",
    "关键词",
    "希望",
    "条件",
    "学历",
    "经验",
];
const GENERAL: &[&str] = &[
    "description",
    "summary",
    "overview",
    "role",
    "position",
    "opportunity",
    "information",
    "job",
    "职位",
    "岗位",
    "描述",
];

/// The section a heading opens, by its wording; `None` when the wording
/// says nothing we know.
pub fn classify_heading(text: &str) -> Option<SectionKind> {
    let k = heading_key(text);
    if k.is_empty() {
        return None;
    }
    if has_any(&k, NOT_REQUIRED) {
        return Some(SectionKind::Other(OtherKind::NotRequired));
    }
    if has_any(&k, PREFERRED) {
        return Some(SectionKind::Preferred);
    }
    if has_any(&k, RESPONSIBILITIES) {
        return Some(SectionKind::Responsibilities);
    }
    if has_any(&k, REQUIREMENTS_STRONG) {
        return Some(SectionKind::Requirements);
    }
    if let Some(o) = other_kind(&k) {
        return Some(SectionKind::Other(o));
    }
    if has_any(&k, REQUIREMENTS_WEAK) {
        return Some(SectionKind::Requirements);
    }
    if has_any(&k, GENERAL) {
        return Some(SectionKind::General);
    }
    None
}

/// The kind of a no-item heading, by its wording (lower-case key).
fn other_kind(k: &str) -> Option<OtherKind> {
    let table: [(&[&str], OtherKind); 7] = [
        (&["salary", "compensation", "pay", "薪"], OtherKind::Salary),
        (
            &[
                "benefit",
                "perk",
                "offer",
                "expect from us",
                "support you",
                "rewards",
                "福利",
                "待遇",
            ],
            OtherKind::Benefits,
        ),
        (
            &[
                "equal",
                "diversity",
                "inclusion",
                "accommodation",
                "eeo",
                "平等",
            ],
            OtherKind::Eeo,
        ),
        (
            &["location", "where you'll", "地点", "地址"],
            OtherKind::Location,
        ),
        (
            &["logistics", "details", "hours", "schedule"],
            OtherKind::Logistics,
        ),
        (
            &["apply", "application", "how to", "next steps", "投递"],
            OtherKind::Apply,
        ),
        (
            &[
                "about",
                "who we are",
                "company",
                "mission",
                "values",
                "culture",
                "why",
                "how we",
                "work with",
                "team",
                "介绍",
                "关于",
                "简介",
                "我们是",
            ],
            OtherKind::About,
        ),
    ];
    table
        .iter()
        .find(|(cues, _)| has_any(k, cues))
        .map(|&(_, kind)| kind)
}

/// Words that make an item a requirement when its section does not say.
const REQ_CUES: &[&str] = &[
    "experience",
    "years",
    "proficien",
    "familiar",
    "knowledge",
    "understanding",
    "degree",
    "bachelor",
    "master",
    "phd",
    "ability to",
    "able to",
    "skill",
    "expertise",
    "must",
    "required",
    "should have",
    "background in",
    "track record",
    "comfortable with",
    "fluent",
    "certif",
    "hands-on",
    "strong",
    "solid",
    "excellent",
    "good to have",
    "nice to have",
    "you have",
    "经验",
    "熟悉",
    "熟练",
    "精通",
    "了解",
    "学历",
    "本科",
    "硕士",
    "博士",
    "专业",
    "具备",
    "具有",
    "优先",
];
/// Words that make a prose line a requirement wherever it stands.
const REQ_STRONG_CUES: &[&str] = &[
    "required",
    "must have",
    "must to have",
    "should have",
    "good to have",
    "nice to have",
    "minimum",
    "要求",
    "必须",
];
/// Verbs a duty starts with.
const DUTY_VERBS: &[&str] = &[
    "build",
    "design",
    "develop",
    "implement",
    "create",
    "maintain",
    "deploy",
    "write",
    "lead",
    "own",
    "drive",
    "manage",
    "collaborate",
    "work",
    "partner",
    "support",
    "assist",
    "help",
    "contribute",
    "participate",
    "research",
    "evaluate",
    "test",
    "monitor",
    "optimize",
    "optimise",
    "improve",
    "analyze",
    "analyse",
    "define",
    "establish",
    "architect",
    "integrate",
    "automate",
    "ensure",
    "provide",
    "prototype",
    "explore",
    "run",
    "debug",
    "document",
    "mentor",
    "coach",
    "review",
    "compare",
    "rank",
    "repair",
    "refactor",
    "inject",
    "train",
    "fine-tune",
    "conduct",
    "deliver",
    "ship",
    "operate",
    "scale",
    "translate",
    "identify",
    "investigate",
    "stay",
    "apply",
    "use",
    "leverage",
    "extend",
    "enhance",
    "configure",
    "oversee",
    "serve",
    "plan",
    "coordinate",
    "facilitate",
    "engage",
    "gather",
    "prepare",
    "present",
    "report",
    "resolve",
    "troubleshoot",
    "perform",
    "execute",
    "tune",
    "experiment",
    "measure",
    "validate",
    "curate",
    "annotate",
    "label",
    "architect",
    "craft",
    "负责",
    "参与",
    "承担",
    "协助",
    "主导",
    "开发",
    "设计",
    "研究",
    "跟踪",
    "探索",
    "构建",
    "推动",
    "完成",
    "撰写",
    "编写",
];

fn lower(s: &str) -> String {
    s.to_lowercase().replace(['’', '‘'], "'")
}

/// Whether the item reads as a requirement by its words.
fn req_cue(text: &str) -> bool {
    has_any(&lower(text), REQ_CUES)
}

/// Whether a prose line is a requirement wherever it stands.
fn strong_req(text: &str) -> bool {
    !min_years(text).is_empty() || has_any(&lower(text), REQ_STRONG_CUES)
}

/// Whether the item starts with a duty verb.
fn duty_start(text: &str) -> bool {
    let l = lower(text);
    let first: String = l
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    DUTY_VERBS.iter().any(|v| {
        if v.chars().next().is_some_and(is_cjk) {
            l.starts_with(v)
        } else {
            first == *v
                || first.strip_suffix('s') == Some(v)
                || first
                    .strip_suffix("ing")
                    .is_some_and(|f| v.starts_with(f) && f.len() + 1 >= v.len())
        }
    })
}

/// Sentences in a prose line (2+ means a paragraph).
fn sentence_count(text: &str) -> usize {
    let t = text.trim_end_matches(|c: char| ".。!！?？ ".contains(c));
    let mut n = 1;
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next_space = chars.get(i + 1).is_some_and(|c| c.is_whitespace());
        let abbrev = c == '.' && i >= 2 && chars[i - 2] == '.';
        if ("。！？".contains(c) || (".!?".contains(c) && next_space)) && !abbrev {
            n += 1;
        }
    }
    n
}

/// `Label: text` (a short label, then a colon, then text).
fn is_label_shape(text: &str) -> bool {
    let Some(pos) = text.find([':', '：']) else {
        return false;
    };
    let label = text[..pos].trim();
    let rest = text[pos..].trim_start_matches([':', '：']).trim();
    let words = label.split_whitespace().count();
    let han = label.chars().filter(|&c| is_cjk(c)).count();
    !label.is_empty()
        && !rest.is_empty()
        && words <= 6
        && han <= 12
        && !label.contains(['.', ',', '，', '。'])
}

/// Most words capitalised ("Skills Needed", "Who You Are").
fn title_case(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "or", "of", "the", "to", "for", "in", "on", "at", "with", "by", "&", "-",
        "–", "—", "is", "as",
    ];
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
        .count();
    !words.is_empty() && caps * 10 >= words.len() * 8
}

/// `【…】` and nothing else.
fn whole_bracket(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('【') && t.ends_with('】') && t.chars().count() <= 16
}

/// Words a Chinese heading without a colon ends with (工作职责, 任职要求).
const ZH_HEAD_ENDS: &[&str] = &[
    "职责",
    "要求",
    "内容",
    "资格",
    "描述",
    "介绍",
    "福利",
    "待遇",
    "加分项",
    "优先",
    "条件",
    "技能",
    "关键词",
    "信息",
    "地点",
    "简介",
    "说明",
    "地址",
    "时间",
    "薪资",
];

/// Whether a line has the shape of a heading.
fn heading_shape(body: &str) -> bool {
    let t = body.trim();
    let n = t.chars().count();
    if n == 0 || n > 70 {
        return false;
    }
    if whole_bracket(t) {
        return true;
    }
    if t.starts_with(['(', '（', '$', '#', '"', '“', '['])
        || t.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let colon_end = t.ends_with([':', '：']);
    let inner = t.trim_end_matches([':', '：']).trim();
    let han = inner.chars().filter(|&c| is_cjk(c)).count();
    if inner.split_whitespace().count() > 9 || han > 16 || inner.is_empty() {
        return false;
    }
    if inner.contains(['。', ';', '；', '!', '！', ':', '：'])
        || inner.contains(". ")
        || inner.ends_with(['.', ',', '，', '、'])
    {
        return false;
    }
    if colon_end {
        return true;
    }
    let l = lower(inner);
    if !min_years(inner).is_empty()
        || ["required", "preferred", "a plus"]
            .iter()
            .any(|w| l.ends_with(w))
    {
        return false;
    }
    let class = classify_heading(inner);
    if han > 0 {
        // "…经验者优先" is a preferred item, never a heading.
        return class.is_some()
            && ZH_HEAD_ENDS.iter().any(|w| inner.ends_with(w))
            && !inner.ends_with("者优先");
    }
    let caps = inner
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if caps || title_case(inner) {
        return true;
    }
    // A plain sentence-case line: a heading when its wording says so, and
    // (for a section with no items) when it is short.
    match class {
        Some(k) if k.holds_items() || k == SectionKind::General => true,
        Some(_) => inner.split_whitespace().count() <= 4,
        None => false,
    }
}

// ============================================================== salary and noise

const CURRENCY: &str = "$€£¥₹";

/// Char spans of money amounts: `$150k–$200k`, `$325,000—$485,000 USD`,
/// `25-40K·13薪`, `$30/hr to $70/hr`.
fn money_spans(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = money_at(&chars, i) {
            match out.last_mut() {
                Some(last) if joins_range(&chars[last.1..i]) => last.1 = end,
                _ => out.push((i, end)),
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The end of the number (digits, inner `,` and `.`) starting at `j`.
fn number_end(chars: &[char], mut j: usize) -> usize {
    while j < chars.len()
        && (chars[j].is_ascii_digit()
            || (",.".contains(chars[j]) && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
    {
        j += 1;
    }
    j
}

/// The end of a money unit after an amount: `k`, `/hr`, ` USD`.
fn unit_end(chars: &[char], mut j: usize) -> usize {
    if j < chars.len() && "kKmM万".contains(chars[j]) {
        j += 1;
    }
    for suffix in [
        "/hr", "/hour", "/yr", "/year", "/month", " USD", " EUR", " GBP", " INR", " CNY",
    ] {
        let want: Vec<char> = suffix.chars().collect();
        if chars.get(j..j + want.len()) == Some(&want[..]) {
            j += want.len();
        }
    }
    j
}

/// The end of a money amount starting at `i`: a currency sign and a
/// number, or a range in thousands (`20-40K`, `50-80K·15薪`).
fn money_at(chars: &[char], i: usize) -> Option<usize> {
    if CURRENCY.contains(chars[i]) {
        let num = i + 1 + usize::from(chars.get(i + 1) == Some(&' '));
        return chars
            .get(num)
            .is_some_and(char::is_ascii_digit)
            .then(|| unit_end(chars, number_end(chars, num)));
    }
    if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
        return None;
    }
    let low = number_end(chars, i);
    if low >= chars.len() || !"-–—~".contains(chars[low]) {
        return None;
    }
    let high = number_end(chars, low + 1);
    if high == low + 1 || !chars.get(high).is_some_and(|c| "kK万".contains(*c)) {
        return None;
    }
    let mut stop = high + 1;
    if chars.get(stop) == Some(&'·') {
        let months = number_end(chars, stop + 1);
        if chars.get(months) == Some(&'薪') {
            stop = months + 1;
        }
    }
    Some(stop)
}

/// Whether the text between two amounts makes them one range.
fn joins_range(between: &[char]) -> bool {
    let s: String = between.iter().collect();
    let s = s.trim();
    s.is_empty() || ["-", "–", "—", "~", "to", "至", "from"].contains(&s)
}

/// The salary a line states, if it is a pay line.
fn salary_of(text: &str) -> Option<String> {
    let spans = money_spans(text);
    let (a, b) = *spans.first()?;
    let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
    let covered: usize = spans.iter().map(|(a, b)| b - a).sum();
    let l = lower(text);
    let worded = has_any(
        &l,
        &[
            "salary",
            "compensation",
            "pay",
            "tier",
            "stipend",
            "per hour",
            "per year",
            "wage",
            "薪",
            "月薪",
            "年薪",
        ],
    ) || spans.iter().any(|(a, b)| b - a >= 5);
    (covered * 2 >= total || worded).then(|| {
        text.chars()
            .skip(a)
            .take(b - a)
            .collect::<String>()
            .trim()
            .to_string()
    })
}

const EEO_CUES: &[&str] = &[
    "equal opportunity",
    "equal employment",
    "without regard to",
    "discriminat",
    "protected veteran",
    "fair chance",
    "reasonable accommodation",
    "平等",
];

const APPLY_CUES: &[&str] = &[
    "how to apply",
    "apply now",
    "apply here",
    "apply today",
    "apply with",
    "apply even",
    "you to apply",
    "click here",
    "learn more",
    "more information",
    "visit us",
    "查看全部",
];

/// Why a line is never an item, wherever it stands.
fn noise_reason(text: &str) -> Option<Reason> {
    let l = lower(split_bullet(text).1);
    let t = l.trim();
    if t.starts_with("http")
        || t.starts_with("www.")
        || t == "查看全部"
        || (t.starts_with('#') && !t.contains(' '))
    {
        return Some(Reason::Link);
    }
    if salary_of(text).is_some() {
        return Some(Reason::Salary);
    }
    if has_any(t, EEO_CUES) {
        return Some(Reason::Eeo);
    }
    if has_any(t, APPLY_CUES) {
        return Some(Reason::Link);
    }
    location_statement(t).then_some(Reason::Location)
}

/// "Location: …", "This position is based at our … office".
fn location_statement(l: &str) -> bool {
    const STARTS: &[&str] = &[
        "location:",
        "location :",
        "location-based",
        "locations:",
        "work location",
        "this position is based",
        "this role is based",
        "the role is based",
        "this position is located",
        "this role is located",
        "工作地点",
        "地址",
        "公司地址",
    ];
    STARTS.iter().any(|s| l.starts_with(s))
}

// ============================================================== item flags

const PREF_PREFIX: &[&str] = &[
    "bonus",
    "nice to have",
    "nice-to-have",
    "preferred:",
    "plus:",
    "good to have",
    "optional:",
    "加分",
    "优先",
];

const PREF_SUFFIX: &[&str] = &[
    "is a plus",
    "are a plus",
    "a plus",
    "is a bonus",
    "are a bonus",
    "a bonus",
    "is preferred",
    "are preferred",
    "preferred",
    "(optional",
    "optional",
    "is nice to have",
    "nice to have",
    "is an advantage",
    "an advantage",
];

/// Whether the item itself says it is a nice-to-have: "Bonus: …",
/// "… is a plus", "(optional)", "优先考虑…", "有`X`经验者优先". An item
/// that only ends in a preferred clause after others ("…，有`X`经验者优先",
/// "a degree …; a master's is a plus") stays required.
pub fn self_preferred(text: &str) -> bool {
    let l = lower(text);
    let t = l.trim().trim_start_matches(['(', '（']);
    if PREF_PREFIX.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    let end = t.trim_end_matches(|c: char| "。.；;，,!！)）".contains(c) || c.is_whitespace());
    let han = end.chars().any(is_cjk);
    if han {
        let single = zh_clauses(end) == 1;
        return single
            && (end.ends_with("优先") || end.ends_with("优先考虑") || end.ends_with("加分"));
    }
    let single = !end.contains(';') && sentence_count(end) == 1;
    let says =
        PREF_SUFFIX.iter().any(|p| end.ends_with(p)) || end.contains("bonus, but not required");
    single && says
}

/// Clauses of a Chinese item: cut at commas and semicolons, except a comma
/// before 或 ("A者，或有B者优先" is one clause).
fn zh_clauses(t: &str) -> usize {
    let chars: Vec<char> = t.chars().collect();
    1 + (0..chars.len())
        .filter(|&i| "，,；;。".contains(chars[i]) && chars.get(i + 1) != Some(&'或'))
        .count()
}

/// Whether an item offers alternatives of which one is enough.
pub fn any_of_text(text: &str) -> bool {
    const CUES: &[&str] = &[
        "one or more",
        "at least one",
        "any of",
        "at least some",
        "either",
        "e.g.",
        "or similar",
        "or equivalent",
        ", or ",
        "至少一",
        "之一",
        "任一",
        "其一",
    ];
    let l = lower(text);
    CUES.iter().any(|c| l.contains(c)) || listed_alternatives(&l)
}

/// "X, Y or Z" (no comma before "or"): a list of short alternatives, the
/// last joined by "or", within one clause.
fn listed_alternatives(l: &str) -> bool {
    l.split(['.', ';', '；', '。'])
        .any(|clause| match clause.find(" or ") {
            Some(at) => {
                let before = &clause[..at];
                before.rfind(", ").is_some_and(|comma| {
                    let last = &before[comma + 2..];
                    last.split_whitespace().count() <= 3
                        && before[..comma]
                            .rsplit(", ")
                            .next()
                            .is_some_and(|prev| !prev.trim().is_empty())
                })
            }
            None => false,
        })
}

/// Whether a lead-in or sub-heading makes each item under it an
/// alternative ("any of the following:").
fn any_of_lead(text: &str) -> bool {
    const CUES: &[&str] = &[
        "any of the following",
        "one or more of the following",
        "at least one of",
        "some of the following",
        "one of the following",
        "one of these",
        "any of these",
        "some of these",
        "either of",
        "以下任一",
        "以下至少",
        "其中之一",
        "任意",
        "之一",
    ];
    let l = lower(text);
    CUES.iter().any(|c| l.contains(c))
}

const LANGUAGES: &[&str] = &[
    "english",
    "mandarin",
    "spanish",
    "german",
    "french",
    "japanese",
    "英语",
    "英文",
    "日语",
    "普通话",
];

const DEGREE_CUES: &[&str] = &[
    "degree",
    "bachelor",
    "master's",
    "masters",
    "phd",
    "ph.d",
    "bsc",
    "msc",
    "diploma",
    "education",
    "学历",
    "本科",
    "硕士",
    "博士",
    "学位",
];

/// Whether a requirement should get no skill, and why: work authorisation,
/// availability, spoken language, location, degree, or a bare threshold.
pub fn no_skill(text: &str, years: &[u32]) -> Option<NoSkill> {
    let l = lower(text);
    let short = l.split_whitespace().count() <= 14 && l.chars().count() <= 110;
    let table: [(&[&str], NoSkill); 3] = [
        (
            &[
                "visa",
                "sponsorship",
                "authorized to work",
                "authorised to work",
                "work authori",
                "work permit",
                "right to work",
                "citizenship",
                "security clearance",
                "签证",
            ],
            NoSkill::WorkAuth,
        ),
        (
            &[
                "immediately",
                "immediate joiner",
                "notice period",
                "start date",
                "available to start",
                "availability",
                "到岗",
                "实习时间",
            ],
            NoSkill::Availability,
        ),
        (
            &[
                "relocat",
                "on-site",
                "onsite",
                "in-office",
                "in office",
                "based in",
                "located in",
                "commut",
                "工作地点",
            ],
            NoSkill::Location,
        ),
    ];
    if let Some(&(_, k)) = table.iter().find(|(cues, _)| has_any(&l, cues)) {
        return Some(k);
    }
    if short && has_any(&l, LANGUAGES) && !l.contains("programming") {
        return Some(NoSkill::Language);
    }
    let exp = has_any(&l, &["experience", "经验"]) || !years.is_empty();
    if has_any(&l, DEGREE_CUES) && !exp {
        return Some(NoSkill::Degree);
    }
    if !years.is_empty() && bare_threshold(&l) {
        return Some(NoSkill::Years);
    }
    None
}

/// A threshold with nothing else to map: "5+ years of professional experience".
fn bare_threshold(l: &str) -> bool {
    const GENERIC: &[&str] = &[
        "years",
        "year",
        "yrs",
        "of",
        "experience",
        "professional",
        "industry",
        "work",
        "working",
        "relevant",
        "related",
        "in",
        "a",
        "an",
        "the",
        "as",
        "similar",
        "role",
        "minimum",
        "at",
        "least",
        "with",
        "total",
        "full-time",
        "or",
        "and",
        "is",
        "required",
        "more",
        "over",
        "plus",
        "overall",
        "hands-on",
        "年以上",
        "年",
        "以上",
        "工作经验",
        "经验",
        "相关",
    ];
    l.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .all(|w| GENERIC.contains(&w))
}

// ============================================================== min_years

/// The experience thresholds an item sets, in order: "5+ years" → `[5]`,
/// "3-4 years" → `[3]`, "5 年以上" → `[5]`, "至少10年" → `[10]`, two in one
/// item → both. Lines that only look like thresholds ("We aren't looking for
/// 10 years…", "级别：1-10年均可", "15 years full time education") give none;
/// values outside 1..=50 are refused.
pub fn min_years(text: &str) -> Vec<u32> {
    let lower = lower(text);
    let chars: Vec<char> = lower.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some((n, end)) = read_number(&chars, i) else {
            i += 1;
            continue;
        };
        if (1..=50).contains(&n)
            && !negated(&chars[..i])
            && let Some(v) = threshold_after(&chars, i, end, n)
            && !out.contains(&v)
        {
            out.push(v);
        }
        i = end.max(i + 1);
    }
    out
}

/// A number at `i`: digits, a Chinese numeral, or an English word; with its end.
fn read_number(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let prev = if i == 0 { None } else { Some(chars[i - 1]) };
    let take = |f: &dyn Fn(char) -> bool| i + chars[i..].iter().take_while(|&&c| f(c)).count();
    let upper_end = i >= 2
        && prev.is_some_and(|p| "-–~～至到".contains(p))
        && chars[..i - 1]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_ascii_digit);
    if upper_end {
        return None;
    }
    if chars[i].is_ascii_digit() {
        if prev.is_some_and(|p| p.is_ascii_digit() || p.is_ascii_alphabetic() || ".,$".contains(p))
        {
            return None;
        }
        let end = take(&|c| c.is_ascii_digit());
        let v: String = chars[i..end].iter().collect();
        return v.parse().ok().map(|v| (v, end));
    }
    if "一二两三四五六七八九十".contains(chars[i]) {
        if prev.is_some_and(|p| "一二两三四五六七八九十".contains(p)) {
            return None;
        }
        let end = take(&|c| "一二两三四五六七八九十".contains(c));
        let v: String = chars[i..end].iter().collect();
        return number_word(&v).map(|v| (v, end));
    }
    if chars[i].is_ascii_alphabetic() && prev.is_none_or(|p| !p.is_alphanumeric()) {
        let end = take(&|c| c.is_ascii_alphabetic());
        let v: String = chars[i..end].iter().collect();
        return number_word(&v).map(|v| (v, end));
    }
    None
}

/// Numbers written as words, English and Chinese.
fn number_word(w: &str) -> Option<u32> {
    const EN: [&str; 15] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen",
    ];
    if let Some(i) = EN.iter().position(|x| *x == w) {
        return u32::try_from(i + 1).ok();
    }
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    let zh: Vec<char> = w.chars().collect();
    match zh.as_slice() {
        ['两'] => Some(2),
        ['十'] => Some(10),
        [c] => digit(*c),
        ['十', c] => digit(*c).map(|d| 10 + d),
        [c, '十'] => digit(*c).map(|d| d * 10),
        _ => None,
    }
}

const NEGATIONS: &[&str] = &[
    "aren't",
    "are not",
    "not looking",
    "don't need",
    "do not need",
    "no need",
    "not required",
    "isn't required",
    "不需要",
    "不要求",
    "无需",
];

/// Whether the sentence before a number denies a threshold ("We aren't
/// looking for 10 years…").
fn negated(before: &[char]) -> bool {
    let s: String = before.iter().collect();
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| ".;。；!?".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    NEGATIONS.iter().any(|w| s[start..].contains(w))
}

const ZH_YEAR_AFTER: &[&str] = &[
    "以上",
    "及以上",
    "+",
    "或以上",
    "经验",
    "的",
    "相关",
    "工作",
    "开发",
    "从业",
    "左右",
];

/// The threshold a number at `start..end` sets, from the words around it.
fn threshold_after(chars: &[char], start: usize, end: usize, n: u32) -> Option<u32> {
    let rest: String = chars[end..].iter().collect();
    let mut r = rest.trim_start();
    let plus = r.starts_with('+');
    r = r.trim_start_matches('+').trim_start();
    let after_range = r
        .strip_prefix(['-', '–', '~', '～', '至', '到'])
        .or_else(|| r.strip_prefix("to "))
        .map(|x| {
            x.trim_start()
                .trim_start_matches(|c: char| {
                    c.is_ascii_digit() || "一二两三四五六七八九十".contains(c)
                })
                .trim_start()
        });
    let ranged = after_range.is_some();
    if let Some(x) = after_range {
        r = x;
    }
    r = r.strip_prefix("or more ").unwrap_or(r).trim_start();
    let before: String = chars[..start].iter().collect();
    let before = before.trim_end();
    if let Some(u) = ["years", "year", "yrs", "yr"]
        .iter()
        .find(|u| r.starts_with(*u))
    {
        let tail = r[u.len()..].trim_start_matches("(s)");
        let plus = plus || tail.starts_with('+');
        let tail = tail.trim_start_matches(['+', '\'', '’']).trim_start();
        return english_threshold(before, tail, plus || ranged).then_some(n);
    }
    let after = r.strip_prefix('年')?.trim_start();
    if ["均可", "不限", "皆可", "都可"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return None;
    }
    let floor = ["至少", "不少于", "不低于", "超过", "大于"]
        .iter()
        .any(|w| before.ends_with(w));
    (floor || ranged || plus || ZH_YEAR_AFTER.iter().any(|w| after.starts_with(w))).then_some(n)
}

/// Whether "N years" with these words before and after is a threshold.
fn english_threshold(before: &str, tail: &str, plus_or_range: bool) -> bool {
    const FLOOR: &[&str] = &[
        "at least",
        "minimum of",
        "minimum",
        "min.",
        "over",
        "more than",
        "a minimum of",
    ];
    const EXPERIENCE: &[&str] = &[
        "of",
        "experience",
        "in ",
        "building",
        "working",
        "professional",
        "hands-on",
        "industry",
        "with",
        "minimum",
        "relevant",
        "as ",
    ];
    let timeframe = ["last", "within", "past", "next", "first"]
        .iter()
        .any(|w| before.ends_with(w));
    let floor = FLOOR.iter().any(|w| before.ends_with(w));
    let experience = EXPERIENCE.iter().any(|w| tail.starts_with(w));
    !timeframe && (plus_or_range || floor || experience)
}

// ============================================================== walker

/// The sub-heading or lead-in the items being read sit under.
#[derive(Debug, Default)]
struct Group {
    name: Option<String>,
    /// Each item under it is an alternative ("any of the following:").
    any: bool,
    /// It came from a lead-in line (a blank line closes it).
    lead: bool,
}

/// Reads the pieces in order, keeping the section, the group and the
/// shape of the list being read.
struct Walker<'a> {
    pieces: &'a [Piece],
    out: Segmented,
    section: SectionKind,
    /// The section's list is over (prose followed it).
    ended: bool,
    group: Group,
    bullets_in_section: usize,
    items_in_group: usize,
    labels_in_group: usize,
    last_was_heading: bool,
    /// Index of the last item, while a next line may continue it.
    open: Option<usize>,
    seen: HashSet<String>,
}

impl<'a> Walker<'a> {
    fn new(pieces: &'a [Piece]) -> Self {
        Walker {
            pieces,
            out: Segmented::default(),
            section: SectionKind::General,
            ended: false,
            group: Group::default(),
            bullets_in_section: 0,
            items_in_group: 0,
            labels_in_group: 0,
            last_was_heading: false,
            open: None,
            seen: HashSet::new(),
        }
    }

    fn leave(&mut self, p: &Piece, reason: Reason) {
        self.out.left_out.push(LeftOut {
            line: p.line,
            text: p.text.clone(),
            reason,
        });
        self.open = None;
    }

    /// Reads the title (and a salary on its line) from the first piece;
    /// returns the index of the first piece left to read.
    fn take_title(&mut self) -> usize {
        let Some(p) = self.pieces.first() else {
            return 0;
        };
        let text = p.text.trim();
        let spans = money_spans(text);
        let mut rest: String = text.to_string();
        if let Some(&(a, b)) = spans.first() {
            let chars: Vec<char> = text.chars().collect();
            let before: String = chars[..a].iter().collect();
            let after: String = chars[b..].iter().collect();
            if !before.trim().is_empty() && after.trim().is_empty() && title_like(before.trim()) {
                self.out.salary = Some(chars[a..b].iter().collect());
                rest = before.trim().to_string();
            }
        }
        let title = title_from_label(&rest).or_else(|| title_like(&rest).then(|| rest.clone()));
        match title {
            Some(t) if !p.heading || classify_heading(&t).is_none() => {
                self.out.title = Some(t);
                self.leave(p, Reason::Title);
                1
            }
            _ => 0,
        }
    }

    fn next_is_bullet(&self, i: usize) -> bool {
        self.pieces
            .get(i + 1)
            .is_some_and(|n| split_bullet(&n.text).0)
    }

    /// Reads piece `i`.
    fn step(&mut self, i: usize) {
        let p = &self.pieces[i];
        if p.blank_before {
            self.open = None;
            if self.group.lead && self.items_in_group > 0 {
                self.set_group(None, false, false);
            }
        }
        if let Some(reason) = noise_reason(&p.text) {
            if reason == Reason::Salary && self.out.salary.is_none() {
                self.out.salary = salary_of(&p.text);
            }
            // "工作地点：" / "Location:" heads a location section: what
            // follows is where the job is, no item.
            if reason == Reason::Location && p.text.trim_end().ends_with([':', '：']) {
                self.section = SectionKind::Other(OtherKind::Location);
                self.ended = false;
                self.set_group(None, false, false);
            }
            return self.leave(p, reason);
        }
        let (bulleted, body) = split_bullet(&p.text);
        if body.is_empty() {
            return self.leave(p, Reason::BlankBullet);
        }
        let cjk_marker = p
            .text
            .trim_start()
            .starts_with(|c: char| CN_DIGITS.contains(c));
        let numbered_head = bulleted
            && !p
                .text
                .trim_start()
                .starts_with(|c: char| "-*•·●".contains(c))
            && body.chars().count() <= 12
            && (body.ends_with([':', '：']) || cjk_marker)
            && heading_shape(body)
            && classify_heading(body).is_some();
        let shaped =
            p.heading || whole_bracket(body) || numbered_head || (!bulleted && heading_shape(body));
        let known = p.heading || classify_heading(body).is_some();
        if shaped && (known || (!self.continues(p, bulleted) && !self.in_short_run(i))) {
            return self.on_heading(p, body);
        }
        if self.continues(p, bulleted) {
            return self.join(p);
        }
        if bulleted && self.bullet_subheading(i, body) {
            self.set_group(Some(body.to_string()), any_of_lead(body), false);
            return self.leave(p, Reason::SubHeading);
        }
        if body.ends_with([':', '：']) {
            self.set_group(
                Some(body.trim_end_matches([':', '：']).to_string()),
                any_of_lead(body),
                true,
            );
            self.last_was_heading = true;
            return self.leave(p, Reason::LeadIn);
        }
        self.on_item(i, bulleted, body);
    }

    fn set_group(&mut self, name: Option<String>, any: bool, lead: bool) {
        self.group = Group { name, any, lead };
        self.items_in_group = 0;
        self.labels_in_group = 0;
    }

    /// Whether piece `i` stands in a run of short plain lines (a list
    /// written without bullets: "Python / SQL / Docker"), so it is no heading.
    fn in_short_run(&self, i: usize) -> bool {
        let short = |p: &Piece| {
            let (bulleted, body) = split_bullet(&p.text);
            !bulleted
                && !p.heading
                && !ends_sentence(body)
                && !is_label_shape(body)
                && body.split_whitespace().count() <= 8
                && classify_heading(body).is_none()
        };
        let here = &self.pieces[i];
        let prev = i
            .checked_sub(1)
            .and_then(|j| self.pieces.get(j))
            .is_some_and(|p| !here.blank_before && short(p));
        let next = self
            .pieces
            .get(i + 1)
            .is_some_and(|n| !n.blank_before && short(n));
        prev || next
    }

    /// Whether piece `p` goes on the item before it (a line the ad broke).
    fn continues(&self, p: &Piece, bulleted: bool) -> bool {
        let Some(idx) = self.open else { return false };
        if bulleted || !p.fresh || p.blank_before || p.heading {
            return false;
        }
        let prev = &self.out.items[idx].text;
        let Some(first) = p.text.chars().next() else {
            return false;
        };
        // A Chinese line goes on the one before only when it finishes a
        // clause itself: short unpunctuated Chinese lines are a list
        // written without bullets, one item a line.
        let finishes = ends_sentence(&p.text) || p.text.trim_end().ends_with(['，', '、', ',']);
        !ends_sentence(prev)
            && (first.is_lowercase()
                || (is_cjk(first) && finishes)
                || prev.ends_with(['、', ',', '，', '/', '(', '&', '+', '-']))
    }

    fn join(&mut self, p: &Piece) {
        let Some(idx) = self.open else { return };
        let item = &mut self.out.items[idx];
        let cjk_edge = item.text.chars().last().is_some_and(is_cjk)
            || p.text.chars().next().is_some_and(is_cjk);
        let mut text = item.text.clone();
        if !cjk_edge {
            text.push(' ');
        }
        text.push_str(p.text.trim());
        let kind = item.kind;
        let pref =
            item.preferred && !self_preferred(&item.text) || self.section == SectionKind::Preferred;
        let group = item.group.clone();
        let any = self.group.any;
        let line = item.line;
        *item = make_item(&text, kind, pref, group, any, line);
    }

    /// A short title-case bullet over `Label: text` bullets: a sub-heading
    /// written as a bullet.
    fn bullet_subheading(&self, i: usize, body: &str) -> bool {
        let next_label = self
            .pieces
            .get(i + 1)
            .is_some_and(|n| split_bullet(&n.text).0 && is_label_shape(split_bullet(&n.text).1));
        let words = body.split_whitespace().count();
        next_label
            && (2..=6).contains(&words)
            && !ends_sentence(body)
            && !body.contains([':', '：', ','])
            && title_case(body)
    }

    fn on_heading(&mut self, p: &Piece, body: &str) {
        let class = classify_heading(body).or_else(|| {
            body.trim_end()
                .ends_with(['?', '？'])
                .then_some(SectionKind::Other(OtherKind::Unknown))
        });
        let inside = self.section.holds_items() && !self.ended;
        let sub = match class {
            None => inside,
            Some(k) => inside && k == self.section,
        };
        if sub {
            self.set_group(Some(heading_key(body)), any_of_lead(body), false);
            self.last_was_heading = true;
            return self.leave(p, Reason::SubHeading);
        }
        self.section = class.unwrap_or(SectionKind::General);
        self.ended = false;
        self.bullets_in_section = 0;
        self.set_group(None, false, false);
        self.last_was_heading = true;
        self.leave(p, Reason::Heading);
    }

    fn on_item(&mut self, i: usize, bulleted: bool, body: &str) {
        let p = &self.pieces[i];
        let kind = match self.section {
            SectionKind::Other(k) => return self.leave(p, Reason::Section(k)),
            _ if self.ended => return self.leave(p, Reason::ProseAfterList),
            SectionKind::General => match general_kind(body, bulleted) {
                Ok(k) => k,
                Err(r) => return self.leave(p, r),
            },
            SectionKind::Responsibilities => ItemKind::Responsibility,
            _ => ItemKind::Requirement,
        };
        if self.section.holds_items()
            && let Some(r) = self.list_shape_reason(i, bulleted, body)
        {
            return self.leave(p, r);
        }
        let key: String = lower(body)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if !self.seen.insert(key) {
            return self.leave(p, Reason::Duplicate);
        }
        let pref = self.section == SectionKind::Preferred;
        let item = make_item(
            body,
            kind,
            pref,
            self.group.name.clone(),
            self.group.any,
            p.line,
        );
        self.out.items.push(item);
        self.open = Some(self.out.items.len() - 1);
        self.items_in_group += 1;
        self.labels_in_group += usize::from(is_label_shape(body));
        self.bullets_in_section += usize::from(bulleted);
        self.last_was_heading = false;
    }

    /// In a duties or requirements section: why a piece that does not fit
    /// the shape of the list is no item (prose after a list, a lead-in
    /// sentence, a paragraph).
    fn list_shape_reason(&mut self, i: usize, bulleted: bool, body: &str) -> Option<Reason> {
        if has_any(&lower(body), POLICY) {
            return Some(Reason::Blurb);
        }
        if bulleted {
            return None;
        }
        let p = &self.pieces[i];
        let label = is_label_shape(body);
        let after_list = self.bullets_in_section > 0 && !self.last_was_heading;
        if p.blank_before && (after_list || (self.labels_in_group >= 2 && !label)) {
            self.ended = true;
            return Some(Reason::ProseAfterList);
        }
        if after_list && !body.starts_with(['(', '（']) && !req_cue(body) {
            return Some(Reason::Blurb);
        }
        if !label
            && self.bullets_in_section == 0
            && self.next_is_bullet(i)
            && !self.pieces[i + 1].blank_before.eq(&false)
        {
            return Some(Reason::LeadIn);
        }
        let req_ok = self.section != SectionKind::Responsibilities && req_cue(body);
        if !label && sentence_count(body) >= 2 && !req_ok {
            return Some(Reason::Blurb);
        }
        location_statement(&lower(body)).then_some(Reason::Location)
    }
}

/// The title a first line gives: a short line, no sentence, no heading word.
fn title_like(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (2..=80).contains(&n)
        && t.split_whitespace().count() <= 12
        && !ends_sentence(t)
        && !split_bullet(t).0
        && !is_label_shape(t)
        && (classify_heading(t).is_none() || names_a_job(t))
        && money_spans(t).is_empty()
}

/// A line that names a job ("AI Engineer, Applied LLM Team"), so a heading
/// word in it ("team") does not make it a heading; "About X" never is one.
fn names_a_job(t: &str) -> bool {
    const JOBS: &[&str] = &[
        "engineer",
        "developer",
        "scientist",
        "architect",
        "researcher",
        "工程师",
        "专家",
        "研究员",
        "架构师",
    ];
    let l = lower(t);
    !l.starts_with("about") && !l.starts_with("关于") && JOBS.iter().any(|w| l.contains(w))
}

/// "Job Title: X", "Project Role : X", "职位：X".
fn title_from_label(text: &str) -> Option<String> {
    let pos = text.find([':', '：'])?;
    let label = lower(&text[..pos]);
    let value = text[pos..].trim_start_matches([':', '：']).trim();
    let says = ["title", "role", "position", "职位", "岗位名称"]
        .iter()
        .any(|w| label.contains(w));
    (says
        && label.split_whitespace().count() <= 3
        && !value.is_empty()
        && value.chars().count() <= 80)
        .then(|| value.to_string())
}

/// A statement of the hiring process, not a requirement.
const POLICY: &[&str] = &[
    "will be considered as",
    "will be treated as",
    "将被视为",
    "将视为",
];

/// A line about the employer or its process, not the job: "We …", "Our
/// team …", "我们的团队…", "… will be considered as …".
fn about_us(body: &str) -> bool {
    const STARTS: &[&str] = &["we ", "we're", "our ", "我们", "公司", "本公司", "团队"];
    let l = lower(body);
    STARTS.iter().any(|w| l.starts_with(w)) || POLICY.iter().any(|w| l.contains(w))
}

/// An item's class where the section does not say: its own wording.
fn general_kind(body: &str, bulleted: bool) -> Result<ItemKind, Reason> {
    if about_us(body) {
        return Err(Reason::Blurb);
    }
    let single = sentence_count(body) == 1 && body.chars().count() <= 250;
    if single && strong_req(body) {
        return Ok(ItemKind::Requirement);
    }
    if !bulleted {
        return Err(Reason::Blurb);
    }
    if req_cue(body) {
        Ok(ItemKind::Requirement)
    } else if duty_start(body) {
        Ok(ItemKind::Responsibility)
    } else {
        Err(Reason::Blurb)
    }
}

/// An item with its flags worked out from its text.
fn make_item(
    text: &str,
    kind: ItemKind,
    section_pref: bool,
    group: Option<String>,
    group_any: bool,
    line: usize,
) -> Item {
    let text = text.trim().to_string();
    let req = kind == ItemKind::Requirement;
    let years = if req { min_years(&text) } else { Vec::new() };
    Item {
        preferred: req && (section_pref || self_preferred(&text)),
        any_of: group_any || any_of_text(&text),
        no_skill: if req { no_skill(&text, &years) } else { None },
        min_years: years,
        kind,
        group,
        line,
        text,
    }
}

// ============================================================== tests

#[cfg(test)]
mod tests {
    use super::*;

    fn reqs(s: &Segmented) -> Vec<&str> {
        s.requirements().map(|i| i.text.as_str()).collect()
    }
    fn duties(s: &Segmented) -> Vec<&str> {
        s.responsibilities().map(|i| i.text.as_str()).collect()
    }

    #[test]
    fn years() {
        assert_eq!(min_years("5+ years of Rust"), vec![5]);
        assert_eq!(min_years("3-4 years of experience in data work"), vec![3]);
        assert_eq!(min_years("5 年以上后端开发经验"), vec![5]);
        assert_eq!(min_years("至少10年相关经验"), vec![10]);
        assert_eq!(min_years("具备至少8年以及上相关经验"), vec![8]);
        assert_eq!(
            min_years("6+ years in backend work; 2+ years with Kafka"),
            vec![6, 2]
        );
        assert_eq!(
            min_years("Minimum 2 year(s) of experience is required"),
            vec![2]
        );
        assert!(min_years("We aren't looking for 12 years of enterprise experience.").is_empty());
        assert!(min_years("级别：1-10年均可").is_empty());
        assert!(min_years("A 15 years full time education is required.").is_empty());
        assert!(min_years("at least 60 years of experience").is_empty());
        assert!(min_years("公司成立于2005年").is_empty());
        assert!(min_years("grew to 300 staff in just four years").is_empty());
    }

    #[test]
    fn preferred_marking() {
        assert!(self_preferred("Bonus: shipped a mobile app"));
        assert!(self_preferred("Knowledge of Go or Rust is a plus"));
        assert!(self_preferred("Cloud certificate (optional)"));
        assert!(self_preferred("有推荐系统经验者优先"));
        assert!(self_preferred("优先考虑能尽快入职的同学"));
        assert!(!self_preferred("BSc in Physics; a PhD is a plus"));
        assert!(!self_preferred("熟悉Go语言，有分布式系统经验者优先"));
        assert!(self_preferred("发表过顶会论文者，或有竞赛获奖经历者优先"));
    }

    #[test]
    fn english_headings_and_bullets() {
        let ad = "Data Engineer\n\nAbout Acme\nWe make rockets. We like them.\n\n\
                  What you'll do:\n• Build pipelines in Spark\n• Own the dashboards\n\n\
                  You might be a great fit if you:\n• Have 4+ years of SQL\n• Write clear docs\n\n\
                  Bonus points\n• Kafka\n\nPerks\n• Free lunch\n";
        let s = segment(ad);
        assert_eq!(s.title.as_deref(), Some("Data Engineer"));
        assert_eq!(
            duties(&s),
            ["Build pipelines in Spark", "Own the dashboards"]
        );
        assert_eq!(
            reqs(&s),
            ["Have 4+ years of SQL", "Write clear docs", "Kafka"]
        );
        let r: Vec<&Item> = s.requirements().collect();
        assert_eq!(r[0].min_years, vec![4]);
        assert!(r[2].preferred && !r[0].preferred);
        assert!(
            s.left_out
                .iter()
                .any(|l| l.text == "• Free lunch"
                    && l.reason == Reason::Section(OtherKind::Benefits))
        );
        assert!(
            s.left_out
                .iter()
                .any(|l| l.reason == Reason::Section(OtherKind::About))
        );
    }

    #[test]
    fn about_heading_is_no_title_and_salary_kept_apart() {
        let s = segment(
            "About Bolt\nBolt sells bikes.\n\nRequirements\n- 2+ years of Python\n\nPay: $120k–$160k\n",
        );
        assert_eq!(s.title, None);
        assert_eq!(s.salary.as_deref(), Some("$120k–$160k"));
        assert_eq!(reqs(&s), ["2+ years of Python"]);
        let s = segment("数据工程师  30-45K·14薪\n任职要求：\n1、熟悉SQL\n");
        assert_eq!(s.title.as_deref(), Some("数据工程师"));
        assert_eq!(s.salary.as_deref(), Some("30-45K·14薪"));
        assert_eq!(reqs(&s), ["熟悉SQL"]);
    }

    #[test]
    fn markdown_and_bold_headings() {
        let s = segment(
            "## Your tasks\n- Tune the search ranker\n\n**Must haves**\n- Go\n- Postgres\n",
        );
        assert_eq!(duties(&s), ["Tune the search ranker"]);
        assert_eq!(reqs(&s), ["Go", "Postgres"]);
    }

    #[test]
    fn sub_headings_group_and_do_not_end_the_section() {
        let s = segment(
            "REQUIREMENTS\n\nEducation\n\nBSc in Maths or similar\n\nSkills & Tools\n\n- Solid Java\n- Docker\n",
        );
        assert_eq!(
            reqs(&s),
            ["BSc in Maths or similar", "Solid Java", "Docker"]
        );
        let r: Vec<&Item> = s.requirements().collect();
        assert_eq!(r[0].group.as_deref(), Some("education"));
        assert_eq!(r[0].no_skill, Some(NoSkill::Degree));
        assert!(
            s.left_out
                .iter()
                .any(|l| l.text == "Education" && l.reason == Reason::SubHeading)
        );
    }

    #[test]
    fn any_of_lead_in() {
        let s = segment(
            "Who you are\n• You know one of these:\n• Swift\n• Kotlin\n\n• You write tests\n",
        );
        let r: Vec<&Item> = s.requirements().collect();
        assert_eq!(r.len(), 3);
        assert!(r[0].any_of && r[1].any_of && !r[2].any_of);
        assert!(any_of_text("Python, Go, or Java"));
        assert!(any_of_text("熟悉至少一种深度学习框架"));
    }

    #[test]
    fn run_on_english() {
        let s = segment(
            "Intro text about us that goes on. Key Responsibilities Ship the web app.\nFix bugs fast.\nRequired Experience Deep React knowledge.\n2+ years of TypeScript. Nice to Have Rust exposure.\n",
        );
        assert_eq!(duties(&s), ["Ship the web app.", "Fix bugs fast."]);
        assert_eq!(
            reqs(&s),
            [
                "Deep React knowledge.",
                "2+ years of TypeScript.",
                "Rust exposure."
            ]
        );
        assert!(s.requirements().last().is_some_and(|i| i.preferred));
    }

    #[test]
    fn inline_bullets_and_headings() {
        let s = segment(
            "Role Summary We need a tester. Job Duties • Write test plans • Run the suite. Job Qualifications: • 3+ years of QA • Selenium\n",
        );
        assert_eq!(duties(&s), ["Write test plans", "Run the suite."]);
        assert_eq!(reqs(&s), ["3+ years of QA", "Selenium"]);
    }

    #[test]
    fn chinese_run_on() {
        let ad = "算法工程师\n1、团队氛围好。2、发展快工作职责：1、负责召回模型；2、负责排序优化。任职要求：1、3年以上推荐经验；2、熟悉Python优先3、有Spark经验者优先\n";
        let s = segment(ad);
        assert_eq!(duties(&s), ["负责召回模型；", "负责排序优化。"]);
        assert_eq!(
            reqs(&s),
            ["3年以上推荐经验；", "熟悉Python优先", "有Spark经验者优先"]
        );
        let r: Vec<&Item> = s.requirements().collect();
        assert_eq!(r[0].min_years, vec![3]);
        assert!(r[2].preferred);
    }

    #[test]
    fn chinese_numbered_sections_and_brackets() {
        let ad = "一、岗位职责：1、搭建数据平台。二、任职要求：1、本科及以上学历。2、熟悉Flink。【加分项】一、有开源贡献；二、英文流利。";
        let s = segment(ad);
        assert_eq!(duties(&s), ["搭建数据平台。"]);
        assert_eq!(
            reqs(&s),
            [
                "本科及以上学历。",
                "熟悉Flink。",
                "有开源贡献；",
                "英文流利。"
            ]
        );
        let r: Vec<&Item> = s.requirements().collect();
        assert!(r[2].preferred && r[3].preferred && !r[0].preferred);
        assert_eq!(r[3].no_skill, Some(NoSkill::Language));
    }

    #[test]
    fn chinese_headings_on_own_lines_and_broken_item() {
        let ad = "职位职责\n1\\. 负责模型训练；\n任职资格\n1\\. 具备至少5  \n年以上相关经验；\n2\\. 熟悉PyTorch。\n\n### 公司介绍\n我们是一家公司。\n";
        let s = segment(ad);
        assert_eq!(duties(&s), ["负责模型训练；"]);
        assert_eq!(reqs(&s), ["具备至少5年以上相关经验；", "熟悉PyTorch。"]);
        assert_eq!(
            s.requirements().next().map(|i| i.min_years.clone()),
            Some(vec![5])
        );
    }

    #[test]
    fn english_run_on_with_inline_english_heading() {
        let s = segment(
            "Must have1. 本科学历；2. 熟悉Java之一3. 有搜索经验Nice to have1. 有github链接；\n",
        );
        assert_eq!(
            reqs(&s),
            ["本科学历；", "熟悉Java之一", "有搜索经验", "有github链接；"]
        );
        assert!(s.requirements().last().is_some_and(|i| i.preferred));
    }

    #[test]
    fn no_requirements_warns_but_imports() {
        let s = segment("Responsibilities\n- Answer tickets\n");
        assert_eq!(duties(&s), ["Answer tickets"]);
        assert!(s.warnings.contains(&Warning::NoRequirements));
        let s = segment("");
        assert!(s.items.is_empty());
    }

    #[test]
    fn headerless_numbered_list_and_label_paragraphs() {
        let s = segment(
            "Company Description\n\nWe do analytics.\n\nJob Description\n\n1. 4+ years of Python\n2. Familiarity with dbt\n",
        );
        assert_eq!(reqs(&s), ["4+ years of Python", "Familiarity with dbt"]);
        let s = segment(
            "Key Duties\nPlan Sprints: Run the weekly planning.\n\nQualifications\nTooling: Comfort with Jira.\n\nShipping: You ship weekly.\n\nWe are a friendly group of people who value trust.\n",
        );
        assert_eq!(duties(&s), ["Plan Sprints: Run the weekly planning."]);
        assert_eq!(
            reqs(&s),
            ["Tooling: Comfort with Jira.", "Shipping: You ship weekly."]
        );
    }

    #[test]
    fn duplicates_eeo_and_not_required() {
        let s = segment(
            "Skills\n• Deep SQL\n\nQualifications\n• Deep SQL\n\nWhat You Don't Need\n• A degree\n\nWe are an equal opportunity employer.\n",
        );
        assert_eq!(reqs(&s), ["Deep SQL"]);
        assert!(s.left_out.iter().any(|l| l.reason == Reason::Duplicate));
        assert!(
            s.left_out
                .iter()
                .any(|l| l.reason == Reason::Section(OtherKind::NotRequired))
        );
        assert!(s.left_out.iter().any(|l| l.reason == Reason::Eeo));
    }

    #[test]
    fn chinese_dotted_numbers_and_inline_bonus_heading() {
        let s = segment(
            "职位描述\n岗位职责：1.维护网关；2.写文档。任职要求：1.本科；2.4年以上Go经验；3.沟通好。加分项：有K8s经验\n工作地址\n上海市\n",
        );
        assert_eq!(duties(&s), ["维护网关；", "写文档。"]);
        assert_eq!(
            reqs(&s),
            ["本科；", "4年以上Go经验；", "沟通好。", "有K8s经验"]
        );
        let r: Vec<&Item> = s.requirements().collect();
        assert_eq!(r[1].min_years, vec![4]);
        assert!(r[3].preferred && !r[2].preferred);
        assert!(s.left_out.iter().any(|l| l.text == "上海市"));
    }

    #[test]
    fn short_plain_lines_are_items_not_headings() {
        let s = segment("Requirements\nPython\nSQL\nDocker\n\nBenefits\nGym\n");
        assert_eq!(reqs(&s), ["Python", "SQL", "Docker"]);
    }

    #[test]
    fn no_skill_lines() {
        assert_eq!(
            no_skill("Must be authorized to work in the US", &[]),
            Some(NoSkill::WorkAuth)
        );
        assert_eq!(
            no_skill("5+ years of professional experience", &[5]),
            Some(NoSkill::Years)
        );
        assert_eq!(no_skill("能够立即到岗", &[]), Some(NoSkill::Availability));
        assert_eq!(no_skill("5+ years of Kubernetes", &[5]), None);
    }
}
