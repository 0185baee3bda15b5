//! Text helpers shared by the loader and the UI: sanitising untrusted strings
//! and measuring, wrapping and cutting them by display width (CJK is two columns).

use textwrap::WordSeparator;
use textwrap::core::Word;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

/// Makes a string from a data file safe to put on a terminal.
///
/// Tabs become spaces and line breaks a single space (our texts are single
/// paragraphs); other C0/C1 controls and DEL become a visible U+FFFD; bidi
/// overrides and invisible characters are dropped, since they can reorder or
/// hide what the user reads. ZWJ/ZWNJ stay: emoji and some scripts need them.
pub fn sanitize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\r' => {}
            '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {}
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Makes a whole command output safe for a terminal: as [`sanitize`], but
/// line breaks and tabs are kept, since the text is laid out in lines.
///
/// This is the last guard at the one door every command's output and error
/// goes through, so no escape sequence from a file name, an ad or the
/// environment reaches the terminal even if a command forgot to clean it.
pub fn sanitize_output(raw: &str) -> String {
    if !raw
        .chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_hidden(c))
    {
        return raw.to_string();
    }
    raw.split('\n')
        .map(|line| {
            line.split('\t')
                .map(sanitize)
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A character [`sanitize`] drops: bidi controls and invisible ones.
fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Whether `s` holds a Han (Chinese) character, from the CJK unified
/// ideographs and their extension A: how a one-language text is told to be
/// Chinese.
pub fn has_han(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
}

/// Display width of `s` in terminal columns: the sum, over its extended
/// grapheme clusters (UAX #29, via `unicode-segmentation`), of each cluster's
/// width by `unicode-width` (UAX #11 East Asian Width: CJK is two columns).
///
/// Measuring cluster by cluster is what ratatui does when it draws a string,
/// so layout, cutting and the text field's cursor agree with the screen: a
/// ZWJ emoji such as "👩\u{200D}🔬" is 2 columns, "e\u{301}" is 1.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
///
/// Cuts between grapheme clusters (`unicode-truncate`), so a ZWJ emoji or a
/// letter with its combining marks is kept whole or dropped whole; a wide
/// character that would straddle the limit is dropped. The result is never
/// wider than `max` columns.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let (kept, _) = s.unicode_truncate(max - 1);
    format!("{kept}…")
}

/// `s` cut (as by [`truncate`]) and padded with spaces on the right to exactly
/// `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let cut = truncate(s, cols);
    let fill = cols.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

/// Wraps `s` into lines of at most `max` columns as measured by [`width`]
/// (`max` 0 counts as 1). Each `\n` starts a new line; an empty `s` gives one
/// empty line; spaces at the end of a line are dropped.
///
/// The breaking is `textwrap`'s: break opportunities come from the Unicode
/// line breaking algorithm (UAX #14, `WordSeparator::UnicodeBreakProperties`),
/// and lines are filled first-fit (`wrap_algorithms::wrap_first_fit`). So
/// Latin text breaks at spaces, Chinese between ideographs, and the kinsoku
/// rules of UAX #14 hold: closing punctuation such as ，。、；：）」』》 never
/// starts a line and opening punctuation such as （「『《 never ends one.
///
/// textwrap's own `wrap` measures char by char, which counts a ZWJ emoji as
/// the sum of its parts and a VS16 emoji ("❤\u{FE0F}") as one column, and
/// breaks an over-long word between chars, which can split a cluster and put
/// a closing mark first on a line. So its words are measured here by
/// [`width`] instead, and a word wider than the line (a run with no UAX #14
/// break opportunity, such as "（`LangChain`、" in a 12-column cell) is cut by
/// [`forced_cut`], at a cluster boundary that keeps the kinsoku rules.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        let words: Vec<Word<'_>> = WordSeparator::UnicodeBreakProperties
            .find_words(paragraph)
            .flat_map(|word| fit_word(word, max))
            .collect();
        for line in wrap_first_fit(&words, &[max as f64]) {
            let mut text = String::new();
            for (i, word) in line.iter().enumerate() {
                text.push_str(word.word);
                if i + 1 < line.len() {
                    text.push_str(word.whitespace);
                }
            }
            lines.push(text);
        }
    }
    lines
}

/// `word` measured by [`width`], and cut into pieces of at most `max`
/// columns if it is wider (see [`forced_cut`]). The word's trailing
/// whitespace goes with the last piece.
fn fit_word(word: Word<'_>, max: usize) -> Vec<Word<'_>> {
    let piece = |s| Word {
        word: s,
        width: width(s),
        whitespace: "",
        penalty: "",
    };
    let mut pieces = Vec::new();
    let mut rest = word.word;
    while width(rest) > max {
        let (head, tail) = rest.split_at(forced_cut(rest, max));
        pieces.push(piece(head));
        rest = tail;
    }
    pieces.push(Word {
        whitespace: word.whitespace,
        ..piece(rest)
    });
    pieces
}

/// Where to cut `word`, which is wider than `max` columns and has no UAX #14
/// break opportunity inside, as a byte index: the last grapheme-cluster
/// boundary within `max` columns (`unicode-truncate`) whose neighbours may
/// end and begin a line, so that even a forced cut keeps a closing mark off
/// the next line's start and an opening mark off this line's end. If no
/// boundary qualifies it is the last one that fits, and a first cluster
/// wider than `max` is kept whole.
fn forced_cut(word: &str, max: usize) -> usize {
    let fits = word.unicode_truncate(max).0.len();
    let clusters: Vec<(usize, &str)> = word.grapheme_indices(true).collect();
    let polite = clusters
        .windows(2)
        .rev()
        .filter(|pair| pair[1].0 <= fits)
        .find(|pair| may_end_line(pair[0].1) && may_start_line(pair[1].1));
    match polite {
        Some(pair) => pair[1].0,
        None if fits > 0 => fits,
        None => clusters.first().map_or(word.len(), |(_, g)| g.len()),
    }
}

/// Whether UAX #14 (through textwrap) allows a line to start with `cluster`:
/// it does unless it forbids a break between an ideograph and the cluster
/// (closing punctuation, ！？：； and the like).
fn may_start_line(cluster: &str) -> bool {
    let pair = format!("中{cluster}");
    WordSeparator::UnicodeBreakProperties
        .find_words(&pair)
        .nth(1)
        .is_some()
}

/// Whether UAX #14 (through textwrap) allows a line to end with `cluster`:
/// it does unless it forbids a break between the cluster and an ideograph
/// (opening punctuation and the like).
fn may_end_line(cluster: &str) -> bool {
    let pair = format!("{cluster}中");
    WordSeparator::UnicodeBreakProperties
        .find_words(&pair)
        .nth(1)
        .is_some()
}

/// Whether `s` is one whole web address: `http://` or `https://`, then
/// printable ASCII with no space (what a terminal hyperlink can carry).
pub fn is_web_address(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && r.bytes().all(|b| (0x21..0x7f).contains(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_keeps_its_lines_and_tabs_and_loses_its_escapes() {
        assert_eq!(sanitize_output("a\tb\nc\n"), "a\tb\nc\n");
        assert_eq!(
            sanitize_output("x\u{1b}]52;c;SGk=\u{7}y\n\u{202e}z\u{9b}"),
            "x\u{FFFD}]52;c;SGk=\u{FFFD}y\nz\u{FFFD}"
        );
    }

    #[test]
    fn sanitize_replaces_controls_and_drops_bidi() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(sanitize("x\u{202E}y\u{200B}z"), "xyz");
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("a\nb\u{2028}c"), "a b c");
        assert_eq!(sanitize("\u{9b}2J\u{7f}"), "\u{FFFD}2J\u{FFFD}");
        assert_eq!(sanitize("👩\u{200D}💻"), "👩\u{200D}💻");
    }

    #[test]
    fn truncate_counts_wide_chars_as_two() {
        assert_eq!(truncate("机器学习工程师", 6), "机器…");
        assert_eq!(width(&truncate("机器学习工程师", 6)), 5);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 0), "");
    }

    /// Marks that must never start a line (UAX #14 classes CL, EX, NS).
    const NO_START: [char; 12] = [
        '，', '。', '、', '；', '：', '！', '？', '）', '」', '』', '】', '》',
    ];
    /// Marks that must never end a line (UAX #14 class OP).
    const NO_END: [char; 5] = ['（', '「', '『', '《', '【'];

    /// Every Chinese text of the bundled data files (the `zh` of each pair).
    fn chinese_sentences() -> Vec<String> {
        fn collect(v: &serde_yaml::Value, out: &mut Vec<String>) {
            match v {
                serde_yaml::Value::Mapping(m) => {
                    for (k, v) in m {
                        match (k.as_str(), v.as_str()) {
                            (Some("zh"), Some(s)) => out.push(s.to_string()),
                            _ => collect(v, out),
                        }
                    }
                }
                serde_yaml::Value::Sequence(s) => s.iter().for_each(|v| collect(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for file in [
            include_str!("../../../data/boundary.yaml"),
            include_str!("../../../data/notes.yaml"),
            include_str!("../../../data/postings.yaml"),
            include_str!("../../../data/roles.yaml"),
            include_str!("../../../data/skills.yaml"),
        ] {
            collect(&serde_yaml::from_str(file).unwrap(), &mut out);
        }
        out
    }

    /// The kinsoku breaches in `lines` (a wrap of one paragraph).
    fn breaches(lines: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let first = line.chars().next();
            let last = line.chars().next_back();
            if i > 0 && first.is_some_and(|c| NO_START.contains(&c)) {
                out.push(format!("line {i} starts with {first:?}: {line}"));
            }
            if i + 1 < lines.len() && last.is_some_and(|c| NO_END.contains(&c)) {
                out.push(format!("line {i} ends with {last:?}: {line}"));
            }
        }
        out
    }

    #[test]
    fn data_sentences_wrap_by_kinsoku_within_the_width_losing_nothing() {
        let sentences = chinese_sentences();
        assert!(sentences.len() > 200, "{}", sentences.len());
        let mut breaks = 0;
        for s in &sentences {
            for max in (10..=80).rev() {
                let lines = wrap(s, max);
                breaks += lines.len() - 1;
                let b = breaches(&lines);
                assert!(b.is_empty(), "at {max}: {b:?} in {lines:?}");
                for l in &lines {
                    assert!(width(l) <= max, "at {max}: {l:?} is {} wide", width(l));
                }
                let squeeze = |t: &str| t.replace(' ', "");
                assert_eq!(squeeze(&lines.concat()), squeeze(s), "at {max}");
            }
        }
        assert!(breaks > 1000, "the widths must make lines break: {breaks}");
    }

    #[test]
    fn each_closing_mark_stays_off_a_line_start_and_each_opening_off_a_line_end() {
        // The mark falls at every position relative to the line end as the width varies.
        for mark in NO_START.iter().chain(&NO_END) {
            let s = format!("大模型能力{mark}大模型能力{mark}大模型能力{mark}大模型");
            for max in 4..=30 {
                let lines = wrap(&s, max);
                assert!(breaches(&lines).is_empty(), "{mark} at {max}: {lines:?}");
                assert!(lines.iter().all(|l| width(l) <= max), "{lines:?}");
            }
        }
        // Without the kinsoku rules these breaks would be taken.
        assert_eq!(wrap("模型，能力", 4), vec!["模", "型，", "能力"]);
        assert_eq!(wrap("模型（能力", 6), vec!["模型", "（能力"]);
        // A run with no break opportunity wider than the line is cut where
        // the marks allow, not just where the columns run out.
        assert_eq!(wrap("（LangChain、", 12), vec!["（LangChai", "n、"]);
        assert_eq!(wrap("「模型」", 4), vec!["「模", "型」"]);
    }

    #[test]
    fn clusters_are_measured_whole_and_never_split() {
        let scientist = "👩\u{200D}🔬";
        let e_acute = "e\u{301}";
        assert_eq!(width(scientist), 2);
        assert_eq!(width(e_acute), 1);
        assert_eq!(width("❤\u{FE0F}"), 2);
        assert_eq!(width(&format!("{scientist}{e_acute}提")), 5);

        assert_eq!(
            truncate(&scientist.repeat(3), 5),
            format!("{scientist}{scientist}…")
        );
        assert_eq!(truncate(&scientist.repeat(3), 4), format!("{scientist}…"));
        assert_eq!(
            truncate(&e_acute.repeat(4), 3),
            format!("{e_acute}{e_acute}…")
        );
        assert_eq!(pad(&scientist.repeat(3), 4), format!("{scientist}… "));
        assert_eq!(pad(e_acute, 3), format!("{e_acute}  "));
        assert_eq!(width(&pad(&scientist.repeat(3), 4)), 4);

        let text =
            format!("{scientist}{scientist} ca{e_acute}fe{e_acute} ❤\u{FE0F}❤\u{FE0F}❤\u{FE0F}");
        for max in 1..=12 {
            let lines = wrap(&text, max);
            for l in &lines {
                let ok = l.graphemes(true).all(|g| {
                    g == scientist || !g.contains('\u{200D}') && !g.starts_with('\u{301}')
                });
                assert!(ok, "a cluster split at {max}: {lines:?}");
                assert!(width(l) <= max.max(2), "at {max}: {l:?}");
            }
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        }
        assert_eq!(
            wrap(&text, 4),
            vec![
                format!("{scientist}{scientist}"),
                format!("ca{e_acute}f"),
                format!("e{e_acute}"),
                "❤\u{FE0F}❤\u{FE0F}".into(),
                "❤\u{FE0F}".into()
            ]
        );
    }

    #[test]
    fn wrap_breaks_latin_at_spaces_and_cjk_anywhere() {
        assert_eq!(
            wrap("the quick brown fox", 10),
            vec!["the quick", "brown fox"]
        );
        let zh = wrap("熟悉大模型能力并做成产品", 8);
        assert!(zh.iter().all(|l| width(l) <= 8), "{zh:?}");
        assert_eq!(zh.concat(), "熟悉大模型能力并做成产品");
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn pad_fills_to_exact_width() {
        assert_eq!(width(&pad("机器", 7)), 7);
        assert_eq!(pad("abcdef", 4), "abc…");
    }
}
