//! The importer on six job ads written for these tests in the style of real
//! ones (`tests/ads/*.txt`, English and Chinese, with blurb, benefits and
//! equal opportunity lines), each with the items it must find, the skills
//! each must map to, the `min_years` each must yield and its marks
//! (`*.expected.yaml`); and on short ads for single rules.

use career_core::import::segment::{min_years, split_bullet};
use career_core::import::{Parsed, matcher, understand};
use career_core::store::loader::load_bundled;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    responsibilities: Vec<ExpItem>,
    requirements: Vec<ExpItem>,
}

#[derive(Deserialize)]
struct ExpItem {
    start: String,
    skills: Vec<String>,
    #[serde(default)]
    min_years: Option<u32>,
    #[serde(default)]
    preferred: bool,
    #[serde(default)]
    any_of: bool,
}

const ADS: [&str; 6] = [
    "01_startup_en",
    "02_bigco_zh",
    "03_enterprise_en",
    "04_platform_zh",
    "05_markdown_en",
    "06_inline_zh",
];

fn ad(name: &str) -> (String, Expected) {
    let dir = crate::common::fixture("ads");
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let exp = std::fs::read_to_string(dir.join(format!("{name}.expected.yaml"))).unwrap();
    (text, serde_yaml::from_str(&exp).unwrap())
}

fn read(ad: &str, company: Option<&str>) -> Parsed {
    let c = load_bundled().unwrap();
    understand(&matcher(&c), ad, company)
}

#[test]
fn six_ads_are_split_mapped_and_marked_as_expected() {
    let c = load_bundled().unwrap();
    let m = matcher(&c);
    for name in ADS {
        let (text, exp) = ad(name);
        let got = understand(&m, &text, Some("Acme"));
        for (what, g, e) in [
            (
                "responsibilities",
                &got.responsibilities,
                &exp.responsibilities,
            ),
            ("requirements", &got.requirements, &exp.requirements),
        ] {
            let texts: Vec<&str> = g.iter().map(|x| x.text.as_str()).collect();
            assert_eq!(g.len(), e.len(), "{name} {what}: {texts:#?}");
            for (gi, ei) in g.iter().zip(e) {
                assert!(gi.text.starts_with(&ei.start), "{name}: {:?}", gi.text);
                assert_eq!(gi.skills, ei.skills, "{name}: {:?}", gi.text);
                assert_eq!(gi.min_years, ei.min_years, "{name}: {:?}", gi.text);
                assert_eq!(gi.preferred, ei.preferred, "{name}: {:?}", gi.text);
                assert_eq!(gi.any_of, ei.any_of, "{name}: {:?}", gi.text);
                // Every skill carries the words that named it, taken from the item.
                for s in &gi.skills {
                    let words = &gi.evidence[s];
                    assert!(gi.text.contains(words.as_str()), "{name}: {s} {words:?}");
                }
            }
        }
    }
}

#[test]
fn bullets_of_every_kind_are_split_off() {
    for (line, rest) in [
        ("- Python", "Python"),
        ("* Python", "Python"),
        ("• Python", "Python"),
        ("1. Python", "Python"),
        ("12) Python", "Python"),
        ("1、熟悉 Python", "熟悉 Python"),
        ("（1）熟悉 Python", "熟悉 Python"),
        ("① 熟悉", "熟悉"),
    ] {
        assert_eq!(split_bullet(line), (true, rest), "{line}");
    }
    for line in ["3.5 years of Python", "-5 years", "Python (3.11)"] {
        assert!(!split_bullet(line).0, "{line}");
    }
}

#[test]
fn experience_thresholds_in_both_languages() {
    for (text, want) in [
        ("5+ years of Python", vec![5]),
        ("at least 3 years of backend work", vec![3]),
        ("Minimum of 4 years experience", vec![4]),
        ("3-5 years in machine learning", vec![3]),
        ("five years of experience with SQL", vec![5]),
        ("3 年以上 Python 经验", vec![3]),
        ("三年以上后端开发经验", vec![3]),
        ("至少 2 年大模型相关经验", vec![2]),
        ("Papers from the last 2 years", vec![]),
        ("We have 3 offices and 40 people", vec![]),
        ("熟悉 Python", vec![]),
    ] {
        assert_eq!(min_years(text), want, "{text}");
    }
}

#[test]
fn an_ad_without_requirements_is_imported_with_a_warning() {
    let p = read(
        "We are hiring!\nGreat team, great snacks.\n- Apply today\n",
        None,
    );
    assert!(p.requirements.is_empty());
    assert!(p.warnings.contains(&"no_requirements"));
    assert!(!p.left_out.is_empty(), "every line left out is listed");
}

#[test]
fn headings_of_any_wording_are_read_and_about_is_never_the_title() {
    let ad = "About Nimbus\nWe make weather apps.\n\nThings you would do here:\n- Ship retrieval features\n\n\
              You may be a strong match if you bring:\n- Solid Python and SQL\n- Kubernetes, Docker or Terraform\n\n\
              Compensation: $150k–$190k\n";
    let p = read(ad, Some("Nimbus"));
    assert_ne!(p.title.as_deref(), Some("About Nimbus"));
    assert_eq!(p.responsibilities.len(), 1);
    assert_eq!(p.requirements.len(), 2);
    assert!(p.salary.as_deref().unwrap_or("").contains("150"));
    assert_eq!(p.requirements[0].skills, ["python", "sql"]);
    assert!(p.requirements[1].any_of, "X or Y is an any-of requirement");
    let reasons: Vec<&str> = p.left_out.iter().map(|l| l.reason).collect();
    assert!(reasons.contains(&"heading"), "{reasons:?}");
}

#[test]
fn run_on_chinese_items_and_no_skill_lines() {
    let ad = "AI 应用工程师 25-40K·13薪\n任职要求：1. 本科及以上学历；2. 3年以上 Python 开发经验；3. 熟悉 RAG 与向量数据库\n";
    let p = read(ad, None);
    let texts: Vec<&str> = p.requirements.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(p.requirements.len(), 3, "{texts:?}");
    assert!(
        p.requirements[0].skills.is_empty(),
        "a degree line names no skill"
    );
    assert_eq!(p.requirements[1].min_years, Some(3));
    assert_eq!(p.requirements[1].skills, ["python"]);
    assert_eq!(p.salary.as_deref(), Some("25-40K·13薪"));
    assert!(!p.title.unwrap_or_default().contains("40K"));
}

#[test]
fn preferred_items_are_marked_and_the_company_names_no_skill() {
    let ad = "Requirements\n- Experience with the OpenAI API\n\nNice to have\n- Terraform\n";
    let p = read(ad, Some("OpenAI"));
    assert!(
        p.requirements[0].skills.is_empty(),
        "the employer's own name"
    );
    assert!(p.requirements[1].preferred);
    assert_eq!(
        p.requirements[1].evidence["infrastructure_as_code"],
        "Terraform"
    );
}
