//! The catalog: every type the YAML files in `data/` deserialise into.
//!
//! Unknown fields are rejected everywhere (`deny_unknown_fields`) so a typo in a
//! user's data folder is an error, not silently ignored content. Free text goes
//! through [`Clean`], which sanitises it while it is parsed: nothing from a data
//! file reaches the terminal unfiltered.

pub mod json_shape;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::sanitize;

/// The two languages of every user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn toggle(self) -> Self {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

/// A string that was sanitised when it was read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Clean(String);

impl Clean {
    pub fn new(raw: &str) -> Self {
        if is_printable_ascii(raw) {
            Clean(raw.to_owned())
        } else {
            Clean(sanitize(raw))
        }
    }

    /// As [`Clean::new`], keeping `raw`'s buffer when it needs no change.
    fn from_string(raw: String) -> Self {
        if is_printable_ascii(&raw) {
            Clean(raw)
        } else {
            Clean(sanitize(&raw))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Clean {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Clean {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `sanitize` leaves printable ASCII as it is (everything it changes is a
/// control character or not ASCII): such text is copied, not rebuilt.
fn is_printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// A text left empty or null (`""`, `~`, `null`) is an error, as a missing
/// one is: it would show as nothing, or as the literal "~".
fn not_blank<E: serde::de::Error>(v: &str) -> Result<(), E> {
    match v.trim() {
        "" | "~" | "null" | "Null" | "NULL" => Err(E::custom(
            "an empty or null text: write the text out (a `Text` is `{en: ..., zh: ...}` or a plain string)",
        )),
        _ => Ok(()),
    }
}

impl Serialize for Clean {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Clean {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A compact format is only the catalog embedded at build time
        // (`crate::store::frozen`), whose texts were sanitised as the build
        // read the YAML: taken as they are.
        if !d.is_human_readable() {
            return String::deserialize(d).map(Clean);
        }
        // Sanitised straight from the deserializer's text: one allocation,
        // where `String::deserialize` then `sanitize` made two.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Clean;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Clean, E> {
                not_blank(v)?;
                Ok(Clean::new(v))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Clean, E> {
                not_blank(&v)?;
                Ok(Clean::from_string(v))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Clean, E> {
                match std::str::from_utf8(v) {
                    Ok(s) => self.visit_str(s),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(v), &self)),
                }
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Clean, E> {
                not_blank("~").map(|()| Clean::default())
            }
        }
        d.deserialize_string(Visitor)
    }
}

/// A text in English and Simplified Chinese: `{en: ..., zh: ...}`, or a
/// plain string in one language (a user's own posting), shown in both and
/// marked as untranslated in the other.
#[derive(Debug, Clone, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::json_shape::text_or_string)]
pub struct Text {
    pub en: Clean,
    pub zh: Clean,
    /// Set when the text was given as a plain string: the language it was
    /// written in (Chinese if it holds a Han character, else English).
    #[serde(skip)]
    pub only_in: Option<Lang>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// A text given in one language only: the same words in both, marked
    /// as written in Chinese if `s` holds a Han character, else in English.
    pub fn plain(s: &str) -> Text {
        let clean = Clean::new(s);
        Text {
            en: clean.clone(),
            zh: clean,
            only_in: Some(if crate::text::has_han(s) {
                Lang::Zh
            } else {
                Lang::En
            }),
        }
    }

    /// Whether the text shown in `lang` is in the other language, for want
    /// of a translation.
    pub fn untranslated(&self, lang: Lang) -> bool {
        self.only_in.is_some_and(|l| l != lang)
    }
}

/// The two-language form of [`Text`], with its field errors.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BothLanguages {
    en: Clean,
    zh: Clean,
}

/// The compact form of a [`Text`] in the catalog embedded at build time
/// (`crate::store::frozen`): every field in order, `only_in` included.
#[derive(Serialize, Deserialize)]
struct TextParts {
    en: Clean,
    zh: Clean,
    only_in: Option<Lang>,
}

/// A YAML file gives a [`Text`] as `{en, zh}` or a plain string; a compact
/// (not human-readable) format, as the embedded catalog, keeps all three
/// fields in order, so the text reads back exactly as it was.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            return TextParts {
                en: self.en.clone(),
                zh: self.zh.clone(),
                only_in: self.only_in,
            }
            .serialize(s);
        }
        match self.only_in {
            Some(_) => s.serialize_str(&self.en),
            None => BothLanguages {
                en: self.en.clone(),
                zh: self.zh.clone(),
            }
            .serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            let p = TextParts::deserialize(d)?;
            return Ok(Text {
                en: p.en,
                zh: p.zh,
                only_in: p.only_in,
            });
        }
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text: `{en: ..., zh: ...}`, or a plain string in one language")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                not_blank(v)?;
                Ok(Text::plain(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text::plain(&v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text::plain(&v.to_string()))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Text, E> {
                not_blank("~").map(|()| Text::default())
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
                let both =
                    BothLanguages::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Text {
                    en: both.en,
                    zh: both.zh,
                    only_in: None,
                })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A name that reads the same in both languages (a product, a person), or a
/// [`Text`] when the words need a Chinese form: `GPT-4` or
/// `{en: "GPU clusters", zh: "GPU 集群"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// The same in English and Chinese.
    Name(Clean),
    /// Different words in each language.
    Text(Text),
}

impl Term {
    /// The term in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Term::Name(n) => n,
            Term::Text(t) => t.get(lang),
        }
    }
}

/// The compact form of a [`Term`] (see [`TextParts`]): which of the two it is.
#[derive(Serialize, Deserialize)]
enum TermParts {
    Name(Clean),
    Text(Text),
}

/// A name as a plain string and a text as `{en, zh}`; in a compact format
/// (the embedded catalog) which of the two it is, then its words.
impl Serialize for Term {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (self, s.is_human_readable()) {
            (Term::Name(n), true) => n.serialize(s),
            (Term::Text(t), true) => t.serialize(s),
            (Term::Name(n), false) => TermParts::Name(n.clone()).serialize(s),
            (Term::Text(t), false) => TermParts::Text(t.clone()).serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Term {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            return Ok(match TermParts::deserialize(d)? {
                TermParts::Name(n) => Term::Name(n),
                TermParts::Text(t) => Term::Text(t),
            });
        }
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Term;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a name, or a text with `en` and `zh`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Term, E> {
                not_blank(v)?;
                Ok(Term::Name(Clean::new(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Term, E> {
                Ok(Term::Name(Clean::new(&v.to_string())))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Term, E> {
                Ok(Term::Name(Clean::new(&v.to_string())))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Term, E> {
                Ok(Term::Name(Clean::new(&v.to_string())))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Term, E> {
                not_blank("~").map(|()| Term::Name(Clean::default()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, m: A) -> Result<Term, A::Error> {
                Text::deserialize(serde::de::value::MapAccessDeserializer::new(m)).map(Term::Text)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The most years of experience a profile holds: the command line, the
/// app's `+` key, the progress file and a posting item's `min_years` all
/// keep to 0..=`MAX_YEARS`.
pub const MAX_YEARS: u32 = 60;

/// The source tags a `basis` may hold: those of the 2023 fact sheet, then
/// those of the 2024–2026 layer ([`RECENT_TAGS`]).
pub const BASIS_TAGS: [&str; 10] = [
    "seed",
    "essay",
    "essay-early",
    "karpathy",
    "huyen",
    "img",
    "2nd-spectrum",
    "bing",
    "brockman",
    SUGGESTED,
];

/// The 2024–2026 layer's source tags: an item resting on one is shown dated.
pub const RECENT_TAGS: [&str; 13] = [
    "li-2026",
    "li-young",
    "li-2025-uk",
    "roadmap",
    "roadmap-new",
    "roadmap-issues",
    "P1",
    "P2",
    "P3",
    "P4",
    "P5",
    "elicit",
    "notion-evals",
];

/// The tag for what the app adds with no source.
pub const SUGGESTED: &str = "suggested";

/// Whether `tag` is a known source tag.
pub fn is_basis_tag(tag: &str) -> bool {
    BASIS_TAGS.contains(&tag) || RECENT_TAGS.contains(&tag)
}

/// What a `basis` says about an item, as the app shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// No basis given, or sources only: shown with no marker.
    Sourced,
    /// Only `suggested`: the app's own addition.
    Ours,
    /// `suggested` and a source: partly the app's addition.
    PartlyOurs,
    /// Rests on a 2024–2026 source.
    Recent,
}

/// How an item with this `basis` is marked.
pub fn provenance(basis: &[String]) -> Provenance {
    let ours = basis.iter().any(|t| t == SUGGESTED);
    let sourced = basis.iter().any(|t| t != SUGGESTED);
    if ours && sourced {
        Provenance::PartlyOurs
    } else if ours {
        Provenance::Ours
    } else if basis.iter().any(|t| RECENT_TAGS.contains(&t.as_str())) {
        Provenance::Recent
    } else {
        Provenance::Sourced
    }
}

/// Which dated layer of the content an item belongs to.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default, Hash, schemars::JsonSchema,
)]
pub enum Layer {
    /// Mid-2023: the essay, the Chinese source article and Notion's 2023 ad.
    /// The default: an item without `layer` is of this layer.
    #[default]
    #[serde(rename = "2023")]
    Base2023,
    /// The sourced 2024–2026 layer: shown under a "2024–2026" label, never
    /// replacing a 2023 fact. Its items rest on a 2024–2026 source tag
    /// ([`RECENT_TAGS`]).
    #[serde(rename = "2024-2026")]
    Recent,
    /// The skills real job ads ask for (Python, RAG, AWS, communication…),
    /// generated from the shared vocabulary with their demand figures; the
    /// importer maps an ad's requirements to them (see docs/IMPORT.md).
    #[serde(rename = "ads")]
    Ads,
}

impl Layer {
    /// Every layer, oldest first.
    pub const ALL: [Layer; 3] = [Layer::Base2023, Layer::Recent, Layer::Ads];
}

/// Which layers the checklist shows: both (`None`) or one.
pub type LayerFilter = Option<Layer>;

/// The next filter of the cycle all → 2023 → 2024–2026 → ads → all.
pub fn next_layer_filter(f: LayerFilter) -> LayerFilter {
    match f {
        None => Some(Layer::Base2023),
        Some(Layer::Base2023) => Some(Layer::Recent),
        Some(Layer::Recent) => Some(Layer::Ads),
        Some(Layer::Ads) => None,
    }
}

/// How far a source can be trusted, as the 2024–2026 fact sheet labels it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reliability {
    /// The employer's own page or blog.
    Employer,
    /// A third-party job board's copy of an ad.
    Aggregator,
    /// News coverage of someone else's data.
    Secondary,
    /// Written by a vendor about its customer.
    Vendor,
    /// A project's own repository files or issues.
    Repo,
}

/// A short fact about a role, with where it comes from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub en: Clean,
    pub zh: Clean,
    /// Source tags (see `docs/DATA.md`); absent means sourced as the role is.
    #[serde(default)]
    pub basis: Vec<String>,
}

impl Fact {
    /// The fact in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// Source tags for a role's list fields, one list per field; a field left
/// out is sourced as before.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BasisOf {
    #[serde(default)]
    pub activities: Vec<String>,
    #[serde(default)]
    pub outputs: Vec<String>,
    #[serde(default)]
    pub key_tools: Vec<String>,
    #[serde(default)]
    pub iteration: Vec<String>,
    #[serde(default)]
    pub vs_ai_engineer: Vec<String>,
}

impl BasisOf {
    /// Every list, with the field's name (for validation messages).
    pub fn fields(&self) -> [(&'static str, &[String]); 5] {
        [
            ("activities", &self.activities),
            ("outputs", &self.outputs),
            ("key_tools", &self.key_tools),
            ("iteration", &self.iteration),
            ("vs_ai_engineer", &self.vs_ai_engineer),
        ]
    }
}

/// Which side of the API line a role calls home.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Makes models (producers).
    Left,
    /// Builds products on models (consumers).
    Right,
    /// Neither side (e.g. Data Engineer).
    Neither,
}

/// A five-step scale, used for iteration cost.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    VeryLow,
    Low,
    Medium,
    High,
    VeryHigh,
}

/// How fast a role's iteration loop turns. The cost scale's words are
/// accepted too: `very_low`, `low`, `high`, `very_high`.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(transform = crate::model::json_shape::speed_aliases)]
pub enum Speed {
    #[serde(alias = "very_low")]
    VerySlow,
    #[serde(alias = "low")]
    Slow,
    Medium,
    #[serde(alias = "high")]
    Fast,
    #[serde(alias = "very_high")]
    VeryFast,
}

// ---------- boundary.yaml ----------

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Boundary {
    /// The boundary's title (pane 1).
    pub name: Text,
    /// One or two sentences under the title.
    pub summary: Text,
    /// Role ids, left to right; left-side roles first, then right-side ones.
    /// Each must be a role in roles.yaml with side `left` or `right`.
    #[schemars(length(min = 1), inner(pattern(crate::model::json_shape::ID_PATTERN)))]
    pub spectrum: Vec<String>,
    /// The left side of the line: who makes models.
    pub producers: BoundarySide,
    /// The right side of the line: who builds products on models.
    pub consumers: BoundarySide,
    pub crossing: Crossing,
    /// How (and how far) the line can be crossed.
    pub permeability: Text,
    /// Reasons the line exists.
    #[serde(default)]
    pub why: Vec<Text>,
    /// The workflows roles can point at (`workflow` in roles.yaml).
    pub workflows: Vec<Workflow>,
    /// Key figures: a value such as `10-100x` and its label.
    #[serde(default)]
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoundarySide {
    pub label: Text,
    /// What this side produces.
    pub produces: Vec<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Crossing {
    /// What goes from consumers to producers (requests, fine-tuning data).
    pub leftward: Text,
    /// What comes back to consumers (completions, embeddings, weights).
    pub rightward: Text,
    /// Source tags for the crossing (see `docs/DATA.md`).
    #[serde(default)]
    pub basis: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    /// Unique among workflows; letters, digits, `_` and `-`. Roles name it in `workflow`.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    pub name: Text,
    /// Who works this way.
    pub who: Text,
    /// The steps, in order.
    pub steps: Vec<Text>,
    pub note: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The figure as shown, e.g. `10-100x`, or a text when the value has words
    /// (`{en: "~10x", zh: "约 10 倍"}`).
    pub value: Term,
    pub label: Text,
    /// Source tags (see `docs/DATA.md`); a 2024–2026 tag shows the figure
    /// under the "2024–2026" heading, apart from the 2023 estimates.
    #[serde(default)]
    pub basis: Vec<String>,
}

// ---------- roles.yaml ----------

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RolesFile {
    /// At least one role.
    #[schemars(length(min = 1))]
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Unique among roles; letters, digits, `_` and `-` (e.g. `ai_engineer`).
    /// Named by the spectrum, skills, postings and `career-explorer show`.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    pub name: Text,
    /// Other titles for the role (found by search).
    #[serde(default)]
    pub aliases: Vec<Text>,
    pub side: Side,
    /// One sentence: what the role is.
    pub summary: Text,
    /// What the role does day to day.
    pub activities: Vec<Text>,
    /// What the role produces.
    pub outputs: Vec<Text>,
    pub iteration: Iteration,
    /// Tools and technologies the role uses: a product name, or a text for a
    /// generic term (`{en: "GPU clusters", zh: "GPU 集群"}`).
    pub key_tools: Vec<Term>,
    /// The year the key tools are examples of (`2023`): shown as "(2023 examples)".
    #[serde(default)]
    pub examples_from: Option<u16>,
    /// Id of a workflow in boundary.yaml, if the role is tied to one.
    #[serde(default)]
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub workflow: Option<String>,
    /// How the role differs from the AI Engineer; absent only for the AI Engineer.
    #[serde(default)]
    pub vs_ai_engineer: Option<Text>,
    /// Short facts (figures, history) shown in the role's detail, each with an
    /// optional `basis`.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Source tags for the list fields; `suggested` marks the app's own additions.
    #[serde(default)]
    pub basis_of: BasisOf,
    /// Words people search for this by that its text does not hold
    /// (synonyms, spelled-out acronyms, the usual Chinese terms), in any
    /// language: searched like names, never shown.
    #[serde(default)]
    pub keywords: Vec<Clean>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Iteration {
    /// What one turn of the role's build-and-try loop costs.
    pub cost: Level,
    pub speed: Speed,
    /// What sets the cost and speed.
    pub note: Text,
}

// ---------- skills.yaml ----------

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillsFile {
    /// The checklist's groups, in display order; at least one.
    #[schemars(length(min = 1))]
    pub categories: Vec<Category>,
    /// The checklist, at least one skill.
    #[schemars(length(min = 1))]
    pub skills: Vec<Skill>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Unique among categories; letters, digits, `_` and `-`. Skills name it in `category`.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// Unique among skills; letters, digits, `_` and `-` (e.g. `S01`). Postings name
    /// it, and the progress file keeps your state under it: do not rename it lightly.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    /// The id of a category in this file.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub category: String,
    /// What to be able to do, as a checklist line.
    pub name: Text,
    /// Role ids that need this skill most, main role first (the `ads`
    /// layer's skills name none: ads ask for them across roles).
    #[serde(default)]
    #[schemars(inner(pattern(crate::model::json_shape::ID_PATTERN)))]
    pub roles: Vec<String>,
    /// Tools and technologies the skill names, for search.
    #[serde(default)]
    pub tools: Vec<Clean>,
    /// Source tags (see `docs/DATA.md`): `suggested` alone shows "(our addition)".
    #[serde(default)]
    pub basis: Vec<String>,
    /// The year the tools it names are examples of (`2023`).
    #[serde(default)]
    pub examples_from: Option<u16>,
    /// `"2024-2026"` for a skill of the dated 2024–2026 layer (its `basis`
    /// must then hold a 2024–2026 source tag); absent for the 2023 checklist.
    #[serde(default)]
    pub layer: Layer,
    /// Ids of skills to read with this one (a 2023 skill and its 2024–2026
    /// counterpart), shown in the detail as "See also".
    #[serde(default)]
    #[schemars(inner(pattern(crate::model::json_shape::ID_PATTERN)))]
    pub see_also: Vec<String>,
    /// Words people search for this by that its text does not hold
    /// (synonyms, spelled-out acronyms, the usual Chinese terms), in any
    /// language: searched like names, never shown.
    #[serde(default)]
    pub keywords: Vec<Clean>,
    /// The words job ads name this skill by: searched like `keywords`, and
    /// what `postings import` looks for in an ad's items (see docs/IMPORT.md).
    #[serde(default)]
    pub terms: Option<SkillTerms>,
    /// Ids of checklist tasks that practise this skill (`S10` for
    /// LangChain): shown with it, and the other way round.
    #[serde(default)]
    #[schemars(inner(pattern(crate::model::json_shape::ID_PATTERN)))]
    pub relates_to: Vec<String>,
    /// How often real ads ask for it, with the count's source, base and date.
    #[serde(default)]
    pub demand: Option<Demand>,
    /// Resolved at load: index of `category` in `Catalog::categories`.
    #[serde(skip)]
    pub category_idx: usize,
    /// Resolved at load: indices of `relates_to` in `Catalog::skills`.
    #[serde(skip)]
    pub relates_idx: Vec<usize>,
    /// Resolved at load: indices of `roles` in `Catalog::roles`.
    #[serde(skip)]
    pub role_idx: Vec<usize>,
}

/// The words ads name a skill by, and the rules that keep look-alikes out.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillTerms {
    /// Spellings English ads use; matched in every ad, whole words, any case.
    #[serde(default)]
    pub en: Vec<Clean>,
    /// Spellings Chinese ads use; a Latin-script one only `en` lacks is
    /// matched only in text that holds Chinese.
    #[serde(default)]
    pub zh: Vec<Clean>,
    /// Spellings matched only in exactly this case (`GO`, `JS`).
    #[serde(default)]
    pub case_sensitive: Vec<Clean>,
    /// Per spelling: the words around it that cancel it, or the context it needs.
    #[serde(default)]
    pub rules: std::collections::BTreeMap<String, TermRule>,
    /// Per spelling: other skill ids it gives too (`bedrock` gives `aws`).
    #[serde(default)]
    pub implies: std::collections::BTreeMap<String, Vec<String>>,
}

/// What cancels one spelling, or what it needs around it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermRule {
    /// Words right after the spelling that cancel it ("Go to market").
    #[serde(default)]
    pub not_before: Vec<String>,
    /// Words right before the spelling that cancel it ("travel agent").
    #[serde(default)]
    pub not_after: Vec<String>,
    /// `list`: only beside a list mark (`/`, `,`, `、`, `等`, or/and);
    /// `cjk`: only touching a Chinese character.
    #[serde(default)]
    pub context: Option<TermContext>,
}

/// The context a spelling needs to count.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermContext {
    /// Beside a list mark.
    List,
    /// Touching a Chinese character.
    Cjk,
}

/// How often real job ads ask for a skill: two counts, each with its base.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// Percent of the English ads counted that name it.
    pub en_share: f64,
    /// How many English ads name it, of `en_base`.
    pub en_ads: u32,
    pub en_base: u32,
    /// Percent of the Chinese ads counted that name it.
    pub zh_share: f64,
    /// How many Chinese ads name it, of `zh_base`.
    pub zh_ads: u32,
    pub zh_base: u32,
    /// When the ads were counted (`YYYY-MM-DD`).
    pub counted: Clean,
    /// Where each set of ads comes from.
    pub source: DemandSource,
    /// A published survey's figure for the same skill, when it has one.
    #[serde(default)]
    pub field_guide: Option<FieldGuide>,
}

/// The two sets of ads a [`Demand`] was counted over.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DemandSource {
    /// The English ads.
    pub en: Clean,
    /// The Chinese ads.
    pub zh: Clean,
}

/// A published survey's figures for a skill.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldGuide {
    /// The survey, its ads and date.
    pub source: Clean,
    pub figures: Vec<FieldGuideFigure>,
}

/// One figure of a survey: `label` named in `jobs` ads of `base`, and the
/// percent the survey published (absent when it published none).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldGuideFigure {
    pub label: Clean,
    pub jobs: u32,
    #[serde(default)]
    pub pct: Option<f64>,
    pub base: Clean,
}

impl Skill {
    /// Every spelling of `terms` (English, then Chinese): search reads them
    /// as keywords.
    pub fn term_words(&self) -> impl Iterator<Item = &Clean> {
        self.terms.iter().flat_map(|t| t.en.iter().chain(&t.zh))
    }
}

// ---------- postings.yaml ----------

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingsFile {
    /// The job postings (pane 4; left and right switch between them).
    pub postings: Vec<Posting>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Posting {
    /// Unique among postings; letters, digits, `_` and `-`.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    pub company: Term,
    /// The job title.
    pub title: Text,
    /// The role id the posting hires for.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub role: String,
    /// Where the posting comes from (a link or a description).
    pub source: Text,
    /// When the posting was seen, in words (it may be an estimate, with its
    /// reason); absent, the posting shows as undated.
    #[serde(default)]
    pub date: Option<Text>,
    /// Where the job is based; absent when the source does not say.
    #[serde(default)]
    pub place: Option<Text>,
    /// Web addresses of the copies the posting was read from (`http://` or
    /// `https://`), printed whole; required for a 2024–2026 posting.
    #[serde(default)]
    pub urls: Vec<Clean>,
    /// How far the source can be trusted; required for a 2024–2026 posting.
    #[serde(default)]
    pub reliability: Option<Reliability>,
    /// `"2024-2026"` for a posting of the dated 2024–2026 layer; absent for 2023.
    #[serde(default)]
    pub layer: Layer,
    /// Source tags (a 2024–2026 posting names its own, e.g. `P1`).
    #[serde(default)]
    pub basis: Vec<String>,
    /// What the job does; each item's `skills` are the skills that cover it.
    pub responsibilities: Vec<PostingItem>,
    /// What the job asks of you; the match figure counts these.
    pub requirements: Vec<PostingItem>,
    /// Your remarks on the posting.
    #[serde(default)]
    pub observations: Vec<Text>,
}

/// One responsibility or requirement of a posting.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingItem {
    /// Unique within the posting; letters, digits, `_` and `-` (e.g. `NQ1`).
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    pub text: Text,
    /// Shown emphasised (the source set it in bold).
    #[serde(default)]
    pub emphasis: bool,
    /// Skill ids that cover this item.
    #[serde(default)]
    #[schemars(inner(pattern(crate::model::json_shape::ID_PATTERN)))]
    pub skills: Vec<String>,
    /// An experience threshold that no skill can tick off.
    #[serde(default)]
    pub min_years: Option<u32>,
    /// A nice-to-have: it weighs half in the coverage (README, the coverage rule).
    #[serde(default)]
    pub preferred: bool,
    /// One of its skills is enough ("Python, Go or Java"): covered when one
    /// alternative is done.
    #[serde(default)]
    pub any_of: bool,
    /// For each of `skills`, the words of the ad that named it (what
    /// `postings import` matched); bundled postings may leave it out.
    #[serde(default)]
    pub evidence: std::collections::BTreeMap<String, Clean>,
    /// Later facts shown beside the item, each with its `basis` (e.g. a
    /// 2024–2026 figure next to a 2023 requirement); never part of the ad.
    #[serde(default)]
    pub context: Vec<Fact>,
    /// Words people search for this by that its text does not hold
    /// (synonyms, spelled-out acronyms, the usual Chinese terms), in any
    /// language: searched like names, never shown.
    #[serde(default)]
    pub keywords: Vec<Clean>,
    /// Resolved at load: indices of `skills` in `Catalog::skills`.
    #[serde(skip)]
    pub skill_idx: Vec<usize>,
}

// ---------- notes.yaml ----------

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotesFile {
    /// The model traits behind the API line (the about overlay, `i`).
    pub traits: Vec<Note>,
    /// What an AI Engineer must be good at.
    pub capabilities: Vec<Note>,
    /// Side notes.
    pub notes: Vec<Note>,
    /// Where the content comes from.
    pub sources: Vec<Source>,
}

/// A titled paragraph: a model trait, a capability or one of the article's notes.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Unique across traits, capabilities, notes and sources; letters, digits, `_` and `-`.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    pub title: Text,
    pub body: Text,
    /// Names (models, tools, people) the note mentions; a text where the
    /// name has a Chinese form.
    #[serde(default)]
    pub named: Vec<Term>,
    /// The year the named items are examples of (`2023`).
    #[serde(default)]
    pub examples_from: Option<u16>,
    /// Source tags (see `docs/DATA.md`); a 2024–2026 tag labels the note
    /// "(2024–2026)".
    #[serde(default)]
    pub basis: Vec<String>,
    /// Words people search for this note by that its text does not hold
    /// (`安卓`, `卡帕西`), in any language: searched like names, never shown.
    #[serde(default)]
    pub keywords: Vec<Clean>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique across traits, capabilities, notes and sources; letters, digits, `_` and `-`.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    /// The source's title, in both languages where it has words to translate.
    pub title: Term,
    /// A web address, or `none`.
    pub url: Clean,
}

// ---------- the whole catalog ----------

/// Everything loaded from the data folder, validated once and then read-only.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub boundary: Boundary,
    pub roles: Vec<Role>,
    pub categories: Vec<Category>,
    pub skills: Vec<Skill>,
    pub postings: Vec<Posting>,
    pub notes: NotesFile,
    /// Derived at load so drawing never has to search or allocate.
    pub index: Index,
}

/// Lookups derived from the data once, at load.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    /// Role indices on the spectrum, left to right.
    pub spectrum: Vec<usize>,
    /// How many spectrum slots are left of the API line.
    pub left_count: usize,
    /// Roles not drawn on the spectrum, by side.
    pub also_left: Vec<usize>,
    pub also_right: Vec<usize>,
    /// Roles on neither side of the API line (not on the spectrum).
    pub also_neither: Vec<usize>,
    /// Skills grouped by category, in category order.
    pub groups: Vec<Group>,
    /// For each skill, the posting items it covers: (posting, requirement?, item).
    pub covers: Vec<Vec<ItemRef>>,
    /// For each role, how many skills name it.
    pub role_skill_count: Vec<usize>,
    /// For each skill, the skills whose `relates_to` name it (an `S` task:
    /// the ads' skills it practises).
    pub related_by: Vec<Vec<usize>>,
    /// For each role, the skills that name it, in catalog order (so a role's
    /// readiness reads its own skills, not the whole catalog).
    pub role_skills: Vec<Vec<usize>>,
    /// Cursor position (in the grouped order) of each group's first skill.
    pub group_starts: Vec<usize>,
    /// Role and skill indices sorted by id: lookups by id are a binary search,
    /// not a scan (4 bytes an item).
    pub roles_by_id: Vec<u32>,
    pub skills_by_id: Vec<u32>,
    /// The files of the user's own postings, which are the last
    /// `own_postings.len()` of `Catalog::postings` (see `crate::store::own`).
    pub own_postings: Vec<std::path::PathBuf>,
}

impl Index {
    /// Every role in the order pane 1 walks them with ←/→: the spectrum left
    /// to right, then the other left-side roles, the other right-side ones,
    /// and those on neither side. A position in it is `BoundaryView::slot`.
    pub fn pane_roles(&self) -> impl Iterator<Item = usize> + '_ {
        self.spectrum
            .iter()
            .chain(&self.also_left)
            .chain(&self.also_right)
            .chain(&self.also_neither)
            .copied()
    }

    /// How many roles [`Index::pane_roles`] gives.
    pub fn pane_role_count(&self) -> usize {
        self.spectrum.len() + self.also_left.len() + self.also_right.len() + self.also_neither.len()
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Group {
    pub category: usize,
    pub skills: Vec<usize>,
}

/// Points at one responsibility or requirement of a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    pub posting: usize,
    pub requirement: bool,
    pub item: usize,
}

impl Catalog {
    /// The notes of the about overlay that search finds, in its order: the
    /// model traits, the capabilities, then the article's notes. A position
    /// in it is a [`crate::search::Target::Note`].
    pub fn about_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes
            .traits
            .iter()
            .chain(&self.notes.capabilities)
            .chain(&self.notes.notes)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.role_index(id).map(|i| &self.roles[i])
    }

    pub fn role_index(&self, id: &str) -> Option<usize> {
        find_id(&self.index.roles_by_id, &self.roles, id, |r| &r.id)
    }

    pub fn skill_index(&self, id: &str) -> Option<usize> {
        find_id(&self.index.skills_by_id, &self.skills, id, |s| &s.id)
    }

    /// Fills the lookups derived from the final order of roles, skills and
    /// groups. The loader calls it last; a catalog without it still answers,
    /// by scanning.
    pub fn finish_index(&mut self) {
        let mut starts = Vec::with_capacity(self.index.groups.len());
        let mut pos = 0;
        for g in &self.index.groups {
            starts.push(pos);
            pos += g.skills.len();
        }
        self.index.group_starts = starts;
        self.index.roles_by_id = sorted_by_id(&self.roles, |r| &r.id);
        self.index.skills_by_id = sorted_by_id(&self.skills, |s| &s.id);
    }

    /// The group holding a skill, and the skill's cursor position in the
    /// grouped order.
    pub fn group_and_position(&self, skill: usize) -> Option<(usize, usize)> {
        group_and_position_in(self, &self.index.groups, &self.index.group_starts, skill)
    }

    /// The skill at a cursor position in the grouped order, and its group.
    pub fn skill_at(&self, pos: usize) -> Option<(usize, usize)> {
        skill_at_in(&self.index.groups, &self.index.group_starts, pos)
    }

    /// The file of posting `p` if it is one of the user's own postings
    /// (loaded from their data folder), `None` for a bundled one.
    pub fn own_posting_file(&self, p: usize) -> Option<&std::path::Path> {
        let first = self
            .postings
            .len()
            .checked_sub(self.index.own_postings.len())?;
        let i = p.checked_sub(first)?;
        self.index
            .own_postings
            .get(i)
            .map(std::path::PathBuf::as_path)
    }

    /// Whether posting `p` is one of the user's own.
    pub fn is_own_posting(&self, p: usize) -> bool {
        self.own_posting_file(p).is_some()
    }

    /// How many skills the catalog's groups hold: every skill.
    pub fn grouped_len(&self) -> usize {
        self.index.groups.iter().map(|g| g.skills.len()).sum()
    }

    pub fn workflow(&self, id: &str) -> Option<&Workflow> {
        self.boundary.workflows.iter().find(|w| w.id == id)
    }
}

/// The checklist's groups under a layer filter: each category's skills of
/// that layer (all skills for `None`), groups left empty dropped. Skill and
/// category indices are those of the whole catalog, so progress, search
/// results and readiness mean the same under any filter; only these index
/// lists are built (8 bytes a skill), never a copy of the catalog.
#[derive(Debug, Clone, Default)]
pub struct SkillGroups {
    /// The filter the groups were built for.
    pub filter: LayerFilter,
    /// The groups shown, in category order.
    pub groups: Vec<Group>,
    /// Cursor position (in the shown order) of each group's first skill.
    pub starts: Vec<usize>,
}

impl SkillGroups {
    /// The groups of `c` that `filter` shows.
    pub fn of(c: &Catalog, filter: LayerFilter) -> SkillGroups {
        let groups: Vec<Group> = c
            .index
            .groups
            .iter()
            .map(|g| Group {
                category: g.category,
                skills: match filter {
                    None => g.skills.clone(),
                    Some(layer) => g
                        .skills
                        .iter()
                        .copied()
                        .filter(|&s| c.skills[s].layer == layer)
                        .collect(),
                },
            })
            .filter(|g| !g.skills.is_empty())
            .collect();
        let mut starts = Vec::with_capacity(groups.len());
        let mut pos = 0;
        for g in &groups {
            starts.push(pos);
            pos += g.skills.len();
        }
        SkillGroups {
            filter,
            groups,
            starts,
        }
    }

    /// How many skills the groups hold.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.skills.len()).sum()
    }

    /// Whether no skill is shown.
    pub fn is_empty(&self) -> bool {
        self.groups.iter().all(|g| g.skills.is_empty())
    }

    /// The skill at cursor position `pos`, and its group.
    pub fn skill_at(&self, pos: usize) -> Option<(usize, usize)> {
        skill_at_in(&self.groups, &self.starts, pos)
    }

    /// The group showing skill `skill` of `c`, and the skill's cursor
    /// position; `None` when the filter hides it.
    pub fn group_and_position(&self, c: &Catalog, skill: usize) -> Option<(usize, usize)> {
        group_and_position_in(c, &self.groups, &self.starts, skill)
    }

    /// Whether cursor position `pos` is a group's first skill.
    pub fn is_group_start(&self, pos: usize) -> bool {
        self.starts.binary_search(&pos).is_ok()
    }
}

/// The group of `groups` holding `skill`, and its position; the groups are
/// in category order. `starts` may be left empty (then summed).
fn group_and_position_in(
    c: &Catalog,
    groups: &[Group],
    starts: &[usize],
    skill: usize,
) -> Option<(usize, usize)> {
    let cat = c.skills.get(skill)?.category_idx;
    let g = groups.binary_search_by_key(&cat, |g| g.category).ok()?;
    let within = groups[g].skills.binary_search(&skill).ok()?;
    let start = match starts.get(g) {
        Some(&s) if starts.len() == groups.len() => s,
        _ => groups[..g].iter().map(|g| g.skills.len()).sum(),
    };
    Some((g, start + within))
}

/// The skill at `pos` in `groups`, and its group; `starts` as above.
fn skill_at_in(groups: &[Group], starts: &[usize], pos: usize) -> Option<(usize, usize)> {
    if starts.len() != groups.len() {
        let mut seen = 0;
        for (g, group) in groups.iter().enumerate() {
            if let Some(&s) = group.skills.get(pos.checked_sub(seen)?) {
                return Some((g, s));
            }
            seen += group.skills.len();
        }
        return None;
    }
    let g = starts.partition_point(|&s| s <= pos).checked_sub(1)?;
    let s = *groups[g].skills.get(pos - starts[g])?;
    Some((g, s))
}

fn sorted_by_id<T>(items: &[T], id: impl Fn(&T) -> &String) -> Vec<u32> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    // Stable: of two equal ids (a catalog that failed validation) the first wins.
    order.sort_by(|&a, &b| id(&items[a as usize]).cmp(id(&items[b as usize])));
    order
}

fn find_id<T>(
    sorted: &[u32],
    items: &[T],
    want: &str,
    id: impl Fn(&T) -> &String,
) -> Option<usize> {
    if sorted.len() != items.len() {
        return items.iter().position(|x| id(x) == want);
    }
    let at = sorted.partition_point(|&i| id(&items[i as usize]).as_str() < want);
    let i = *sorted.get(at)? as usize;
    (id(&items[i]) == want).then_some(i)
}

#[cfg(test)]
mod tests {
    use crate::store::loader::load_bundled;

    #[test]
    fn id_lookups_agree_with_a_scan() {
        let mut c = load_bundled().unwrap();
        assert_eq!(c.index.skills_by_id.len(), c.skills.len());
        for (i, s) in c.skills.iter().enumerate() {
            assert_eq!(c.skill_index(&s.id), Some(i), "{}", s.id);
        }
        for (i, r) in c.roles.iter().enumerate() {
            assert_eq!(c.role_index(&r.id), Some(i), "{}", r.id);
            assert_eq!(c.role(&r.id).map(|x| &x.id), Some(&r.id));
        }
        for missing in ["", "S00", "S99", "zzz", "ai_engineerx", "S1"] {
            assert_eq!(c.skill_index(missing), None);
            assert_eq!(c.role_index(missing), None);
        }
        // Without the derived tables the same answers come from a scan.
        let with = (0..c.skills.len())
            .map(|p| (c.skill_at(p), c.group_and_position(p)))
            .collect::<Vec<_>>();
        c.index.skills_by_id.clear();
        c.index.group_starts.clear();
        assert_eq!(c.skill_index("S07"), Some(6));
        let without = (0..c.skills.len())
            .map(|p| (c.skill_at(p), c.group_and_position(p)))
            .collect::<Vec<_>>();
        assert_eq!(with, without);
        assert_eq!(c.skill_at(c.skills.len()), None);
    }
}
