//! Property: every rule runs on any model without panicking, and the findings are the same,
//! in the same order, when run twice. Models are built from arbitrary names, descriptions,
//! deprecation notices and error codes (including non-ASCII text and empty strings).

use gqlsmith_checks::{apply_suppressions, check, Baseline, Config, Profile};
use gqlsmith_model::{
    Date, Deprecation, EnumValue, ErrorCode, Field, InputValue, Location, Provenance, Schema,
    TypeDef, TypeKind, TypeRef,
};
use proptest::prelude::*;

fn provenance(line: u32) -> Provenance {
    Provenance::read(Location::new("model.graphql".into(), line, 1))
}

fn kind() -> impl Strategy<Value = TypeKind> {
    prop_oneof![
        Just(TypeKind::Object),
        Just(TypeKind::Interface),
        Just(TypeKind::Union),
        Just(TypeKind::Enum),
        Just(TypeKind::InputObject),
        Just(TypeKind::Scalar),
    ]
}

/// Names that hit the rules: connections, edges, PageInfo, odd cases, and arbitrary text.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("PageInfo".to_owned()),
        Just("ShipConnection".to_owned()),
        Just("ShipEdge".to_owned()),
        Just("Connection".to_owned()),
        Just("possibleErrors".to_owned()),
        Just("edges".to_owned()),
        Just("pageInfo".to_owned()),
        Just("node".to_owned()),
        Just("cursor".to_owned()),
        Just("first".to_owned()),
        Just("after".to_owned()),
        "[A-Za-z_][A-Za-z0-9_]{0,12}",
        ".{0,8}",
    ]
}

fn type_ref() -> impl Strategy<Value = TypeRef> {
    (name(), 0u8..6).prop_map(|(base, shape)| {
        let named = TypeRef::named(base);
        match shape {
            0 => named,
            1 => TypeRef::NonNull(Box::new(named)),
            2 => TypeRef::List(Box::new(named)),
            3 => TypeRef::NonNull(Box::new(TypeRef::List(Box::new(named)))),
            4 => TypeRef::List(Box::new(TypeRef::List(Box::new(named)))),
            _ => TypeRef::List(Box::new(TypeRef::NonNull(Box::new(named)))),
        }
    })
}

fn text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some(
            "The possible errors that can be raised are:".to_owned()
        )),
        Just(Some(
            "Marked as deprecated on 2024-02-30. Scheduled for removal on or after 2024-01-01."
                .to_owned()
        )),
        Just(Some("The 'x' field is deprecated.".to_owned())),
        Just(Some(
            "`é` will be removed. Removal on 2025-04-01 UTC.".to_owned()
        )),
        Just(Some("Paginator of".to_owned())),
        ".{0,40}".prop_map(Some),
    ]
}

fn field() -> impl Strategy<Value = Field> {
    (
        name(),
        type_ref(),
        text(),
        text(),
        proptest::collection::vec((name(), type_ref(), text()), 0..4),
    )
        .prop_map(|(name, ty, description, deprecation, arguments)| {
            let mut field = Field::new(name, ty, provenance(3));
            field.description = description;
            field.deprecation =
                deprecation.map(|reason| Deprecation::from_reason(Some(reason), provenance(3)));
            for (name, ty, description) in arguments {
                let mut argument = InputValue::new(name, ty, provenance(4));
                argument.description = description;
                field.arguments.push(argument);
            }
            field
        })
}

fn type_def() -> impl Strategy<Value = TypeDef> {
    (
        name(),
        kind(),
        text(),
        proptest::collection::vec(field(), 0..5),
        proptest::collection::vec((name(), text()), 0..3),
        proptest::collection::vec((".{0,12}", ".{0,12}"), 0..4),
        proptest::collection::vec(name(), 0..3),
    )
        .prop_map(
            |(name, kind, description, fields, values, codes, members)| {
                let mut ty = TypeDef::new(name, kind, provenance(1));
                ty.description = description;
                ty.fields = fields;
                for (value, reason) in values {
                    let mut enum_value = EnumValue::new(value, provenance(5));
                    enum_value.deprecation =
                        reason.map(|reason| Deprecation::from_reason(Some(reason), provenance(5)));
                    ty.enum_values.push(enum_value);
                }
                for (order, (code, message)) in codes.into_iter().enumerate() {
                    ty.error_codes.push(ErrorCode::new(
                        code,
                        message,
                        u32::try_from(order).unwrap_or(0),
                        provenance(2),
                    ));
                }
                ty.members = members;
                ty
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_model_is_checked_without_panic(types in proptest::collection::vec(type_def(), 0..8), source in ".{0,200}") {
        let mut schema = Schema::default();
        for ty in types {
            schema.insert_type(ty);
        }
        let mut config = Config::default();
        config.profiles = vec![Profile::Relay, Profile::Kraken];
        config.load_error_registry("KT-CT-1111: Unauthorized.\n", "errors.txt").unwrap();
        let today = Date::parse("2025-06-01").unwrap();
        let first = check(&schema, &config, today);
        let second = check(&schema, &config, today);
        prop_assert_eq!(&first, &second);
        let sources = [(std::sync::Arc::from("model.graphql"), source.as_str())];
        let kept = apply_suppressions(first.clone(), &sources);
        prop_assert!(kept.len() <= first.len());
        let (new, fixed) = Baseline::from_findings(&first).split(first.clone());
        prop_assert!(new.is_empty() && fixed.is_empty());
    }
}
