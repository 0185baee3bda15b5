//! How the catalog types appear in their JSON Schema: the id pattern, free
//! text as a plain string, a `Text` that may be a plain string, the speed
//! scale's aliases. Used by the types' `schemars` attributes; the schemas
//! themselves are made in [`crate::schema`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::model::{Clean, Speed};

/// What the loader accepts as an id: letters, digits, `_` and `-`, 1 to 64 of them.
pub const ID_PATTERN: &str = "^[A-Za-z0-9_-]{1,64}$";

/// Free text is a plain string; sanitising it is the loader's business.
impl JsonSchema for Clean {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Clean".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string" })
    }
}

/// A term is a plain name or a `Text`.
impl JsonSchema for crate::model::Term {
    fn schema_name() -> Cow<'static, str> {
        "Term".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = generator.subschema_for::<crate::model::Text>();
        json_schema!({
            "description": "A name that reads the same in both languages, or a text with `en` and `zh`.",
            "anyOf": [{ "type": "string" }, text]
        })
    }
}

/// Adds the words `Speed` takes as serde aliases (the cost scale's) to its
/// enum; schemars lists only the variants' own names. Each candidate is kept
/// only if serde really accepts it, so the schema cannot claim a stale alias.
pub fn speed_aliases(schema: &mut Schema) {
    let Some(names) = schema
        .get_mut("enum")
        .and_then(serde_json::Value::as_array_mut)
    else {
        return;
    };
    for alias in ["very_low", "low", "high", "very_high"] {
        let accepted = serde_json::from_value::<Speed>(alias.into()).is_ok();
        if accepted && !names.iter().any(|n| n == alias) {
            names.push(alias.into());
        }
    }
}

/// A `Text` is its `{en, zh}` object or a plain string in one language.
pub fn text_or_string(schema: &mut Schema) {
    let object = std::mem::replace(schema, json_schema!({}));
    *schema = json_schema!({
        "anyOf": [
            {
                "type": "string",
                "minLength": 1,
                "description": "The text in one language only: shown in both, marked as untranslated in the other."
            },
            object
        ]
    });
}
