//! Reads a job ad as people paste it (English or Chinese, any bullets,
//! wrapped lines, company blurb and benefits around it) into a posting: its
//! responsibilities and requirements, each mapped to the skills that cover
//! it and, where it sets one, its experience threshold (`min_years`).
//!
//! The mapping reads the skill data: each skill's tools and `keywords` (any
//! language) are looked for in an item's text, whole words for short Latin
//! terms, through fuzzy-matcher (`search::skim`) with a tight span for
//! longer ones, as plain substrings for Chinese. An item no skill matches is
//! kept, flagged, never dropped.

use serde::Serialize;

use crate::model::Catalog;
use crate::search;

/// Which part of an ad a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before any heading, or under one we do not read (about us, benefits).
    Other,
    Responsibilities,
    Requirements,
    /// "Nice to have" / 加分项: kept as requirements, marked as such.
    NiceToHave,
}

/// One item read from the ad, with what the importer understood of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    /// Skill ids that cover it, in catalog order; empty: not mapped.
    pub skills: Vec<String>,
    pub min_years: Option<u32>,
    /// Came from a "nice to have" section.
    pub nice_to_have: bool,
}

/// An ad split into its items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The ad's first line when it reads as a job title (short, before any heading).
    pub title: Option<String>,
    pub responsibilities: Vec<Item>,
    pub requirements: Vec<Item>,
    /// Non-blank lines outside the sections read (blurb, benefits, ...).
    pub skipped_lines: usize,
}

/// Headings, lower-cased, without punctuation, and the section each opens.
const HEADINGS: &[(&str, Section)] = &[
    ("responsibilities", Section::Responsibilities),
    ("key responsibilities", Section::Responsibilities),
    ("your responsibilities", Section::Responsibilities),
    ("what you'll do", Section::Responsibilities),
    ("what you will do", Section::Responsibilities),
    ("what you’ll do", Section::Responsibilities),
    ("in this role you will", Section::Responsibilities),
    ("the role", Section::Responsibilities),
    ("your role", Section::Responsibilities),
    ("duties", Section::Responsibilities),
    ("your mission", Section::Responsibilities),
    ("岗位职责", Section::Responsibilities),
    ("职责描述", Section::Responsibilities),
    ("工作职责", Section::Responsibilities),
    ("工作内容", Section::Responsibilities),
    ("岗位描述", Section::Responsibilities),
    ("职位描述", Section::Responsibilities),
    ("你将负责", Section::Responsibilities),
    ("requirements", Section::Requirements),
    ("qualifications", Section::Requirements),
    ("minimum qualifications", Section::Requirements),
    ("basic qualifications", Section::Requirements),
    ("what you'll bring", Section::Requirements),
    ("what you will bring", Section::Requirements),
    ("what you’ll bring", Section::Requirements),
    ("what we're looking for", Section::Requirements),
    ("what we are looking for", Section::Requirements),
    ("what we’re looking for", Section::Requirements),
    ("who you are", Section::Requirements),
    ("about you", Section::Requirements),
    ("you have", Section::Requirements),
    ("must have", Section::Requirements),
    ("must haves", Section::Requirements),
    ("skills", Section::Requirements),
    ("任职要求", Section::Requirements),
    ("技能要求", Section::Requirements),
    ("岗位要求", Section::Requirements),
    ("任职资格", Section::Requirements),
    ("职位要求", Section::Requirements),
    ("我们希望你", Section::Requirements),
    ("nice to have", Section::NiceToHave),
    ("nice to haves", Section::NiceToHave),
    ("nice-to-have", Section::NiceToHave),
    ("bonus points", Section::NiceToHave),
    ("bonus", Section::NiceToHave),
    ("preferred qualifications", Section::NiceToHave),
    ("pluses", Section::NiceToHave),
    ("加分项", Section::NiceToHave),
    ("加分", Section::NiceToHave),
    ("优先条件", Section::NiceToHave),
    ("about us", Section::Other),
    ("about the company", Section::Other),
    ("who we are", Section::Other),
    ("benefits", Section::Other),
    ("perks", Section::Other),
    ("perks & benefits", Section::Other),
    ("what we offer", Section::Other),
    ("why join us", Section::Other),
    ("how to apply", Section::Other),
    ("equal opportunity", Section::Other),
    ("公司介绍", Section::Other),
    ("关于我们", Section::Other),
    ("福利待遇", Section::Other),
    ("薪资福利", Section::Other),
    ("我们提供", Section::Other),
    ("工作地点", Section::Other),
];

/// A line's text for heading detection: lower case, without markup
/// (`#`, `*`, `【】`), a leading "一、" or "1." and the trailing colon.
fn heading_key(line: &str) -> String {
    let mut s = line.trim().to_lowercase();
    s = s
        .trim_matches(|c: char| "#*_=【】[]「」<>".contains(c) || c.is_whitespace())
        .to_string();
    let (_, rest) = split_bullet(&s);
    s = rest.to_string();
    s.trim_end_matches(|c: char| ":：.。!！ ".contains(c) || c.is_whitespace())
        .trim()
        .to_string()
}

/// The section a heading line opens, and any text after its colon
/// ("岗位职责：负责…").
fn heading(line: &str) -> Option<(Section, Option<String>)> {
    let key = heading_key(line);
    if key.is_empty() || key.chars().count() > 40 {
        return None;
    }
    if let Some(&(_, sec)) = HEADINGS.iter().find(|(h, _)| *h == key) {
        return Some((sec, None));
    }
    // "Requirements: 5+ years ..." or "任职要求：…" on one line.
    let lower = line.trim().to_lowercase();
    for &(h, sec) in HEADINGS {
        let rest = lower
            .trim_start_matches(|c: char| "#*【[ ".contains(c))
            .strip_prefix(h)
            .map(|r| r.trim_start_matches(|c: char| "】]* ".contains(c)));
        if let Some(rest) = rest
            && let Some(after) = rest.strip_prefix([':', '：'])
            && !after.trim().is_empty()
        {
            // Take the original case from the end of the line.
            let n = after.trim().chars().count();
            let orig: String = line.trim().chars().rev().take(n).collect();
            return Some((sec, Some(orig.chars().rev().collect())));
        }
    }
    // Long English headings that start a known one: "Requirements (must have)".
    let stem = key
        .split(['(', '（'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    HEADINGS
        .iter()
        .find(|(h, _)| *h == stem)
        .map(|&(_, s)| (s, None))
}

const CN_DIGITS: &str = "一二三四五六七八九十";
const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/// Splits a leading bullet off `line`: `-`, `*`, `•`, `·`, `1.`, `1)`,
/// `1、`, `（1）`, `(a)`, `①`, `一、`. Returns whether there was one, and the rest.
pub fn split_bullet(line: &str) -> (bool, &str) {
    let s = line.trim_start();
    let mut chars = s.char_indices();
    let Some((_, first)) = chars.next() else {
        return (false, s);
    };
    if "-*•·●○▪◦–—+►▶✓✔□■◆◇>".contains(first) || CIRCLED.contains(first)
    {
        let rest = &s[first.len_utf8()..];
        // "-5 years" is not a bullet; "- 5 years" is.
        if first == '-' && rest.starts_with(|c: char| c.is_ascii_digit()) {
            return (false, s);
        }
        return (true, rest.trim_start());
    }
    // (1) （1） (a)
    if first == '(' || first == '（' {
        let inner = &s[first.len_utf8()..];
        if let Some(end) = inner.find([')', '）']) {
            let label = &inner[..end];
            let short = label.chars().count() <= 3;
            let numeric = label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || CN_DIGITS.contains(c));
            if short && numeric && !label.is_empty() {
                let close = inner[end..].chars().next().map_or(1, char::len_utf8);
                return (true, inner[end + close..].trim_start());
            }
        }
        return (false, s);
    }
    // 1. 1) 1、 1． 一、
    let digits: usize = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || CN_DIGITS.contains(*c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 && digits <= 6 {
        let rest = &s[digits..];
        if let Some(c) = rest.chars().next()
            && (".)、．:：".contains(c))
        {
            let after = &rest[c.len_utf8()..];
            // "3.5 years" is a number, not a bullet.
            if c == '.' && after.starts_with(|c: char| c.is_ascii_digit()) {
                return (false, s);
            }
            return (true, after.trim_start());
        }
    }
    (false, s)
}

/// Whether a line ends a sentence (so the next one does not continue it).
fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', ';', ':', '!', '?', '。', '；', '！', '？', '：'])
}

/// Joins a wrapped line onto the text before it: a space between Latin
/// words, nothing between Chinese characters.
fn join(prev: &mut String, next: &str) {
    let cjk_edge =
        prev.chars().last().is_some_and(is_cjk) || next.chars().next().is_some_and(is_cjk);
    if !cjk_edge {
        prev.push(' ');
    }
    prev.push_str(next);
}

fn is_cjk(c: char) -> bool {
    crate::text::has_han(c.encode_utf8(&mut [0; 4])) || ('\u{3000}'..='\u{303F}').contains(&c)
}

/// Lines an ad closes with that are never an item: equal opportunity,
/// how to apply.
fn is_noise(line: &str) -> bool {
    let l = line.to_lowercase();
    [
        "equal opportunity",
        "equal-opportunity",
        "we welcome applicants",
        "to apply",
        "apply now",
        "平等",
        "简历投递",
        "投递简历",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// A title line without markdown: `# Title`, `**Title**`, `【Title】`.
fn bare_title(line: &str) -> String {
    line.trim_matches(|c: char| "#*_【】[]".contains(c) || c.is_whitespace())
        .to_string()
}

/// Splits an ad into its sections' items (not yet mapped to skills).
pub fn split(ad: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut section = Section::Other;
    let mut seen_heading = false;
    // The item being read: its section and text, and whether the line
    // before was blank.
    let mut current: Option<(Section, String)> = None;
    let mut blank_before = true;
    // Whether the current section uses bullets at all.
    let mut section_bullets = false;
    let lines: Vec<&str> = ad.lines().collect();
    let flush = |current: &mut Option<(Section, String)>, out: &mut Parsed| {
        if let Some((sec, text)) = current.take() {
            let text = text.trim().to_string();
            if text.is_empty() {
                return;
            }
            let item = Item {
                text,
                skills: Vec::new(),
                min_years: None,
                nice_to_have: sec == Section::NiceToHave,
            };
            match sec {
                Section::Responsibilities => out.responsibilities.push(item),
                Section::Requirements | Section::NiceToHave => out.requirements.push(item),
                Section::Other => {}
            }
        }
    };
    for (n, raw) in lines.iter().enumerate() {
        let line = crate::text::sanitize(raw.trim());
        let line = line.trim();
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        if let Some((sec, rest)) = heading(line) {
            flush(&mut current, &mut out);
            section = sec;
            seen_heading = true;
            section_bullets = lines[n + 1..]
                .iter()
                .take_while(|l| heading(l).is_none())
                .any(|l| split_bullet(l).0);
            if let Some(rest) = rest
                && sec != Section::Other
            {
                current = Some((sec, split_bullet(&rest).1.to_string()));
            }
            blank_before = false;
            continue;
        }
        if section == Section::Other {
            if !seen_heading && out.title.is_none() && out.skipped_lines == 0 {
                let short = line.chars().count() <= 60 && !ends_sentence(line);
                if short {
                    out.title = Some(bare_title(line));
                }
            }
            out.skipped_lines += 1;
            blank_before = false;
            continue;
        }
        let (bullet, text) = split_bullet(line);
        let had_items = current.is_some();
        // The usual closing lines, wherever they stand.
        if is_noise(line)
            // "You will:" introducing a list.
            || (section_bullets && !bullet && !had_items && text.ends_with([':', '：']))
        {
            out.skipped_lines += 1;
            blank_before = false;
            continue;
        }
        // Prose after a blank line that ends a bulleted list: the ad has
        // moved on (a closing paragraph under the last heading).
        if section_bullets && !bullet && had_items && blank_before {
            flush(&mut current, &mut out);
            section = Section::Other;
            out.skipped_lines += 1;
            blank_before = false;
            continue;
        }
        let continues = match &current {
            None => false,
            Some(_) if bullet => false,
            Some(_) if section_bullets => !blank_before,
            // No bullets in this section: one item a line, unless the line
            // before stopped mid-sentence and this one goes on in lower case.
            Some((_, prev)) => {
                !blank_before
                    && !ends_sentence(prev)
                    && text.starts_with(|c: char| c.is_ascii_lowercase())
            }
        };
        if continues {
            if let Some((_, prev)) = current.as_mut() {
                join(prev, text);
            }
        } else {
            flush(&mut current, &mut out);
            current = Some((section, text.to_string()));
        }
        blank_before = false;
    }
    flush(&mut current, &mut out);
    out
}

/// Numbers written as words, English and Chinese.
fn number_word(w: &str) -> Option<u32> {
    const EN: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    if let Some(i) = EN.iter().position(|x| *x == w) {
        return Some(i as u32 + 1);
    }
    let zh: Vec<char> = w.chars().collect();
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    match zh.as_slice() {
        ['两'] => Some(2),
        ['十'] => Some(10),
        [c] => digit(*c),
        ['十', c] => digit(*c).map(|d| 10 + d),
        [c, '十'] => digit(*c).map(|d| d * 10),
        _ => None,
    }
}

/// The experience threshold an item sets, if any: "5+ years", "at least 3
/// years", "minimum of 4 years", "3-5 years of", "five years of",
/// "3 年以上", "三年以上", "至少 3 年", "3-5 年".
pub fn min_years(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // A number: digits, a Chinese numeral or an English word.
        let start = i;
        let (value, end) = if chars[i].is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let v: String = chars[i..j].iter().collect();
            (v.parse::<u32>().ok(), j)
        } else if "一二两三四五六七八九十".contains(chars[i]) {
            let mut j = i;
            while j < chars.len() && "一二两三四五六七八九十".contains(chars[j]) {
                j += 1;
            }
            let v: String = chars[i..j].iter().collect();
            (number_word(&v), j)
        } else if chars[i].is_ascii_alphabetic() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_alphabetic() {
                j += 1;
            }
            let v: String = chars[i..j].iter().collect();
            (number_word(&v), j)
        } else {
            (None, i + 1)
        };
        i = end.max(start + 1);
        let Some(n) = value.filter(|&n| (1..=40).contains(&n)) else {
            continue;
        };
        // What follows: "+", a range "-5", "or more", then the unit.
        let rest: String = chars[end..].iter().collect();
        let mut r = rest.trim_start();
        r = r.strip_prefix('+').unwrap_or(r).trim_start();
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
        let english_unit = ["years", "year", "yrs", "yr"]
            .iter()
            .find(|u| r.starts_with(*u));
        if let Some(u) = english_unit {
            let tail = r[u.len()..]
                .trim_start_matches(['+', '\'', '’'])
                .trim_start();
            let plus = rest.trim_start().starts_with('+') || r[u.len()..].starts_with('+');
            let floor = [
                "at least",
                "minimum of",
                "minimum",
                "min.",
                "over",
                "more than",
            ]
            .iter()
            .any(|w| before.ends_with(w));
            let experience = tail.starts_with("of")
                || tail.starts_with("experience")
                || tail.starts_with("in ")
                || tail.starts_with("building")
                || tail.starts_with("working")
                || tail.starts_with("professional")
                || tail.starts_with("hands-on")
                || tail.starts_with("industry");
            let timeframe =
                before.ends_with("last") || before.ends_with("within") || before.ends_with("past");
            if !timeframe && (plus || floor || experience || ranged) {
                return Some(n);
            }
            continue;
        }
        if let Some(after) = r.strip_prefix('年') {
            let after = after.trim_start();
            let floor = before.ends_with("至少")
                || before.ends_with("不少于")
                || before.ends_with("不低于");
            if after.starts_with("以上")
                || after.starts_with("及以上")
                || after.starts_with('+')
                || after.starts_with("或以上")
                || floor
                || ranged
                || after.starts_with("经验")
                || after.starts_with("的")
                || after.starts_with("相关")
                || after.starts_with("工作")
                || after.starts_with("开发")
                || after.starts_with("从业")
            {
                return Some(n);
            }
        }
    }
    None
}

/// A term to look for in an item's text, and the skill it points at.
struct Term {
    lower: String,
    skill: usize,
    /// Holds a Chinese character: matched as a plain substring.
    han: bool,
}

/// Every skill's tools and keywords as terms, longest first.
fn terms(c: &Catalog) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for (i, s) in c.skills.iter().enumerate() {
        for t in s.tools.iter().chain(&s.keywords) {
            let lower = t.to_lowercase();
            if lower.trim().is_empty() {
                continue;
            }
            out.push(Term {
                han: crate::text::has_han(&lower),
                lower,
                skill: i,
            });
        }
    }
    // Longest first; the same term of several skills side by side.
    out.sort_by(|a, b| {
        (b.lower.chars().count(), &a.lower).cmp(&(a.lower.chars().count(), &b.lower))
    });
    out
}

/// The byte span of `term` standing in `text` (both lower case) as a whole
/// word, from `from` on. A plural or possessive "s" still counts ("LLMs").
fn find_word(text: &str, term: &str, from: usize) -> Option<(usize, usize)> {
    let word = |c: char| c.is_ascii_alphanumeric();
    let mut from = from;
    while let Some(rel) = text.get(from..)?.find(term) {
        let at = from + rel;
        let end = at + term.len();
        let before = text[..at].chars().next_back();
        let (after_ok, end) = match text[end..].chars().next() {
            Some('s') if !text[end + 1..].chars().next().is_some_and(word) => (true, end + 1),
            Some(c) => (!word(c), end),
            None => (true, end),
        };
        if !before.is_some_and(word) && after_ok {
            return Some((at, end));
        }
        from = at + term.len().max(1);
    }
    None
}

/// Blanks `text[a..b]` out (spaces, same length): a longer term that
/// matched there keeps a shorter one from matching inside it ("vector
/// database" is not also "database").
fn mask(text: &mut String, a: usize, b: usize) {
    text.replace_range(a..b, &" ".repeat(b - a));
}

/// Whether a Latin term of five or more letters is in `text` as fuzzy-matcher
/// finds it with its characters close together (at most two extra between
/// first and last): "Postgre SQL", "Lang-Chain", "vector-database".
fn fuzzy_word(text: &str, term: &str) -> bool {
    let n = term.chars().count();
    if n < 5 {
        return false;
    }
    let Some((_, pos)) = search::skim(text, term, true) else {
        return false;
    };
    let (Some(first), Some(last)) = (pos.first(), pos.last()) else {
        return false;
    };
    let chars: Vec<char> = text.chars().collect();
    let word = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    last - first < n + 2 && !(*first > 0 && word(first - 1))
}

/// The skills an item's text names, in catalog order.
pub fn map_skills(c: &Catalog, text: &str) -> Vec<usize> {
    map_with(&terms(c), c.skills.len(), text)
}

fn map_with(terms: &[Term], skills: usize, text: &str) -> Vec<usize> {
    let mut lower = text.to_lowercase();
    let mut hit = vec![false; skills];
    for (i, t) in terms.iter().enumerate() {
        // A term several skills share is looked for once, by its first copy.
        if i > 0 && terms[i - 1].lower == t.lower {
            continue;
        }
        let mut spans = Vec::new();
        let mut from = 0;
        loop {
            let found = if t.han {
                lower
                    .get(from..)
                    .and_then(|r| r.find(&t.lower))
                    .map(|i| (from + i, from + i + t.lower.len()))
            } else {
                find_word(&lower, &t.lower, from)
            };
            let Some((a, b)) = found else { break };
            spans.push((a, b));
            from = b;
        }
        let fuzzy = spans.is_empty() && !t.han && fuzzy_word(&lower, &t.lower);
        for (a, b) in &spans {
            mask(&mut lower, *a, *b);
        }
        if !spans.is_empty() || fuzzy {
            for same in terms[i..].iter().take_while(|x| x.lower == t.lower) {
                hit[same.skill] = true;
            }
        }
    }
    (0..skills).filter(|&s| hit[s]).collect()
}

/// Reads an ad and maps each item: the result of [`split`] with every
/// item's skills and `min_years` filled in.
pub fn understand(c: &Catalog, ad: &str) -> Parsed {
    let mut p = split(ad);
    let terms = terms(c);
    for item in p
        .responsibilities
        .iter_mut()
        .chain(p.requirements.iter_mut())
    {
        item.skills = map_with(&terms, c.skills.len(), &item.text)
            .into_iter()
            .map(|s| c.skills[s].id.clone())
            .collect();
    }
    for item in &mut p.requirements {
        item.min_years = min_years(&item.text);
    }
    p
}

/// What the user tells the importer beside the ad.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub company: Option<String>,
    pub title: Option<String>,
    pub id: Option<String>,
    /// The role the posting hires for (default `ai_engineer`).
    pub role: Option<String>,
    /// Where the ad came from, for the posting's `source`.
    pub source: String,
}

/// A posting id from the words of `s`: lower-case ASCII letters and digits
/// joined by `_`, at most 48 characters; empty if `s` has none.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + w.len() + 1 > 48 {
            break;
        }
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    out
}

/// The posting's id: `--id`, else from the company and title, else
/// `posting`; with `_2`, `_3`… when `taken` says one is in use (an `--id`
/// given is used as it is: the caller reports a clash).
pub fn choose_id(opts: &Options, title: &str, taken: impl Fn(&str) -> bool) -> String {
    if let Some(id) = &opts.id {
        return id.clone();
    }
    let mut base = slug(&format!(
        "{} {}",
        opts.company.as_deref().unwrap_or(""),
        title
    ));
    if base.is_empty() {
        base = "posting".into();
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

/// The posting as YAML, in the schema of one posting of `postings.yaml`
/// (texts as plain strings), with a comment saying what to edit.
pub fn to_yaml(p: &Parsed, id: &str, opts: &Options) -> String {
    let title = opts
        .title
        .clone()
        .or_else(|| p.title.clone())
        .unwrap_or_else(|| "Imported job ad".into());
    let company = opts
        .company
        .clone()
        .unwrap_or_else(|| "Unknown company".into());
    let items = |list: &[Item], prefix: &str| -> Vec<OutItem> {
        list.iter()
            .enumerate()
            .map(|(i, x)| OutItem {
                id: format!("{prefix}{}", i + 1),
                text: if !x.nice_to_have {
                    x.text.clone()
                } else if crate::text::has_han(&x.text) {
                    format!("加分项：{}", x.text)
                } else {
                    format!("Nice to have: {}", x.text)
                },
                skills: x.skills.clone(),
                min_years: x.min_years,
            })
            .collect()
    };
    let posting = OutPosting {
        id: id.to_string(),
        company,
        title,
        role: opts.role.clone().unwrap_or_else(|| "ai_engineer".into()),
        source: opts.source.clone(),
        responsibilities: items(&p.responsibilities, "R"),
        requirements: items(&p.requirements, "Q"),
    };
    let body = serde_yaml::to_string(&posting).unwrap_or_default();
    format!(
        "# Your own posting, imported by `career-explorer postings import`.\n\
         # Edit it freely: each item's `skills` are skill ids (career-explorer skills),\n\
         # `min_years` an experience threshold; a text may be a plain string or {{en: ..., zh: ...}}.\n\
         {body}"
    )
}

#[derive(Serialize)]
struct OutItem {
    id: String,
    text: String,
    skills: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_years: Option<u32>,
}

#[derive(Serialize)]
struct OutPosting {
    id: String,
    company: String,
    title: String,
    role: String,
    source: String,
    responsibilities: Vec<OutItem>,
    requirements: Vec<OutItem>,
}
