//! Where an imported posting's company and title come from, and a guess
//! of the company from the ad's own words when nobody named it.
//!
//! The guess reads only clear cues, line by line, and takes the first:
//! an "About X" or "关于X" heading, a "Why X?" heading, a "Company: X" /
//! "公司名称：X" label, a line or sentence opening "At X, we" (or "our"),
//! "X is hiring", or "X is …" as the ad's first line or the first line
//! under an "About us" / "Company Description" / "关于我们" heading. X must
//! read as a short proper name (every word capitalised, no word such as
//! "us", "the", "role", "team", not a section heading) and, except on a
//! label, be named again elsewhere in the ad. No cue: no guess.

use serde::Serialize;

use super::{Options, Parsed};

/// A line of the ad that named the company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cue {
    /// The company as the ad spells it.
    pub name: String,
    /// 1-based line of the ad.
    pub line: usize,
    /// The line's text (trimmed).
    pub text: String,
}

/// Where a posting's company or title came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Origin {
    /// The user gave it (`--company`, `--title`).
    Given,
    /// The page's schema.org `JobPosting` data.
    Page,
    /// Read from a line of the ad: the title it opens with, or the
    /// company guessed from a cue.
    Ad { line: usize, text: String },
    /// Nowhere: the placeholder is used.
    NotFound,
}

/// Words that never make a company's name (ASCII lower case).
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "us",
    "we",
    "you",
    "your",
    "yourself",
    "our",
    "this",
    "that",
    "these",
    "it",
    "its",
    "me",
    "my",
    "role",
    "job",
    "position",
    "team",
    "company",
    "opportunity",
    "work",
    "working",
    "join",
    "life",
    "benefits",
    "compensation",
    "pay",
    "culture",
    "values",
    "mission",
    "what",
    "who",
    "how",
    "why",
    "where",
    "when",
    "here",
    "there",
    "today",
    "now",
    "present",
    "least",
    "first",
    "last",
    "times",
    "scale",
    "all",
    "each",
    "every",
    "some",
    "home",
    "heart",
    "core",
    "once",
    "minimum",
    "position",
    "requirements",
    "responsibilities",
];

/// Chinese words that never make a company's name.
const ZH_NOT_NAMES: &[&str] = &[
    "我们",
    "公司",
    "职位",
    "岗位",
    "本职位",
    "本岗位",
    "团队",
    "你",
    "您",
    "工作",
    "福利",
    "薪资",
    "待遇",
    "招聘",
    "本公司",
    "我司",
];

/// Headings of a section about the employer: the line under one that
/// opens "X is …" names the company.
const ABOUT_US: &[&str] = &[
    "about us",
    "about the company",
    "company description",
    "company overview",
    "who we are",
    "our company",
    "关于我们",
    "公司介绍",
    "公司简介",
];

/// `x` as a company name when it reads as a short proper name: one to
/// four words, each opening with a capital or a digit (or `&`), none of
/// [`NOT_NAMES`], not a section heading; else `None`.
fn proper_name(x: &str) -> Option<String> {
    let x = x
        .trim()
        .trim_end_matches(['?', ':', '：', '!', '.', ','])
        .trim();
    let words: Vec<&str> = x.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || x.chars().count() > 40 {
        return None;
    }
    let word_ok = |w: &str| {
        let first = w.chars().next().unwrap_or(' ');
        (w == "&" || first.is_uppercase() || first.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_alphanumeric() || "&.-'’".contains(c))
            && !NOT_NAMES.contains(&w.to_ascii_lowercase().as_str())
    };
    if !words.iter().all(|w| word_ok(w)) || super::segment::classify_heading(x).is_some() {
        return None;
    }
    Some(words.join(" "))
}

/// `x` as a Chinese company name: 2 to 12 characters, no space or
/// punctuation, none of [`ZH_NOT_NAMES`], not opening with 我们/本/该/这.
fn zh_name(x: &str) -> Option<String> {
    let x = x.trim().trim_end_matches([':', '：']).trim();
    let n = x.chars().count();
    let plain = x.chars().all(|c| c.is_alphanumeric() || c == '·');
    let opens_wrong = ["我们", "本", "该", "这"].iter().any(|p| x.starts_with(p));
    (plain && (2..=12).contains(&n) && !ZH_NOT_NAMES.contains(&x) && !opens_wrong)
        .then(|| x.to_string())
}

/// `line` without Markdown heading marks, bold and list bullets.
fn bare(line: &str) -> &str {
    line.trim()
        .trim_start_matches('#')
        .trim_matches('*')
        .trim_matches('_')
        .trim()
}

/// The name a heading or label line gives: "About X", "Why X?", "关于X",
/// "Company: X", "公司名称：X". Returns the name and whether the ad must
/// name it again (every cue but a label).
fn heading_cue(line: &str) -> Option<(String, bool)> {
    let t = bare(line);
    if t.chars().count() > 48 {
        return None;
    }
    let lower = t.to_lowercase();
    for label in [
        "company name:",
        "company:",
        "公司名称：",
        "公司名称:",
        "公司：",
        "公司:",
    ] {
        if let Some(rest) = lower.starts_with(label).then(|| &t[label.len()..]) {
            return proper_name(rest)
                .or_else(|| zh_name(rest))
                .map(|n| (n, false));
        }
    }
    if let Some(rest) = lower.starts_with("about ").then(|| &t[6..]) {
        return proper_name(rest).map(|n| (n, true));
    }
    if lower.starts_with("why ") && t.ends_with('?') {
        return proper_name(&t[4..]).map(|n| (n, true));
    }
    let rest = t.strip_prefix("关于")?;
    zh_name(rest).map(|n| (n, true))
}

/// The name a sentence opening gives: "At X, we|our", "X is hiring", and
/// with `opening` (the ad's first line, or the first under an "About us"
/// heading) "X is …" as the line's first sentence.
fn sentence_cue(line: &str, opening: bool) -> Option<String> {
    let t = bare(line);
    for (k, s) in std::iter::once(t).chain(t.split(". ").skip(1)).enumerate() {
        let at = s.strip_prefix("At ").and_then(|rest| rest.split_once(','));
        if let Some((x, after)) = at {
            let after = after.trim_start().to_ascii_lowercase();
            if after.starts_with("we") || after.starts_with("our ") {
                return proper_name(&without_brackets(x));
            }
        }
        if let Some((x, _)) = s.split_once(" is hiring") {
            return proper_name(x);
        }
        if opening
            && k == 0
            && let Some(name) = s.split_once(" is ").and_then(|(x, _)| proper_name(x))
        {
            return Some(name);
        }
    }
    None
}

/// `s` without its parenthesised parts ("Acme Labs (AL)").
fn without_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `name` stands in `line` as a whole word (case ignored).
fn names(line: &str, name: &str) -> bool {
    let (hay, needle) = (line.to_lowercase(), name.to_lowercase());
    let cjk = needle.chars().any(super::terms::is_cjk);
    hay.match_indices(&needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        cjk || ![before, after]
            .iter()
            .any(|c| c.is_some_and(char::is_alphanumeric))
    })
}

/// `name` as the ad spells it elsewhere when the cue wrote it in capitals
/// ("ABOUT RETOOL" → "Retool"); else as it is.
fn spelled(lines: &[String], name: &str) -> String {
    if name.chars().count() <= 4 || name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let lower = name.to_lowercase();
    for l in lines {
        let ll = l.to_lowercase();
        for (at, _) in ll.match_indices(&lower) {
            let Some(found) = l.get(at..at + lower.len()) else {
                continue;
            };
            if found.chars().any(char::is_lowercase) {
                return found.to_string();
            }
        }
    }
    name.to_string()
}

/// The company the ad names by a clear cue (see the module), with the line
/// that names it; `None` when no cue is clear.
pub fn guess_company(ad: &str) -> Option<Cue> {
    let lines: Vec<String> = ad.lines().map(crate::text::sanitize).collect();
    let mut opening = true;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let found = heading_cue(line).or_else(|| sentence_cue(line, opening).map(|n| (n, true)));
        let key = bare(line).trim_end_matches([':', '：']).to_lowercase();
        opening = ABOUT_US.contains(&key.as_str());
        let Some((name, again)) = found else { continue };
        let elsewhere = lines
            .iter()
            .enumerate()
            .any(|(j, l)| j != i && names(l, &name));
        if !again || elsewhere {
            return Some(Cue {
                name: spelled(&lines, &name),
                line: i + 1,
                text: line.trim().to_string(),
            });
        }
    }
    None
}

/// `opts` with the company guessed from `ad` ([`guess_company`]) when the
/// user and the page named none; the cue kept in `company_cue`.
pub fn with_guess(opts: &Options, ad: &str) -> Options {
    let mut o = opts.clone();
    if o.company.is_none()
        && let Some(cue) = guess_company(ad)
    {
        o.company = Some(cue.name.clone());
        o.company_cue = Some(cue);
    }
    o
}

/// Where the company (first) and the title (second) of the posting read
/// from `p` with `opts` (after [`with_guess`]) come from.
pub fn origins(opts: &Options, p: &Parsed) -> (Origin, Origin) {
    let company = match (&opts.company, &opts.company_cue) {
        (_, Some(c)) => Origin::Ad {
            line: c.line,
            text: c.text.clone(),
        },
        (Some(_), None) if opts.page_company => Origin::Page,
        (Some(_), None) => Origin::Given,
        (None, None) => Origin::NotFound,
    };
    let title_line = p.left_out.iter().find(|l| l.reason == "title");
    let title = match (&opts.title, &p.title, title_line) {
        (Some(_), _, _) if opts.page_title => Origin::Page,
        (Some(_), _, _) => Origin::Given,
        (None, Some(_), Some(l)) => Origin::Ad {
            line: l.line,
            text: l.text.clone(),
        },
        (None, Some(t), None) => Origin::Ad {
            line: 1,
            text: t.clone(),
        },
        (None, None, _) => Origin::NotFound,
    };
    (company, title)
}

/// The report's lines on the posting's company and title in the report's
/// language: each a label ("Company:") and its text (the value, where it
/// came from and, when the company was guessed or either was not found,
/// how to set it).
pub fn report_lines(
    opts: &Options,
    p: &Parsed,
    company: &str,
    title: &str,
) -> Vec<(String, String)> {
    let l = crate::i18n::import_naming_labels(opts.lang);
    let (c, t) = origins(opts, p);
    let line = |value: &str, o: &Origin, flag: &str, field: &str, guessed: bool| {
        let mut from = match o {
            Origin::Given => l.given.replace("{flag}", flag),
            Origin::Page => l.page.to_string(),
            Origin::Ad { line, text } => if guessed { l.guessed } else { l.from_line }
                .replace("{n}", &line.to_string())
                .replace("{text}", &crate::text::truncate(text, 60)),
            Origin::NotFound => l.not_found.to_string(),
        };
        if matches!(o, Origin::NotFound) || (guessed && matches!(o, Origin::Ad { .. })) {
            from.push_str(l.then);
            from.push_str(
                &l.how_to_set
                    .replace("{flag}", flag)
                    .replace("{field}", field),
            );
        }
        l.shown.replace("{value}", value).replace("{from}", &from)
    };
    vec![
        (
            l.company.into(),
            line(company, &c, "--company", "company", true),
        ),
        (l.title.into(), line(title, &t, "--title", "title", false)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(ad: &str) -> Option<String> {
        guess_company(ad).map(|c| c.name)
    }

    #[test]
    fn headings_name_the_company_only_when_they_read_as_a_name() {
        assert_eq!(
            guess("About Acme\nAcme makes anvils.\n"),
            Some("Acme".into())
        );
        // A name in capitals takes the ad's own spelling; a short one is an acronym.
        assert_eq!(
            guess("ABOUT ANVILCO\nAt Anvilco, we make anvils.\n"),
            Some("Anvilco".into())
        );
        assert_eq!(
            guess("ABOUT IBM\nIBM makes computers.\n"),
            Some("IBM".into())
        );
        assert_eq!(guess("About us\nWe make anvils.\n"), None);
        assert_eq!(guess("About the role\nYou build things.\n"), None);
        assert_eq!(guess("About You\nYou like anvils.\n"), None);
        assert_eq!(guess("Why Acme?\nAcme pays well.\n"), Some("Acme".into()));
        assert_eq!(guess("Why Join Our Team?\nWe pay well.\n"), None);
        // A name never seen again is no cue.
        assert_eq!(guess("About Anvils\nWe make them.\n"), None);
        // A section heading or a long phrase is no name, even if it recurs.
        assert_eq!(guess("About Benefits\nBenefits: a bike.\n"), None);
        assert_eq!(guess("About The Team\nThe Team is kind.\n"), None);
        assert_eq!(
            guess("About our amazing new product line\nIt sells.\n"),
            None
        );
    }

    #[test]
    fn sentences_and_labels_name_the_company() {
        let ad = "Backend Engineer\nAt Rocket Labs (RL), we build rockets.\nRocket Labs pays.\n";
        let cue = guess_company(ad).expect("a cue");
        assert_eq!((cue.name.as_str(), cue.line), ("Rocket Labs", 2));
        assert_eq!(
            guess("Zeta is hiring a data engineer.\nJoin Zeta.\n"),
            Some("Zeta".into())
        );
        assert_eq!(
            guess("About us\nOmnicorp is a bank.\nOmnicorp pays.\n"),
            Some("Omnicorp".into())
        );
        assert_eq!(
            guess("Company: Omnicorp\nRequirements\n- SQL\n"),
            Some("Omnicorp".into())
        );
        // A capitalised word in a sentence is no cue.
        assert_eq!(guess("We use Python daily.\nPython is great.\n"), None);
        assert_eq!(guess("Requirements\nAt Least, we need SQL.\nLeast\n"), None);
    }

    #[test]
    fn chinese_cues() {
        assert_eq!(
            guess("关于星云科技\n星云科技是一家公司。\n"),
            Some("星云科技".into())
        );
        assert_eq!(guess("关于我们\n我们是一家公司。\n"), None);
        assert_eq!(
            guess("公司名称：星云科技\n任职要求\n"),
            Some("星云科技".into())
        );
    }
}
