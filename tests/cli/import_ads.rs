//! The importer on six job ads written for these tests in the style of real
//! ones (`tests/ads/*.txt`, English and Chinese, with blurb, benefits and
//! equal opportunity lines), each with the items it must find, the skills
//! each must map to and the `min_years` each must yield
//! (`*.expected.yaml`). Prints the importer's precision and recall.

use career_core::import::understand;
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

#[test]
fn six_ads_split_map_and_read_years_with_printed_precision_and_recall() {
    let c = load_bundled().unwrap();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    for name in ADS {
        let (text, exp) = ad(name);
        let got = understand(&c, &text);
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
                assert!(
                    gi.text.starts_with(&ei.start),
                    "{name} {what}: {:?} should start {:?}",
                    gi.text,
                    ei.start
                );
                if what == "requirements" {
                    assert_eq!(gi.min_years, ei.min_years, "{name}: {:?}", gi.text);
                }
                let t = gi.skills.iter().filter(|s| ei.skills.contains(s)).count();
                tp += t;
                fp += gi.skills.len() - t;
                fn_ += ei.skills.len() - t;
                if gi.skills != ei.skills {
                    report.push_str(&format!(
                        "{name} {:?}\n   got {:?}\n  want {:?}\n",
                        ei.start, gi.skills, ei.skills
                    ));
                }
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!("{report}");
    println!(
        "importer over {} ads: precision {:.2} ({tp}/{}), recall {:.2} ({tp}/{})",
        ADS.len(),
        precision,
        tp + fp,
        recall,
        tp + fn_
    );
    assert!(precision >= 0.75, "precision {precision:.2}\n{report}");
    assert!(recall >= 0.75, "recall {recall:.2}\n{report}");
}

#[test]
fn bullets_of_every_kind_are_split_off() {
    use career_core::import::split_bullet;
    for (line, rest) in [
        ("- Python", "Python"),
        ("* Python", "Python"),
        ("• Python", "Python"),
        ("1. Python", "Python"),
        ("12) Python", "Python"),
        ("1、熟悉 Python", "熟悉 Python"),
        ("（1）熟悉 Python", "熟悉 Python"),
        ("(a) Python", "Python"),
        ("① 熟悉", "熟悉"),
        ("一、岗位职责", "岗位职责"),
    ] {
        assert_eq!(split_bullet(line), (true, rest), "{line}");
    }
    for line in [
        "3.5 years of Python",
        "-5 years",
        "Python (3.11)",
        "3-5年经验",
    ] {
        assert!(!split_bullet(line).0, "{line}");
    }
}

#[test]
fn experience_thresholds_in_both_languages() {
    use career_core::import::min_years;
    for (text, want) in [
        ("5+ years of Python", Some(5)),
        ("at least 3 years of backend work", Some(3)),
        ("Minimum of 4 years experience", Some(4)),
        ("3-5 years in machine learning", Some(3)),
        ("five years of experience with SQL", Some(5)),
        ("8+ yrs", Some(8)),
        ("3 年以上 Python 经验", Some(3)),
        ("三年以上后端开发经验", Some(3)),
        ("至少 2 年大模型相关经验", Some(2)),
        ("3-5年开发经验", Some(3)),
        ("十年以上", Some(10)),
        ("Papers from the last 2 years", None),
        ("We have 3 offices and 40 people", None),
        ("Python 3.11 and 2 GPUs", None),
        ("熟悉 Python", None),
    ] {
        assert_eq!(min_years(text), want, "{text}");
    }
}

#[test]
fn an_ad_without_requirements_finds_none() {
    let c = load_bundled().unwrap();
    let p = understand(
        &c,
        "We are hiring!\nGreat team, great snacks.\n- Apply today\n",
    );
    assert!(p.requirements.is_empty());
}
