//! Properties over generated schemas: a schema against itself has no changes, what one
//! direction adds the other removes, folding only drops changes, and nothing panics.

use std::collections::BTreeMap;

use gqlsmith_diff::{diff, Change, DiffOptions};
use gqlsmith_model::{
    Deprecation, DirectiveUse, EnumValue, Field, InputValue, Provenance, Schema, TypeDef, TypeKind,
    TypeRef,
};
use proptest::prelude::*;

const NAMES: [&str; 6] = ["a", "b", "c", "d", "e", "f"];
const TYPE_NAMES: [&str; 5] = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"];
const WRAPPERS: [&str; 5] = ["{}", "{}!", "[{}]", "[{}!]!", "[{}]!"];
const KINDS: [TypeKind; 6] = [
    TypeKind::Object,
    TypeKind::Interface,
    TypeKind::Union,
    TypeKind::Enum,
    TypeKind::InputObject,
    TypeKind::Scalar,
];

fn provenance() -> Provenance {
    Provenance::read_unknown_location()
}

/// A type reference from two picks: a base name and a wrapper.
fn type_ref(base: usize, wrapper: usize) -> TypeRef {
    let base = ["Int", "String", "Alpha", "Beta"][base % 4];
    TypeRef::parse(&WRAPPERS[wrapper % WRAPPERS.len()].replace("{}", base))
        .unwrap_or_else(|| TypeRef::named(base))
}

/// One generated type: a kind pick, and per member name a `(present, base, wrapper, flag)` pick.
type TypePicks = (usize, Vec<(bool, usize, usize, bool)>);

fn build(types: &[(bool, TypePicks)]) -> Schema {
    let mut schema = Schema::default();
    for (index, (present, (kind, members))) in types.iter().enumerate() {
        if !present {
            continue;
        }
        let kind = KINDS[kind % KINDS.len()];
        let mut ty = TypeDef::new(TYPE_NAMES[index], kind, provenance());
        for (member, (here, base, wrapper, flag)) in members.iter().enumerate() {
            if !here {
                continue;
            }
            let name = NAMES[member];
            match kind {
                TypeKind::Object | TypeKind::Interface => {
                    let mut field = Field::new(name, type_ref(*base, *wrapper), provenance());
                    if *flag {
                        field.deprecation = Some(Deprecation::from_reason(
                            Some(format!("use {name}2")),
                            provenance(),
                        ));
                        field.arguments.push(InputValue::new(
                            "x",
                            type_ref(*wrapper, *base),
                            provenance(),
                        ));
                    }
                    ty.fields.push(field);
                    if *flag && *base % 2 == 0 {
                        ty.interfaces
                            .push(TYPE_NAMES[*base % TYPE_NAMES.len()].to_owned());
                    }
                }
                TypeKind::InputObject => {
                    let mut input = InputValue::new(name, type_ref(*base, *wrapper), provenance());
                    if *flag {
                        input.default_value = Some(format!("{}", base));
                    }
                    ty.input_fields.push(input);
                }
                TypeKind::Enum => {
                    let mut value = EnumValue::new(name.to_uppercase(), provenance());
                    if *flag {
                        value.description = Some(format!("value {base}"));
                    }
                    ty.enum_values.push(value);
                }
                TypeKind::Union => ty
                    .members
                    .push(TYPE_NAMES[(member + base) % TYPE_NAMES.len()].to_owned()),
                TypeKind::Scalar => {
                    if *flag {
                        let mut usage = DirectiveUse::new("tag", provenance());
                        usage
                            .arguments
                            .push(("name".to_owned(), format!("\"{name}{base}\"")));
                        ty.directives.push(usage);
                    }
                }
            }
        }
        ty.interfaces.dedup();
        ty.interfaces.sort();
        ty.interfaces.dedup();
        ty.members.sort();
        ty.members.dedup();
        schema.insert_type(ty);
    }
    schema
}

fn schema_picks() -> impl Strategy<Value = Vec<(bool, TypePicks)>> {
    let member = (any::<bool>(), 0..8usize, 0..8usize, any::<bool>());
    let ty = (0..6usize, prop::collection::vec(member, NAMES.len()));
    prop::collection::vec((any::<bool>(), ty), TYPE_NAMES.len())
}

/// `(path, value)` of changes of `change_type`, as a multiset.
fn of_type(changes: &[Change], change_type: &str) -> BTreeMap<(String, Option<String>), usize> {
    let mut counts = BTreeMap::new();
    for change in changes
        .iter()
        .filter(|change| change.change_type.as_str() == change_type)
    {
        let value = change
            .new_value
            .clone()
            .or_else(|| change.old_value.clone());
        *counts.entry((change.path.clone(), value)).or_default() += 1;
    }
    counts
}

fn keys(changes: &[Change]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for change in changes {
        *counts
            .entry(format!(
                "{} {} {}",
                change.criticality, change.change_type, change.path
            ))
            .or_default() += 1;
    }
    counts
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn properties_hold(old in schema_picks(), new in schema_picks()) {
        let (old, new) = (build(&old), build(&new));
        let verbose = DiffOptions { verbose_changes: true, ..DiffOptions::default() };
        prop_assert!(diff(&old, &old, &verbose).is_empty());
        let forward = diff(&old, &new, &verbose);
        let backward = diff(&new, &old, &verbose);
        for (added, removed) in [
            ("TYPE_ADDED", "TYPE_REMOVED"),
            ("FIELD_ADDED", "FIELD_REMOVED"),
            ("FIELD_ARGUMENT_ADDED", "FIELD_ARGUMENT_REMOVED"),
            ("INPUT_FIELD_ADDED", "INPUT_FIELD_REMOVED"),
            ("ENUM_VALUE_ADDED", "ENUM_VALUE_REMOVED"),
            ("UNION_MEMBER_ADDED", "UNION_MEMBER_REMOVED"),
            ("OBJECT_TYPE_INTERFACE_ADDED", "OBJECT_TYPE_INTERFACE_REMOVED"),
        ] {
            prop_assert_eq!(of_type(&forward, added), of_type(&backward, removed), "{} forward vs {} backward", added, removed);
        }
        let folded = keys(&diff(&old, &new, &DiffOptions::default()));
        let all = keys(&forward);
        for (key, count) in &folded {
            prop_assert!(all.get(key).is_some_and(|total| total >= count), "folding invented {}", key);
        }
    }
}
