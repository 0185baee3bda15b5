//! Ads imported without `--company`: the company is guessed from a clear
//! cue only, the guess names the posting's id, and the report says where
//! the company and the title came from and how to set them. The ads are
//! short ones written for these tests.

use serde_json::Value;

use crate::common::Home;

/// An ad with an "About X" heading and no title line.
const NIMBUS: &str = "About Nimbus Freight\nNimbus Freight moves parcels by drone.\n\n\
    Requirements\n- 3+ years of Python\n- Experience with Docker\n";

/// An ad with a "Why X?" heading.
const ORBITLY: &str = "Why Orbitly?\nOrbitly pays fairly and ships weekly.\n\n\
    Requirements\n- SQL and dashboards\n";

/// An ad whose only heading on the company is "About us": no guess.
const ABOUT_US: &str = "About us\nWe are a small team that builds search.\n\n\
    Requirements\n- Go or Rust\n";

/// A Chinese ad with a "关于X" heading.
const XINGHE: &str = "关于星河数据\n星河数据专注于物流分析。\n\n任职要求\n1、熟悉 Python\n";

fn write(home: &Home, name: &str, text: &str) -> String {
    let path = home.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn json_of(home: &Home, args: &[&str]) -> Value {
    let out = home
        .cmd()
        .args(["postings", "import", "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn ads_without_company_get_the_guessed_company_and_distinct_ids() {
    let home = Home::new();
    let files: Vec<String> = [("a.txt", NIMBUS), ("b.txt", ORBITLY), ("c.txt", ABOUT_US)]
        .iter()
        .map(|(n, t)| write(&home, n, t))
        .collect();
    for f in &files {
        home.cmd()
            .args(["postings", "import", f])
            .assert()
            .success();
    }
    let out = home.cmd().args(["postings", "--json"]).output().unwrap();
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let own: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["own"] == true)
        .map(|p| {
            (
                p["id"].as_str().unwrap().into(),
                p["company"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("nimbus_freight", "Nimbus Freight"),
        ("orbitly", "Orbitly"),
        ("posting", "Unknown company"),
    ];
    for (id, company) in want {
        assert!(own.contains(&(id.into(), company.into())), "{own:?}");
    }
}

#[test]
fn the_json_and_the_report_say_where_company_and_title_came_from() {
    let home = Home::new();
    let nimbus = write(&home, "nimbus.txt", NIMBUS);
    let v = json_of(&home, &["--dry-run", &nimbus]);
    assert_eq!(v["names"][0]["from"], "ad");
    assert_eq!(v["names"][0]["line"], 1);
    assert_eq!(v["names"][0]["text"], "About Nimbus Freight");
    assert_eq!(v["names"][1]["from"], "not_found");
    assert_eq!(v["posting"]["title"], "Imported job ad");
    let given = json_of(
        &home,
        &[
            "--dry-run",
            "--company",
            "Nimbus",
            "--title",
            "Pilot",
            &nimbus,
        ],
    );
    assert_eq!(given["names"][0]["from"], "given");
    assert_eq!(given["names"][1]["from"], "given");
    let out = home
        .cmd()
        .args(["postings", "import", "--dry-run", &nimbus])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Company: Nimbus Freight (guessed from line 1 \"About Nimbus Freight\""),
        "{err}"
    );
    assert!(
        err.contains("--company") && err.contains("--title"),
        "{err}"
    );
    assert!(err.contains("Title: Imported job ad (not found"), "{err}");
}

#[test]
fn chinese_ads_are_guessed_and_reported_in_chinese() {
    let home = Home::new();
    let xinghe = write(&home, "xinghe.txt", XINGHE);
    let v = json_of(&home, &["--dry-run", &xinghe]);
    assert_eq!(v["posting"]["company"], "星河数据");
    let out = home
        .cmd()
        .args(["--lang", "zh", "postings", "import", "--dry-run", &xinghe])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("星河数据（据第 1 行“关于星河数据”推测"),
        "{err}"
    );
}

#[test]
fn an_about_us_heading_gives_no_guess() {
    let home = Home::new();
    let about_us = write(&home, "about_us.txt", ABOUT_US);
    let v = json_of(&home, &["--dry-run", &about_us]);
    assert_eq!(v["names"][0]["from"], "not_found");
    assert_eq!(v["posting"]["company"], "Unknown company");
}

/// Under `--lang zh` a posting nobody names gets Chinese placeholders, and
/// the report's Chinese labels end in their own colon with no space after.
#[test]
fn an_unnamed_posting_under_chinese_gets_chinese_placeholders() {
    let home = Home::new();
    let about_us = write(&home, "about_us.txt", ABOUT_US);
    let out = home
        .cmd()
        .args([
            "--lang",
            "zh",
            "postings",
            "import",
            "--dry-run",
            "--json",
            &about_us,
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["posting"]["company"], "未知公司");
    assert_eq!(v["posting"]["title"], "导入的招聘启事");
    let out = home
        .cmd()
        .args(["--lang", "zh", "postings", "import", "--dry-run", &about_us])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("公司：未知公司"), "{err}");
    assert!(!err.contains("： "), "{err}");
}
