//! Fuzzes the introspection reader's names and default values with structured input: the
//! fuzzer's bytes become (through `arbitrary`) a well-formed introspection result whose type,
//! field, argument, enum value and directive names and whose `defaultValue` strings are chosen
//! by the fuzzer, so the bytes reach the name checks and the value-literal parser instead of
//! dying in the JSON syntax (which `introspection_reader` covers). Whatever the reader lets
//! through `Loaded::into_valid` must write as SDL that parses again: a name or default value
//! that breaks the written SDL is an injection the checks missed.
#![no_main]

use std::sync::Arc;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

/// A name: mostly from a pool of valid ones (so models get through validation), sometimes any
/// string the fuzzer likes.
#[derive(Arbitrary, Debug)]
enum Name {
    Pool(u8),
    Any(String),
}

const POOL: [&str; 12] = [
    "Query", "User", "id", "name", "Node", "Status", "ACTIVE", "input", "String", "Int", "first",
    "skip",
];

impl Name {
    fn text(&self) -> String {
        match self {
            Name::Pool(index) => POOL[*index as usize % POOL.len()].to_owned(),
            Name::Any(text) => text.clone(),
        }
    }
}

/// A `defaultValue`: a templated literal (so valid ones are common) or any string.
#[derive(Arbitrary, Debug)]
enum DefaultValue {
    Int(i64),
    Quoted(String),
    Enum(Name),
    List(Vec<i32>),
    Object(Name, i32),
    Any(String),
}

impl DefaultValue {
    fn text(&self) -> String {
        match self {
            DefaultValue::Int(value) => value.to_string(),
            DefaultValue::Quoted(text) => format!("\"{text}\""),
            DefaultValue::Enum(name) => name.text(),
            DefaultValue::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            DefaultValue::Object(name, value) => format!("{{{}: {value}}}", name.text()),
            DefaultValue::Any(text) => text.clone(),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct TypeRef {
    /// `true` wraps in a list, `false` in non-null, innermost first.
    wrappers: Vec<bool>,
    named: Name,
}

impl TypeRef {
    fn json(&self) -> Value {
        let mut value = json!({"kind": "SCALAR", "name": self.named.text(), "ofType": null});
        for &list in self.wrappers.iter().take(8) {
            let kind = if list { "LIST" } else { "NON_NULL" };
            value = json!({"kind": kind, "name": null, "ofType": value});
        }
        value
    }
}

#[derive(Arbitrary, Debug)]
struct Argument {
    name: Name,
    type_ref: TypeRef,
    default_value: Option<DefaultValue>,
    description: Option<String>,
}

impl Argument {
    fn json(&self) -> Value {
        json!({
            "name": self.name.text(),
            "description": self.description,
            "type": self.type_ref.json(),
            "defaultValue": self.default_value.as_ref().map(DefaultValue::text),
        })
    }
}

#[derive(Arbitrary, Debug)]
struct Field {
    name: Name,
    args: Vec<Argument>,
    type_ref: TypeRef,
    deprecation_reason: Option<String>,
}

#[derive(Arbitrary, Debug)]
enum Kind {
    Object,
    Interface,
    InputObject,
    Enum,
    Union,
    Scalar,
}

#[derive(Arbitrary, Debug)]
struct Type {
    kind: Kind,
    name: Name,
    description: Option<String>,
    fields: Vec<Field>,
    members: Vec<Name>,
}

impl Type {
    fn json(&self) -> Value {
        let fields: Vec<Value> = self
            .fields
            .iter()
            .map(|field| {
                json!({
                    "name": field.name.text(),
                    "args": field.args.iter().map(Argument::json).collect::<Vec<_>>(),
                    "type": field.type_ref.json(),
                    "isDeprecated": field.deprecation_reason.is_some(),
                    "deprecationReason": field.deprecation_reason,
                })
            })
            .collect();
        let names: Vec<Value> = self
            .members
            .iter()
            .map(|name| json!({"kind": "OBJECT", "name": name.text(), "ofType": null}))
            .collect();
        let (kind, extra) = match self.kind {
            Kind::Object => ("OBJECT", json!({"fields": fields, "interfaces": names})),
            Kind::Interface => ("INTERFACE", json!({"fields": fields, "interfaces": names})),
            Kind::InputObject => (
                "INPUT_OBJECT",
                json!({"inputFields": self.fields.iter().flat_map(|field| field.args.iter().map(Argument::json)).collect::<Vec<_>>()}),
            ),
            Kind::Enum => (
                "ENUM",
                json!({"enumValues": self.members.iter().map(|name| json!({"name": name.text(), "isDeprecated": false})).collect::<Vec<_>>()}),
            ),
            Kind::Union => ("UNION", json!({"possibleTypes": names})),
            Kind::Scalar => ("SCALAR", json!({})),
        };
        let mut value =
            json!({"kind": kind, "name": self.name.text(), "description": self.description});
        if let (Value::Object(map), Value::Object(extra)) = (&mut value, extra) {
            map.extend(extra);
        }
        value
    }
}

#[derive(Arbitrary, Debug)]
struct Directive {
    name: Name,
    args: Vec<Argument>,
    repeatable: bool,
}

#[derive(Arbitrary, Debug)]
struct Introspection {
    query_type: Name,
    types: Vec<Type>,
    directives: Vec<Directive>,
}

fuzz_target!(|input: Introspection| {
    let document = json!({"data": {"__schema": {
        "queryType": {"name": input.query_type.text()},
        "mutationType": null,
        "subscriptionType": null,
        "types": input.types.iter().map(Type::json).collect::<Vec<_>>(),
        "directives": input.directives.iter().map(|directive| json!({
            "name": directive.name.text(),
            "isRepeatable": directive.repeatable,
            "locations": ["FIELD_DEFINITION"],
            "args": directive.args.iter().map(Argument::json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    }}});
    let text = document.to_string();
    let loaded = gqlsmith_sdl::read_introspection(&text, Arc::from("fuzz.json"));
    for diagnostic in &loaded.diagnostics {
        if let Some(location) = &diagnostic.location {
            assert!(location.line >= 1 && location.column >= 1);
        }
    }
    let Ok((schema, _warnings)) = loaded.into_valid() else {
        return;
    };
    let sdl = gqlsmith_sdl::write_sdl(&schema, &gqlsmith_sdl::WriteOptions::default());
    if let Err(with_errors) =
        apollo_compiler::parser::Parser::new().parse_ast(sdl.as_str(), "written.graphql")
    {
        panic!(
            "the SDL written from a valid model does not parse: {}\n--- SDL ---\n{sdl}",
            with_errors.errors
        );
    }
});
