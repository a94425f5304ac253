//! The shapes of introspection JSON as serde reads them: the envelope, with each type and
//! directive kept as raw JSON, and each entry's own shape.

use serde::Deserialize;
use serde_json::value::RawValue;

/// `{"data": {"__schema": ..}, "errors": [..]}` or `{"__schema": ..}`.
#[derive(Deserialize)]
pub(super) struct Envelope<'a> {
    #[serde(borrow, default)]
    pub(super) data: Option<Data<'a>>,
    #[serde(rename = "__schema", borrow, default)]
    pub(super) schema: Option<SchemaJson<'a>>,
    #[serde(borrow, default)]
    pub(super) errors: Option<&'a RawValue>,
}

#[derive(Deserialize)]
pub(super) struct Data<'a> {
    #[serde(rename = "__schema", borrow, default)]
    pub(super) schema: Option<SchemaJson<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SchemaJson<'a> {
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(default)]
    pub(super) query_type: Option<NamedJson>,
    #[serde(default)]
    pub(super) mutation_type: Option<NamedJson>,
    #[serde(default)]
    pub(super) subscription_type: Option<NamedJson>,
    #[serde(borrow)]
    pub(super) types: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    pub(super) directives: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
pub(super) struct NamedJson {
    pub(super) name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TypeJson {
    pub(super) kind: String,
    pub(super) name: Option<String>,
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(default, alias = "specifiedByUrl")]
    #[serde(rename = "specifiedByURL")]
    pub(super) specified_by_url: Option<String>,
    #[serde(default)]
    pub(super) is_one_of: Option<bool>,
    #[serde(default)]
    pub(super) fields: Option<Vec<FieldJson>>,
    #[serde(default)]
    pub(super) input_fields: Option<Vec<InputValueJson>>,
    #[serde(default)]
    pub(super) interfaces: Option<Vec<TypeRefJson>>,
    #[serde(default)]
    pub(super) enum_values: Option<Vec<EnumValueJson>>,
    #[serde(default)]
    pub(super) possible_types: Option<Vec<TypeRefJson>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct FieldJson {
    pub(super) name: String,
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(default)]
    pub(super) args: Vec<InputValueJson>,
    #[serde(rename = "type")]
    pub(super) ty: TypeRefJson,
    #[serde(default)]
    pub(super) is_deprecated: bool,
    #[serde(default)]
    pub(super) deprecation_reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct InputValueJson {
    pub(super) name: String,
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(rename = "type")]
    pub(super) ty: TypeRefJson,
    #[serde(default)]
    pub(super) default_value: Option<String>,
    #[serde(default)]
    pub(super) is_deprecated: bool,
    #[serde(default)]
    pub(super) deprecation_reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct EnumValueJson {
    pub(super) name: String,
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(default)]
    pub(super) is_deprecated: bool,
    #[serde(default)]
    pub(super) deprecation_reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TypeRefJson {
    pub(super) kind: String,
    #[serde(default)]
    pub(super) name: Option<String>,
    #[serde(default)]
    pub(super) of_type: Option<Box<TypeRefJson>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DirectiveJson {
    pub(super) name: String,
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(default)]
    pub(super) locations: Vec<String>,
    #[serde(default)]
    pub(super) args: Vec<InputValueJson>,
    #[serde(default)]
    pub(super) is_repeatable: bool,
}
