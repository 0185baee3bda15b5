//! Skill terms for the job-ad importer: which catalog skills a requirement line names, and
//! the words that matched (the evidence).
//!
//! A [`Term`] is one alias of one skill (`"vector dbs"` of `vector_databases`) with its rules.
//! [`Matcher::find`] looks for every alias in a line and returns one [`Hit`] per skill, in text
//! order. [`Matcher::map_line`] is what the importer calls on a requirement: it first drops
//! lines that name no skill by policy ([`no_skill_line`]: years-only, degree, location, visa,
//! language, availability) and blanks degree-field lists and role titles ([`mask_non_skill`]).
//!
//! Matching rules:
//! - An alias matches as a whole word: an alias that begins (ends) with a letter or digit does
//!   not match right after (before) another Latin letter or digit, so `sql` is not in `NoSQL`
//!   and `java` is not in `JavaScript`. Chinese characters are not word characters, so Latin
//!   aliases match inside Chinese text (`熟悉python`), and Chinese aliases match anywhere.
//! - Case-insensitive (ASCII) unless the term is case-sensitive (`Go`, `CI`, `React`).
//! - A space or hyphen inside an alias matches one or more spaces or hyphens in the text
//!   (`fine-tuning` = `fine tuning`); next to a Chinese character it may also match nothing
//!   (`生成式 ai` = `生成式AI`).
//! - Overlapping matches: the longest wins (`Claude Code` is not also `claude`; `spark sql` is
//!   not also `sql` — unless, as here, both skills list `spark sql`). Terms of different skills
//!   with the same span all win, which is how a tool gives several concepts.
//! - `not_before` / `not_after` cancel a match when the text right after / before the alias
//!   (past spaces and hyphens) is one of the listed words (`Go` + `to market`).
//! - [`Context::List`]: only next to a list mark (`TS/JS`, `Node, Python`, `MongoDB、ES等`).
//!   [`Context::Cjk`]: only touching a Chinese character (`prompt优化`).
//! - [`Scope::CjkText`]: a Latin-script alias taken from a concept's Chinese aliases matches only
//!   in text that contains Chinese (`prompt`, `ES`, `acl`).

/// Extra condition on where a term may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Context {
    /// Anywhere the whole-word rule allows.
    #[default]
    Any,
    /// Only next to a list mark: `/ , 、 ， ; ( ) + & | 等` or the word `or` / `and`.
    List,
    /// Only when the character right before or right after is a Chinese character.
    Cjk,
}

/// Which texts a term applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every text.
    #[default]
    All,
    /// Only texts that contain at least one Chinese character.
    CjkText,
}

/// One alias of one skill, with the rules that decide where it counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Term {
    /// The skill id this alias names (`python`, `rag`, `S18`).
    pub skill: String,
    /// The alias as the catalog spells it (`vector dbs`, `Go`, `检索增强生成`).
    pub alias: String,
    /// Match only in exactly this case (otherwise ASCII case is ignored).
    pub case_sensitive: bool,
    /// Words that cancel the match when they come right after the alias (past spaces and hyphens).
    pub not_before: Vec<String>,
    /// Words that cancel the match when they come right before the alias (past spaces and hyphens).
    pub not_after: Vec<String>,
    /// Other skill ids this alias also gives (`bedrock` gives `aws`), with the same evidence.
    pub implies: Vec<String>,
    /// Extra condition on the neighbourhood of the match.
    pub context: Context,
    /// Which texts the term applies to.
    pub scope: Scope,
}

impl Term {
    /// A term with no rules: whole word, case-insensitive, anywhere.
    pub fn new(skill: &str, alias: &str) -> Self {
        Self {
            skill: skill.to_owned(),
            alias: alias.to_owned(),
            ..Self::default()
        }
    }
}

/// One skill found in a text, with the words that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The skill id.
    pub skill: String,
    /// The words in the text that matched, as written (`Vector DBs`).
    pub evidence: String,
    /// Byte offset where the evidence starts.
    pub start: usize,
    /// Byte offset just past the evidence.
    pub end: usize,
}

/// One piece of a compiled alias.
#[derive(Debug, Clone)]
enum Piece {
    /// Bytes that must appear as they are (lowercased unless case-sensitive).
    Lit(Vec<u8>),
    /// One or more spaces/hyphens; `may_be_empty` next to a Chinese character.
    Sep { may_be_empty: bool },
}

/// A term compiled for matching.
#[derive(Debug, Clone)]
struct Compiled {
    term: Term,
    pieces: Vec<Piece>,
    /// The alias starts with a word character, so the text before must not be one.
    check_start: bool,
    /// The alias ends with a word character, so the text after must not be one.
    check_end: bool,
    not_before: Vec<String>,
    not_after: Vec<String>,
}

/// Finds the skills a text names, through every term of the catalog.
#[derive(Debug, Clone)]
pub struct Matcher {
    terms: Vec<Compiled>,
    /// Term indexes by the (lowercased) first byte of their alias.
    by_first: Vec<Vec<usize>>,
}

/// A match before overlaps are resolved: byte span and term index.
#[derive(Debug, Clone, Copy)]
struct Cand {
    start: usize,
    end: usize,
    term: usize,
}

impl Matcher {
    /// Compiles the terms. Terms with an empty alias are ignored.
    pub fn new(terms: Vec<Term>) -> Self {
        let mut compiled = Vec::with_capacity(terms.len());
        let mut by_first = vec![Vec::new(); 256];
        for term in terms {
            for spelling in inflections(&term) {
                let Some(c) = compile(&term, &spelling) else {
                    continue;
                };
                if let Some(Piece::Lit(bytes)) = c.pieces.first()
                    && let Some(&b) = bytes.first()
                {
                    by_first[usize::from(b.to_ascii_lowercase())].push(compiled.len());
                    compiled.push(c);
                }
            }
        }
        Self {
            terms: compiled,
            by_first,
        }
    }

    /// Number of compiled terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the matcher has no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every skill the text names: one [`Hit`] per skill with its first evidence, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_in(text, text)
    }

    /// The skills of one requirement line: nothing for a line that names no skill by policy
    /// ([`no_skill_line`]), otherwise [`Matcher::find`] on the line with degree-field lists and
    /// role titles blanked out ([`mask_non_skill`]). Offsets and evidence refer to `text`.
    pub fn map_line(&self, text: &str) -> Vec<Hit> {
        if no_skill_line(text) {
            return Vec::new();
        }
        self.find_in(&mask_non_skill(text), text)
    }

    /// Matches in `hay` (same byte layout as `original`), evidence taken from `original`.
    fn find_in(&self, hay: &str, original: &str) -> Vec<Hit> {
        let cands = self.candidates(hay);
        let won = resolve(cands);
        let mut hits: Vec<Hit> = Vec::new();
        for c in won {
            let term = &self.terms[c.term].term;
            let skills = std::iter::once(&term.skill).chain(term.implies.iter());
            for skill in skills {
                if hits.iter().all(|h| &h.skill != skill) {
                    let evidence = original.get(c.start..c.end).unwrap_or_default().to_owned();
                    hits.push(Hit {
                        skill: skill.clone(),
                        evidence,
                        start: c.start,
                        end: c.end,
                    });
                }
            }
        }
        hits
    }

    /// Every term match in the text that passes its rules, overlaps not yet resolved.
    fn candidates(&self, hay: &str) -> Vec<Cand> {
        let lower = hay.to_ascii_lowercase();
        let has_cjk = hay.chars().any(is_cjk);
        let hb = hay.as_bytes();
        let lb = lower.as_bytes();
        let mut out = Vec::new();
        for (start, _) in hay.char_indices() {
            for &ti in &self.by_first[usize::from(lb[start])] {
                let c = &self.terms[ti];
                if c.term.scope == Scope::CjkText && !has_cjk {
                    continue;
                }
                let bytes = if c.term.case_sensitive { hb } else { lb };
                let Some(end) = match_pieces(&c.pieces, bytes, start) else {
                    continue;
                };
                if end > start && self.accepts(c, hay, &lower, start, end) {
                    out.push(Cand {
                        start,
                        end,
                        term: ti,
                    });
                }
            }
        }
        out
    }

    /// Whether a raw match at `start..end` passes the term's boundary, context and `not` rules.
    #[allow(clippy::unused_self)]
    fn accepts(&self, c: &Compiled, hay: &str, lower: &str, start: usize, end: usize) -> bool {
        let before = &hay[..start];
        let after = &hay[end..];
        if c.check_start && before.chars().next_back().is_some_and(is_word) {
            return false;
        }
        if c.check_end && after.chars().next().is_some_and(is_word) {
            return false;
        }
        let ok_context = match c.term.context {
            Context::Any => true,
            Context::List => next_to_list_mark(&lower[..start], &lower[end..]),
            Context::Cjk => {
                before.chars().next_back().is_some_and(is_cjk)
                    || after.chars().next().is_some_and(is_cjk)
            }
        };
        ok_context
            && !c
                .not_before
                .iter()
                .any(|w| starts_with_word(trim_sep_start(&lower[end..]), w))
            && !c
                .not_after
                .iter()
                .any(|w| ends_with_word(trim_sep_end(&lower[..start]), w))
    }
}

/// The spellings a term matches: its alias and, for a case-insensitive alias of two or more
/// Latin words whose last word has four or more letters, that word's plural or singular
/// (`evaluation methodologies` also matches `evaluation methodology`, `vector store` matches
/// `vector stores`). Single words are left alone (`prompts` must not give `prompt`).
fn inflections(term: &Term) -> Vec<String> {
    let alias = term.alias.trim();
    let mut out = vec![alias.to_owned()];
    let Some((head, last)) = alias.rsplit_once(|c: char| is_sep(c)) else {
        return out;
    };
    let multi = !head.trim_matches(is_sep).is_empty();
    if term.case_sensitive
        || !multi
        || last.len() < 4
        || !last.chars().all(|c| c.is_ascii_alphabetic())
    {
        return out;
    }
    let l = last.to_ascii_lowercase();
    let stem = &alias[..alias.len() - last.len()];
    let keep = |n: usize| &last[..last.len() - n];
    if let Some(base) = l.strip_suffix("ies") {
        out.push(format!("{stem}{}y", &last[..base.len()]));
    } else if ["ses", "xes", "ches", "shes"]
        .iter()
        .any(|e| l.ends_with(e))
    {
        out.push(format!("{stem}{}", keep(2)));
    } else if l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is") {
        out.push(format!("{stem}{}", keep(1)));
    } else if NO_PLURAL.iter().any(|e| l.ends_with(e)) {
        // verbs, adjectives and mass nouns get no plural
    } else if l.ends_with('y')
        && !l.ends_with(['a', 'e', 'o', 'u'])
        && !l.ends_with("ay")
        && !l.ends_with("ey")
    {
        out.push(format!("{stem}{}ies", keep(1)));
    } else if ["s", "x", "ch", "sh"].iter().any(|e| l.ends_with(e)) {
        out.push(format!("{stem}{last}es"));
    } else {
        out.push(format!("{stem}{last}s"));
    }
    out
}

/// Word endings that get no plural (verbs, adjectives, mass nouns).
const NO_PLURAL: &[&str] = &[
    "ing", "ed", "al", "ic", "ive", "ous", "ful", "ble", "ness", "ware", "ity", "ly", "ment",
    "with", "ai", "ml",
];

/// Compiles one spelling of a term; `None` for an empty alias.
fn compile(term: &Term, spelling: &str) -> Option<Compiled> {
    let alias = if term.case_sensitive {
        spelling.to_owned()
    } else {
        spelling.to_ascii_lowercase()
    };
    let alias = alias.trim();
    let first = alias.chars().next()?;
    let last = alias.chars().next_back()?;
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut prev: Option<char> = None;
    let mut chars = alias.chars().peekable();
    while let Some(ch) = chars.next() {
        if is_sep(ch) {
            while chars.peek().copied().is_some_and(is_sep) {
                chars.next();
            }
            let next_cjk = chars.peek().copied().is_some_and(is_cjk);
            if !lit.is_empty() {
                pieces.push(Piece::Lit(std::mem::take(&mut lit).into_bytes()));
            }
            pieces.push(Piece::Sep {
                may_be_empty: prev.is_some_and(is_cjk) || next_cjk,
            });
        } else {
            lit.push(ch);
        }
        prev = Some(ch);
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit.into_bytes()));
    }
    let lower_all = |v: &[String]| {
        v.iter()
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    Some(Compiled {
        check_start: is_word(first),
        check_end: is_word(last),
        not_before: lower_all(&term.not_before),
        not_after: lower_all(&term.not_after),
        pieces,
        term: term.clone(),
    })
}

/// Matches the pieces at `start`; the end offset on success.
fn match_pieces(pieces: &[Piece], hay: &[u8], start: usize) -> Option<usize> {
    let mut pos = start;
    for p in pieces {
        match p {
            Piece::Lit(bytes) => {
                if !hay.get(pos..)?.starts_with(bytes) {
                    return None;
                }
                pos += bytes.len();
            }
            Piece::Sep { may_be_empty } => {
                let mut n = 0;
                while let Some(len) = sep_len(&hay[pos + n..]) {
                    n += len;
                }
                if n == 0 && !may_be_empty {
                    return None;
                }
                pos += n;
            }
        }
    }
    Some(pos)
}

/// Byte length of a separator (space, tab, newline, hyphen, no-break space, Unicode hyphens,
/// ideographic space) at the start of `b`.
fn sep_len(b: &[u8]) -> Option<usize> {
    match b {
        [b' ' | b'\t' | b'\n' | b'\r' | b'-', ..] => Some(1),
        [0xC2, 0xA0, ..] => Some(2),
        [0xE2, 0x80, 0x90 | 0x91 | 0x93, ..] | [0xE3, 0x80, 0x80, ..] => Some(3),
        _ => None,
    }
}

/// Whether `c` separates words inside an alias (space or hyphen).
fn is_sep(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

/// Drops every match that lies inside a longer kept match (`claude` inside `Claude Code`).
/// Matches with the very same span as a kept one are kept too (a tool shared by two skills),
/// and so are matches that only cross a kept one (`golden dataset` / `dataset creation`).
fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
            .then(a.term.cmp(&b.term))
    });
    let mut kept: Vec<Cand> = Vec::new();
    for c in cands {
        let same = |k: &Cand| k.start == c.start && k.end == c.end;
        let free = kept
            .iter()
            .all(|k| same(k) || !(k.start <= c.start && c.end <= k.end));
        if free {
            kept.push(c);
        }
    }
    kept.sort_by(|a, b| a.start.cmp(&b.start).then(a.term.cmp(&b.term)));
    kept
}

/// A Chinese, Japanese or Korean character (Han, kana, Hangul, CJK punctuation, full-width forms).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

/// A word character for the whole-word rule: a letter or digit that is not CJK, or `_`.
fn is_word(c: char) -> bool {
    (c.is_alphanumeric() && !is_cjk(c)) || c == '_'
}

/// `s` without leading spaces and hyphens.
fn trim_sep_start(s: &str) -> &str {
    s.trim_start_matches(is_sep)
}

/// `s` without trailing spaces and hyphens.
fn trim_sep_end(s: &str) -> &str {
    s.trim_end_matches(is_sep)
}

/// Whether `s` starts with `w` as a whole word (not followed by a word character when `w` ends in one).
fn starts_with_word(s: &str, w: &str) -> bool {
    s.starts_with(w)
        && !(w.chars().next_back().is_some_and(is_word)
            && s[w.len()..].chars().next().is_some_and(is_word))
}

/// Whether `s` ends with `w` as a whole word (not preceded by a word character when `w` starts with one).
fn ends_with_word(s: &str, w: &str) -> bool {
    s.ends_with(w)
        && !(w.chars().next().is_some_and(is_word)
            && s[..s.len() - w.len()]
                .chars()
                .next_back()
                .is_some_and(is_word))
}

/// Characters that mark a list next to a term (`TS/JS`, `Node, Python`, `MongoDB、ES等`).
const LIST_MARKS: &[char] = &[
    '/', ',', '，', '、', ';', '；', '(', ')', '（', '）', '+', '&', '|', '等', '[', ']',
];

/// Whether the nearest non-space character before or after is a list mark, or the nearest
/// word is `or` / `and`.
fn next_to_list_mark(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    let a = after.trim_start();
    b.chars()
        .next_back()
        .is_some_and(|c| LIST_MARKS.contains(&c))
        || a.chars().next().is_some_and(|c| LIST_MARKS.contains(&c))
        || ["or", "and"]
            .iter()
            .any(|w| ends_with_word(b, w) || starts_with_word(a, w))
}

/// Whether a requirement line names no skill by policy: a visa or work-authorisation line, a
/// location line, an availability line, a short language line, a degree line that asks for no
/// experience or skill, or a years-only line ("3+ years of professional experience").
pub fn no_skill_line(text: &str) -> bool {
    let l = text.to_lowercase();
    let words = l.split_whitespace().count();
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    let short = words <= 25 && cjk <= 40;
    let has = |list: &[&str]| list.iter().any(|m| contains_word(&l, m));
    if has(VISA) || (short && (has(LOCATION) || has(AVAILABILITY))) {
        return true;
    }
    if words <= 12
        && cjk <= 16
        && has(LANGUAGES)
        && has(FLUENCY)
        && !has(&["communicat", "沟通", "表达"])
    {
        return true;
    }
    if has(DEGREE) && !has(SKILL_WORDS) {
        return true;
    }
    years_only(&l)
}

/// Visa and work-authorisation markers.
const VISA: &[&str] = &[
    "visa",
    "sponsorship",
    "work authorization",
    "work authorisation",
    "authorized to work",
    "authorised to work",
    "right to work",
    "work permit",
    "citizenship",
    "security clearance",
    "green card",
    "签证",
    "工作许可",
];
/// Location markers (only on short lines).
const LOCATION: &[&str] = &[
    "based in",
    "located in",
    "relocate",
    "relocation",
    "commute",
    "commutable",
    "on-site",
    "onsite",
    "in-office",
    "in office",
    "hybrid",
    "time zone",
    "timezone",
    "工作地点",
    "办公地点",
    "驻场",
];
/// Availability markers (only on short lines).
const AVAILABILITY: &[&str] = &[
    "start date",
    "available to start",
    "notice period",
    "immediate joiner",
    "immediately available",
    "available immediately",
    "到岗",
    "实习时间",
    "每周至少",
    "实习期",
];
/// Language names, for short language lines.
const LANGUAGES: &[&str] = &[
    "english",
    "mandarin",
    "chinese",
    "german",
    "french",
    "spanish",
    "japanese",
    "korean",
    "英语",
    "英文",
    "普通话",
    "日语",
    "外语",
];
/// Words that make a language mention a requirement about the language.
const FLUENCY: &[&str] = &[
    "fluent",
    "fluency",
    "proficiency",
    "proficient",
    "native",
    "business-level",
    "written and spoken",
    "读写",
    "流利",
    "熟练",
    "口语",
    "听说",
    "能力",
];
/// Degree markers.
const DEGREE: &[&str] = &[
    "bachelor",
    "bachelor's",
    "bachelors",
    "master's",
    "masters",
    "phd",
    "ph.d",
    "doctorate",
    "bsc",
    "msc",
    "b.s.",
    "m.s.",
    "degree",
    "diploma",
    "学历",
    "学位",
    "本科",
    "硕士",
    "博士",
    "院校",
    "统招",
];
/// Words that show a degree line also asks for a skill or experience.
const SKILL_WORDS: &[&str] = &[
    "experience",
    "skill",
    "skills",
    "knowledge",
    "proficien",
    "familiar",
    "familiarity",
    "expertise",
    "understanding",
    "hands-on",
    "经验",
    "熟悉",
    "掌握",
    "熟练",
    "精通",
    "了解",
];

/// Whether `l` contains `m`; a marker that starts and ends with a Latin letter must stand as a
/// word at its start (so `msc` is not in `mscore`, `degree` is in `degrees`).
fn contains_word(l: &str, m: &str) -> bool {
    if !m.chars().next().is_some_and(is_word) {
        return l.contains(m);
    }
    l.match_indices(m)
        .any(|(i, _)| !l[..i].chars().next_back().is_some_and(is_word))
}

/// A line that only states a number of years of (unspecified) experience.
fn years_only(l: &str) -> bool {
    const FILLER: &[&str] = &[
        "minimum",
        "min",
        "at",
        "least",
        "of",
        "experience",
        "years",
        "year",
        "year(s)",
        "yrs",
        "is",
        "required",
        "professional",
        "relevant",
        "industry",
        "work",
        "working",
        "full-time",
        "total",
        "overall",
        "in",
        "a",
        "an",
        "the",
        "or",
        "and",
        "+",
        "plus",
        "more",
        "with",
        "hands-on",
        "prior",
        "similar",
        "related",
        "field",
        "role",
        "previous",
        "must",
        "have",
        "has",
        "you",
        "of",
    ];
    let has_years = l.contains("year") || l.contains("yrs") || l.contains('年');
    if !has_years || l.chars().any(is_cjk) && l.chars().filter(|&c| is_cjk(c)).count() > 12 {
        return false;
    }
    let content = l
        .split(|c: char| !(c.is_alphanumeric() || c == '(' || c == ')' || c == '-'))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .filter(|w| !FILLER.contains(w))
        .count();
    !l.chars().any(is_cjk) && content == 0
}

/// The line with degree-field lists ("degree in Computer Science, Statistics or a related
/// field", 计算机相关专业本科以上学历) and role titles ("as a Machine Learning Engineer") replaced by
/// spaces, byte for byte, so offsets into the result are offsets into `text`.
pub fn mask_non_skill(text: &str) -> String {
    let mut spans = degree_spans(text);
    spans.extend(zh_degree_spans(text));
    spans.extend(role_spans(text));
    spans.extend(contrast_spans(text));
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        if spans.iter().any(|&(a, b)| a <= i && i < b) {
            out.extend(std::iter::repeat_n(' ', ch.len_utf8()));
        } else {
            out.push(ch);
        }
    }
    out
}

/// Words that set aside what follows them: "shipping real product, not just
/// models or papers", "rather than research", "instead of notebooks". What
/// they set aside is not asked for. ("Not only X but also Y" asks for both,
/// so "not only" is not here.)
const CONTRAST: &[&str] = &[
    "not just ",
    "rather than ",
    "instead of ",
    "而不仅仅是",
    "而非",
];

/// The spans a contrast word sets aside: from the word to the end of its
/// clause (a full stop, semicolon, closing bracket or "but").
fn contrast_spans(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_lowercase();
    // Lower-casing keeps byte offsets only for ASCII; skip otherwise.
    if lower.len() != text.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for w in CONTRAST {
        let mut from = 0;
        while let Some(at) = lower[from..].find(w).map(|i| i + from) {
            let rest = &lower[at + w.len()..];
            let end = [". ", ";", ")", "）", "。", "；", " but "]
                .iter()
                .filter_map(|stop| rest.find(stop))
                .min()
                .map_or(text.len(), |i| at + w.len() + i);
            out.push((at, end));
            from = at + w.len();
        }
    }
    out
}

/// Latin words of `text` with their byte spans (letters, digits, `'`, `’`, `.`, `+`, `#`, `/`).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let w = is_word(c) || matches!(c, '\'' | '’' | '.' | '+' | '#' | '/' | '-');
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Normalises a word for the rules below: lowercase, without trailing `.`, `,`, `'s`.
fn norm(w: &str) -> String {
    let w = w.to_lowercase();
    let w = w.trim_end_matches(['.', ',']);
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
        .to_owned()
}

/// Spans of English degree-field lists: from a degree word followed (within three words) by
/// `in`, up to a `field`/`discipline`/`equivalent` word or the end of the clause.
fn degree_spans(text: &str) -> Vec<(usize, usize)> {
    const MARK: &[&str] = &[
        "bachelor",
        "bachelors",
        "master",
        "masters",
        "phd",
        "ph.d",
        "doctorate",
        "bsc",
        "msc",
        "b.s",
        "m.s",
        "ba",
        "bs",
        "ms",
        "degree",
        "degrees",
        "diploma",
        "b.tech",
        "m.tech",
        "b.e",
        "m.e",
        "mba",
    ];
    const STOP: &[&str] = &[
        "with",
        "plus",
        "and/or",
        "including",
        "where",
        "while",
        "who",
        "experience",
    ];
    const END: &[&str] = &[
        "field",
        "fields",
        "discipline",
        "disciplines",
        "area",
        "areas",
        "equivalent",
        "subject",
        "subjects",
    ];
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = norm(&text[ws[i].0..ws[i].1]);
        let is_in = |j: usize| ws.get(j).is_some_and(|&(a, b)| norm(&text[a..b]) == "in");
        if MARK.contains(&w.as_str())
            && let Some(k) = (i + 1..=i + 3).find(|&j| is_in(j))
        {
            let mut end = ws[k].1;
            let mut j = k + 1;
            while let Some(&(a, b)) = ws.get(j) {
                let gap = &text[end..a];
                let nw = norm(&text[a..b]);
                if gap.contains([';', ':', '(', '\n'])
                    || STOP.contains(&nw.as_str())
                    || nw.starts_with(|c: char| c.is_ascii_digit())
                {
                    break;
                }
                end = b;
                if END.contains(&nw.as_str()) || text[a..b].ends_with('.') {
                    break;
                }
                j += 1;
            }
            out.push((ws[i].0, end));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Spans of Chinese degree clauses: a clause (between `，,。；;：:`) that names a degree.
fn zh_degree_spans(text: &str) -> Vec<(usize, usize)> {
    const MARK: &[&str] = &[
        "学历",
        "学位",
        "本科",
        "硕士",
        "博士",
        "相关专业",
        "专业背景",
        "院校",
        "统招",
        "985",
        "211",
    ];
    if !text.chars().any(is_cjk) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '。')))
    {
        if matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '\n') {
            let clause = &text[start..i];
            if MARK.iter().any(|m| clause.contains(m)) {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    out
}

/// Spans of role titles after `as a` / `in an`: up to five words ending in a role noun
/// ("as a Machine Learning Engineer", "in an AI engineer role").
fn role_spans(text: &str) -> Vec<(usize, usize)> {
    const ROLE: &[&str] = &[
        "engineer",
        "engineers",
        "developer",
        "developers",
        "scientist",
        "scientists",
        "architect",
        "analyst",
        "researcher",
        "role",
        "roles",
        "position",
        "positions",
        "mle",
        "sre",
        "lead",
        "manager",
        "specialist",
        "consultant",
    ];
    const BREAK: &[&str] = &[
        "with", "and", "to", "on", "for", "of", "at", "by", "who", "that", "using", "building",
    ];
    let ws = words(text);
    let mut out = Vec::new();
    for i in 0..ws.len() {
        let w = norm(&text[ws[i].0..ws[i].1]);
        let art = ws.get(i + 1).map(|&(a, b)| norm(&text[a..b]));
        if !(matches!(w.as_str(), "as" | "in")
            && matches!(art.as_deref(), Some("a" | "an" | "the")))
        {
            continue;
        }
        for j in i + 2..(i + 7).min(ws.len()) {
            let nw = norm(&text[ws[j].0..ws[j].1]);
            if BREAK.contains(&nw.as_str())
                || text[ws[j - 1].1..ws[j].0].contains([',', ';', '(', ':'])
            {
                break;
            }
            if ROLE.contains(&nw.as_str()) {
                out.push((ws[i + 1].0, ws[j].1));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a contrast sets aside is not asked for; "not only … but also"
    /// asks for both; the clause after the contrast still counts.
    #[test]
    fn a_contrast_sets_aside_what_follows_it() {
        let m = m();
        let skills =
            |t: &str| -> Vec<String> { m.map_line(t).into_iter().map(|h| h.skill).collect() };
        assert!(skills("Shipping real products, not just SQL or Java").is_empty());
        assert!(skills("Build services in golang rather than java").contains(&"go".to_string()));
        assert!(!skills("Build services in golang rather than java").contains(&"java".to_string()));
        assert_eq!(skills("Instead of java; use golang"), ["go"]);
        let both = skills("Not only java but also golang");
        assert!(both.contains(&"java".to_string()) && both.contains(&"go".to_string()));
        assert_eq!(skills("Not just java, but golang too"), ["go"]);
    }

    fn m() -> Matcher {
        let mut go = Term::new("go", "Go");
        go.case_sensitive = true;
        go.not_before = ["to", "live", "beyond"].map(String::from).to_vec();
        let mut ts = Term::new("javascript_typescript", "TS");
        ts.case_sensitive = true;
        ts.context = Context::List;
        let mut prompt = Term::new("prompt_engineering", "prompt");
        prompt.context = Context::Cjk;
        prompt.scope = Scope::CjkText;
        let mut bedrock = Term::new("llm_apis", "bedrock");
        bedrock.implies = vec!["aws".into()];
        let mut react = Term::new("react", "React");
        react.case_sensitive = true;
        react.not_before = vec!["to".into()];
        Matcher::new(vec![
            go,
            ts,
            prompt,
            bedrock,
            react,
            Term::new("go", "golang"),
            Term::new("sql", "sql"),
            Term::new("sql", "spark sql"),
            Term::new("spark_big_data", "spark sql"),
            Term::new("nosql_databases", "nosql"),
            Term::new("java", "java"),
            Term::new("javascript_typescript", "javascript"),
            Term::new("c_cpp", "c++"),
            Term::new("csharp_dotnet", "c#"),
            Term::new("csharp_dotnet", ".net"),
            Term::new("nodejs", "node.js"),
            Term::new("ci_cd", "ci/cd"),
            Term::new("fine_tuning", "fine-tuning"),
            Term::new("llms", "llm"),
            Term::new("llms", "生成式 ai"),
            Term::new("llms", "大模型"),
            Term::new("ai_coding_tools", "claude code"),
            Term::new("llm_apis", "claude"),
            Term::new("rag", "检索增强生成"),
            Term::new("search_recommendation", "检索"),
            Term::new("aws", "sagemaker"),
            Term::new("mlops", "sagemaker"),
            Term::new("vector_databases", "vector dbs"),
        ])
    }

    fn skills(text: &str) -> Vec<String> {
        m().find(text).into_iter().map(|h| h.skill).collect()
    }

    #[test]
    fn whole_words_and_look_alikes() {
        assert_eq!(skills("NoSQL stores"), ["nosql_databases"]);
        assert_eq!(skills("SQL and NoSQL"), ["sql", "nosql_databases"]);
        assert_eq!(skills("JavaScript only"), ["javascript_typescript"]);
        assert_eq!(
            skills("Java, JavaScript"),
            ["java", "javascript_typescript"]
        );
        assert!(skills("mysqlish").is_empty());
    }

    #[test]
    fn go_the_language_not_the_verb() {
        assert!(skills("Go to market fast").is_empty());
        assert!(skills("go-to-market plans").is_empty());
        assert!(skills("we go beyond").is_empty());
        assert_eq!(skills("Python or Go services"), ["go"]);
        assert_eq!(skills("Golang"), ["go"]);
        assert!(skills("ready, set, go").is_empty());
    }

    #[test]
    fn symbols_in_aliases() {
        assert_eq!(skills("C++ and C# on .NET"), ["c_cpp", "csharp_dotnet"]);
        assert_eq!(skills("Node.js APIs"), ["nodejs"]);
        assert_eq!(skills("CI/CD pipelines"), ["ci_cd"]);
        assert_eq!(skills("TS/JS front ends"), ["javascript_typescript"]);
        assert!(skills("TS is short").is_empty());
    }

    #[test]
    fn separators_are_flexible() {
        assert_eq!(skills("fine tuning"), ["fine_tuning"]);
        assert_eq!(skills("Fine-Tuning"), ["fine_tuning"]);
        assert_eq!(skills("熟悉生成式AI"), ["llms"]);
    }

    #[test]
    fn longest_match_wins_but_shared_spans_all_fire() {
        assert_eq!(skills("Claude Code daily"), ["ai_coding_tools"]);
        assert_eq!(skills("Claude models"), ["llm_apis"]);
        assert_eq!(skills("Spark SQL"), ["sql", "spark_big_data"]);
        assert_eq!(skills("熟悉检索增强生成"), ["rag"]);
        assert_eq!(skills("搜索与检索"), ["search_recommendation"]);
        assert_eq!(skills("SageMaker"), ["aws", "mlops"]);
    }

    #[test]
    fn implies_and_evidence() {
        let hits = m().find("Use AWS Bedrock and Vector DBs");
        let got: Vec<_> = hits
            .iter()
            .map(|h| (h.skill.as_str(), h.evidence.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("llm_apis", "Bedrock"),
                ("aws", "Bedrock"),
                ("vector_databases", "Vector DBs")
            ]
        );
        assert_eq!(
            &"Use AWS Bedrock and Vector DBs"[hits[2].start..hits[2].end],
            "Vector DBs"
        );
    }

    #[test]
    fn chinese_text() {
        assert_eq!(skills("熟悉python和C++，有大模型经验"), ["c_cpp", "llms"]);
        assert_eq!(skills("熟悉prompt优化"), ["prompt_engineering"]);
        assert!(skills("a prompt response").is_empty());
        assert_eq!(skills("熟悉LLM"), ["llms"]);
    }

    #[test]
    fn case_sensitive_and_not_before() {
        assert_eq!(skills("React and Redux"), ["react"]);
        assert!(skills("react to incidents").is_empty());
        assert!(skills("React to incidents").is_empty());
        assert!(skills("the ReAct pattern").is_empty());
    }

    #[test]
    fn no_skill_lines() {
        assert!(no_skill_line(
            "Must be authorized to work in the US without sponsorship"
        ));
        assert!(no_skill_line(
            "Bachelor's degree in Computer Science or a related field"
        ));
        assert!(no_skill_line("5+ years of professional experience"));
        assert!(no_skill_line("Fluent in English and German"));
        assert!(no_skill_line("Able to commute to our office in Austin"));
        assert!(no_skill_line("计算机相关专业本科以上学历"));
        assert!(no_skill_line("能够立即到岗"));
        assert!(!no_skill_line("5+ years of Python experience"));
        assert!(!no_skill_line(
            "Degree in CS plus 3 years of experience with SQL"
        ));
    }

    #[test]
    fn masks_degree_fields_and_role_titles() {
        let mut sql = Term::new("cs_math_foundations", "statistics");
        sql.scope = Scope::All;
        let mm = Matcher::new(vec![
            sql,
            Term::new("machine_learning", "machine learning"),
            Term::new("nlp", "nlp"),
        ]);
        let line = "MS in Statistics or a related field, with experience in machine learning";
        let got: Vec<_> = mm.map_line(line).into_iter().map(|h| h.skill).collect();
        assert_eq!(got, ["machine_learning"]);
        let line = "3+ years of experience as a Machine Learning Engineer";
        assert!(mm.map_line(line).is_empty());
        let line = "统计学相关专业硕士，3年以上NLP经验";
        let got: Vec<_> = mm.map_line(line).into_iter().map(|h| h.skill).collect();
        assert_eq!(got, ["nlp"]);
        assert_eq!(mask_non_skill(line).len(), line.len());
    }
}
