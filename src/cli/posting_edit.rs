//! `postings show ID` (one posting, each requirement marked by the one
//! coverage rule, with its evidence) and `postings edit ID ITEM` (correct a
//! requirement of one of your own postings).

use serde_json::{Value, json};

use career_core::i18n;
use career_core::model::{Catalog, Lang};
use career_core::readiness::posting_match_for;
use career_core::report;
use career_core::store::posting_edit::{self, EditError, ItemEdit};
use career_core::store::progress::Progress;

/// The posting `id` as JSON: its figures and every requirement in the
/// export's shape (mark, tally, years check, kind, skills, evidence).
fn posting_json(c: &Catalog, progress: &Progress, p: usize, lang: Lang) -> Value {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let years = progress.profile.years;
    let posting = &c.postings[p];
    let m = posting_match_for(posting, &state, years);
    let reqs: Vec<report::RequirementReport> = posting
        .requirements
        .iter()
        .map(|r| report::requirement_report(r, &state, years, lang))
        .collect();
    json!({
        "id": posting.id,
        "company": posting.company.get(lang),
        "title": posting.title.get(lang),
        "own": c.is_own_posting(p),
        "file": c.own_posting_file(p).map(|f| f.display().to_string()),
        "profile_years": years,
        "skill_coverage_percent": m.coverage(),
        "requirements_met": m.covered,
        "requirements_partly": m.partly,
        "requirements_missing": m.missing,
        "requirements_not_mapped": m.not_mapped,
        "requirements_mappable": m.mappable(),
        "requirements": reqs,
        "met": i18n::met_of(lang, m.covered, m.mappable()),
    })
}

/// Every posting's requirements in the export's shape, for `postings --json`.
pub fn requirements_json(c: &Catalog, progress: &Progress, p: usize, lang: Lang) -> Value {
    posting_json(c, progress, p, lang)["requirements"].clone()
}

/// `career-explorer postings show ID [--json]`: the posting's figures and
/// each requirement with its mark, kind, years check and the skills that
/// cover it with the words that named them.
pub fn show(
    c: &Catalog,
    progress: &Progress,
    id: &str,
    lang: Lang,
    json: bool,
) -> Result<String, String> {
    let p = crate::cli::postings::find_posting(c, id)?;
    let v = posting_json(c, progress, p, lang);
    if json {
        return Ok(serde_json::to_string_pretty(&v).expect("plain values") + "\n");
    }
    let mut out = format!(
        "{} — {}\n{} · {}\n{}\n",
        v["company"].as_str().unwrap_or(""),
        v["title"].as_str().unwrap_or(""),
        career_core::present::coverage_figure(
            lang,
            v["skill_coverage_percent"].as_u64().map(|p| p as usize)
        ),
        v["met"].as_str().unwrap_or(""),
        i18n::profile_line(
            lang,
            progress.profile.years,
            progress.profile.role.as_deref()
        ),
    );
    if let Some(mark) = career_core::present::posting_provenance(&c.postings[p], lang) {
        out.push_str(&format!("{mark}\n"));
    }
    let state = |s: usize| progress.state(&c.skills[s].id);
    for r in &c.postings[p].requirements {
        let q = report::requirement_report(r, &state, progress.profile.years, lang);
        out.push_str(&requirement_text(c, &q, lang));
    }
    Ok(out)
}

/// One requirement of `show`: "[~ partly] Q1 text (preferred)", its tally
/// and years, then each skill with its evidence.
fn requirement_text(c: &Catalog, q: &report::RequirementReport, lang: Lang) -> String {
    let l = i18n::labels(lang);
    let cov = career_core::readiness::Coverage::from_code(q.coverage)
        .map(|c| i18n::coverage_mark(lang, c))
        .unwrap_or_default();
    let flags = i18n::item_flags(lang, q.preferred, q.any_of);
    let flags = match (flags.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::En) => format!(" ({flags})"),
        (false, Lang::Zh) => format!("（{flags}）"),
    };
    let mut out = format!(
        "\n[{cov}] {} {}{flags}\n    {}/{}",
        q.id,
        career_core::text::sanitize(&q.text),
        q.done,
        q.total
    );
    if let Some(min) = q.min_years {
        // "8 年以上经验" has its "+" in the words; the check is on total years.
        let plus = if lang == Lang::Zh { " " } else { "+ " };
        let you = match (q.years, lang) {
            (Some("met"), Lang::En) => "reached, all years",
            (Some("met"), Lang::Zh) => "总年限已达到",
            (Some("not_met"), Lang::En) => "short, all years",
            (Some("not_met"), Lang::Zh) => "总年限不足",
            _ => l.years_not_given,
        };
        let check = i18n::with_paren(lang, &format!("{min}{plus}{}", l.experience), you);
        out.push_str(&format!(" · {check}"));
    }
    out.push('\n');
    for s in &q.skills {
        let name = c.skill_index(s).map_or("", |i| c.skills[i].name.get(lang));
        let words = q
            .evidence
            .get(s)
            .map(|w| format!(" ← “{}”", career_core::text::sanitize(w)))
            .unwrap_or_default();
        out.push_str(&format!("    {s} {name}{words}\n"));
    }
    out
}

/// `career-explorer postings edit ID ITEM --add S --remove S
/// [--preferred|--required]`: changes requirement ITEM of own posting ID
/// and saves its file in place. Returns what changed, in `lang`.
pub fn edit(
    c: &Catalog,
    id: &str,
    item: &str,
    add: &[String],
    remove: &[String],
    preferred: Option<bool>,
    lang: Lang,
) -> Result<String, EditError> {
    let (p, i, file) = posting_edit::locate(c, id, item)?;
    let before = ItemEdit::of(&c.postings[p].requirements[i]);
    let after = posting_edit::apply(c, &before, add, remove, preferred)?;
    if after == before {
        return Ok(match lang {
            Lang::En => format!("{id} {item}: nothing to change\n"),
            Lang::Zh => format!("{id} {item}：没有需要更改的内容\n"),
        });
    }
    let path = posting_edit::write(file, item, &before, &after)?;
    let kind = |p: bool| i18n::required_or_preferred(lang, p);
    let skills = |s: &[String]| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.join(", ")
        }
    };
    Ok(match lang {
        Lang::En => format!(
            "{id} {item}: skills {} → {}; {} → {}\nSaved {}\n",
            skills(&before.skills),
            skills(&after.skills),
            kind(before.preferred),
            kind(after.preferred),
            path.display()
        ),
        Lang::Zh => format!(
            "{id} {item}：技能 {} → {}；{} → {}\n已保存 {}\n",
            skills(&before.skills),
            skills(&after.skills),
            kind(before.preferred),
            kind(after.preferred),
            path.display()
        ),
    })
}
