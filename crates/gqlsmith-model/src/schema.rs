//! The schema: types, fields, arguments, enum values, directives, and what docs pages add
//! (error codes, examples).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::{Date, NameOrigin, Provenance, TypeRef};

/// A whole schema, from one or more inputs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Schema {
    pub description: Option<String>,
    pub roots: RootOperations,
    /// Types in definition (page) order, keyed by name. Built-in scalars appear only when the
    /// input defines or references them; see [`Schema::is_builtin_scalar`].
    pub types: IndexMap<String, TypeDef>,
    /// Directive definitions in definition order (built-ins are not listed).
    pub directives: IndexMap<String, DirectiveDef>,
    /// Directives applied to the schema definition itself.
    pub schema_directives: Vec<DirectiveUse>,
}

impl Schema {
    /// The five scalars every schema has.
    pub const BUILTIN_SCALARS: [&'static str; 5] = ["Boolean", "Float", "ID", "Int", "String"];

    pub fn is_builtin_scalar(name: &str) -> bool {
        Schema::BUILTIN_SCALARS.contains(&name)
    }

    /// Adds a type, replacing one of the same name (readers report duplicates before this).
    pub fn insert_type(&mut self, ty: TypeDef) -> Option<TypeDef> {
        self.types.insert(ty.name.clone(), ty)
    }

    pub fn type_named(&self, name: &str) -> Option<&TypeDef> {
        self.types.get(name)
    }

    /// Every type of `kind`, in definition order.
    pub fn types_of_kind(&self, kind: TypeKind) -> impl Iterator<Item = &TypeDef> {
        self.types.values().filter(move |ty| ty.kind == kind)
    }

    /// The object types a value of `ty` can be at run time: itself for an object, the
    /// implementations of an interface, the object members of a union; sorted by name.
    pub fn possible_types(&self, ty: &TypeDef) -> Vec<&TypeDef> {
        let mut possible: Vec<&TypeDef> = match ty.kind {
            TypeKind::Object => self.type_named(&ty.name).into_iter().collect(),
            TypeKind::Union => ty
                .members
                .iter()
                .filter_map(|member| self.type_named(member))
                .filter(|member| member.kind == TypeKind::Object)
                .collect(),
            TypeKind::Interface => self
                .types_of_kind(TypeKind::Object)
                .filter(|object| object.interfaces.contains(&ty.name))
                .collect(),
            _ => Vec::new(),
        };
        possible.sort_by(|a, b| a.name.cmp(&b.name));
        possible
    }

    /// True when a value of the object type `object` matches the type condition `condition`
    /// (the object itself, an interface it implements, or a union it belongs to).
    pub fn condition_applies(&self, condition: &str, object: &TypeDef) -> bool {
        condition == object.name
            || object.interfaces.iter().any(|name| name == condition)
            || self
                .type_named(condition)
                .is_some_and(|ty| ty.kind == TypeKind::Union && ty.members.contains(&object.name))
    }

    /// Renames a type and every reference to it (field and argument types, union members,
    /// implemented interfaces, root operations). Used by recovery and overlays.
    /// Returns false when `from` is missing or `to` is taken.
    pub fn rename_type(&mut self, from: &str, to: &str) -> bool {
        if from == to {
            return self.types.contains_key(from);
        }
        if self.types.contains_key(to) {
            return false;
        }
        let Some(index) = self.types.get_index_of(from) else {
            return false;
        };
        let (_, mut ty) = self
            .types
            .shift_remove_index(index)
            .expect("index is in range");
        ty.name = to.to_owned();
        self.types.shift_insert(index, to.to_owned(), ty);
        self.rename_references(|name| {
            if name == from {
                *name = to.to_owned();
            }
        });
        true
    }

    /// Calls `rename` on every reference to a type by name: field, argument and input field
    /// types, implemented interfaces, union members, directive argument types and root
    /// operations. One walk for renaming one type ([`Schema::rename_type`]) or many at once.
    pub fn rename_references(&mut self, rename: impl Fn(&mut String)) {
        for ty in self.types.values_mut() {
            for field in &mut ty.fields {
                rename(field.ty.base_name_mut());
                for arg in &mut field.arguments {
                    rename(arg.ty.base_name_mut());
                }
            }
            for input in &mut ty.input_fields {
                rename(input.ty.base_name_mut());
            }
            ty.interfaces.iter_mut().for_each(&rename);
            ty.members.iter_mut().for_each(&rename);
        }
        for directive in self.directives.values_mut() {
            for arg in &mut directive.arguments {
                rename(arg.ty.base_name_mut());
            }
        }
        for root in [
            &mut self.roots.query,
            &mut self.roots.mutation,
            &mut self.roots.subscription,
        ]
        .into_iter()
        .flatten()
        {
            rename(root);
        }
    }
}

/// The root operation types. `None` where the schema has none (docs pages show no roots).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RootOperations {
    pub query: Option<String>,
    pub mutation: Option<String>,
    pub subscription: Option<String>,
}

/// The six kinds of named type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeKind {
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    Scalar,
}

impl TypeKind {
    /// The kind as the JSON contract and SDL keywords spell it (`input_object` is `input`).
    pub fn as_str(self) -> &'static str {
        match self {
            TypeKind::Object => "object",
            TypeKind::Interface => "interface",
            TypeKind::Union => "union",
            TypeKind::Enum => "enum",
            TypeKind::InputObject => "input_object",
            TypeKind::Scalar => "scalar",
        }
    }

    /// True for the kinds that have output fields.
    pub fn has_fields(self) -> bool {
        matches!(self, TypeKind::Object | TypeKind::Interface)
    }
}

/// A named type of any kind. Only the collections that fit `kind` are filled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeDef {
    pub name: String,
    pub kind: TypeKind,
    pub description: Option<String>,
    /// Output fields (object, interface).
    pub fields: Vec<Field>,
    /// Input fields (input object).
    pub input_fields: Vec<InputValue>,
    /// Implemented interfaces (object, interface).
    pub interfaces: Vec<String>,
    /// Union members.
    pub members: Vec<String>,
    pub enum_values: Vec<EnumValue>,
    pub directives: Vec<DirectiveUse>,
    /// `@specifiedBy(url:)` of a custom scalar.
    pub specified_by: Option<String>,
    /// `@oneOf` input object.
    pub one_of: bool,
    /// Error codes the type declares ("The possible errors that can be raised are:").
    pub error_codes: Vec<ErrorCode>,
    /// The page's example for this type, when the input is a docs page.
    pub example: Option<Example>,
    /// Where the type is defined and how it is known (a type only referenced on a docs page
    /// and classified by recovery is `Inferred`, with no definition of its own).
    pub provenance: Provenance,
    /// How the kind is known: `Read` when the input states it, `Inferred` when recovery
    /// classified a referenced-but-undefined name.
    pub kind_provenance: Provenance,
    pub name_origin: NameOrigin,
    /// True when the members, values or fields listed are known to be only part of the truth
    /// (an enum whose values come from page examples).
    pub incomplete: bool,
}

impl TypeDef {
    pub fn new(name: impl Into<String>, kind: TypeKind, provenance: Provenance) -> TypeDef {
        TypeDef {
            name: name.into(),
            kind,
            description: None,
            fields: Vec::new(),
            input_fields: Vec::new(),
            interfaces: Vec::new(),
            members: Vec::new(),
            enum_values: Vec::new(),
            directives: Vec::new(),
            specified_by: None,
            one_of: false,
            error_codes: Vec::new(),
            example: None,
            kind_provenance: Provenance {
                location: provenance.location.clone(),
                ..Provenance::default()
            },
            provenance,
            name_origin: NameOrigin::Document,
            incomplete: false,
        }
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|field| field.name == name)
    }

    pub fn input_field(&self, name: &str) -> Option<&InputValue> {
        self.input_fields.iter().find(|field| field.name == name)
    }

    pub fn enum_value(&self, name: &str) -> Option<&EnumValue> {
        self.enum_values.iter().find(|value| value.name == name)
    }
}

/// An output field of an object or interface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub description: Option<String>,
    pub ty: TypeRef,
    /// Named arguments (SDL, introspection, overlays).
    pub arguments: Vec<InputValue>,
    /// Arguments a docs page describes without their names or types.
    pub unnamed_arguments: Vec<UnnamedArgument>,
    pub deprecation: Option<Deprecation>,
    pub directives: Vec<DirectiveUse>,
    pub provenance: Provenance,
}

impl Field {
    pub fn new(name: impl Into<String>, ty: TypeRef, provenance: Provenance) -> Field {
        Field {
            name: name.into(),
            description: None,
            ty,
            arguments: Vec::new(),
            unnamed_arguments: Vec::new(),
            deprecation: None,
            directives: Vec::new(),
            provenance,
        }
    }

    pub fn argument(&self, name: &str) -> Option<&InputValue> {
        self.arguments.iter().find(|arg| arg.name == name)
    }
}

/// An argument of a field or directive, or a field of an input object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputValue {
    pub name: String,
    pub description: Option<String>,
    pub ty: TypeRef,
    /// The default as a GraphQL literal, exactly as SDL would print it (`10`, `"a"`, `[RED]`).
    pub default_value: Option<String>,
    pub deprecation: Option<Deprecation>,
    pub directives: Vec<DirectiveUse>,
    pub provenance: Provenance,
}

impl InputValue {
    pub fn new(name: impl Into<String>, ty: TypeRef, provenance: Provenance) -> InputValue {
        InputValue {
            name: name.into(),
            description: None,
            ty,
            default_value: None,
            deprecation: None,
            directives: Vec::new(),
            provenance,
        }
    }

    /// A required input: non-null without a default.
    pub fn is_required(&self) -> bool {
        self.ty.is_non_null() && self.default_value.is_none()
    }
}

/// An argument a docs page describes but does not name: only its description survives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnnamedArgument {
    pub description: String,
    pub provenance: Provenance,
}

impl UnnamedArgument {
    pub fn new(description: impl Into<String>, provenance: Provenance) -> UnnamedArgument {
        UnnamedArgument {
            description: description.into(),
            provenance,
        }
    }
}

/// A value of an enum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumValue {
    pub name: String,
    pub description: Option<String>,
    pub deprecation: Option<Deprecation>,
    pub directives: Vec<DirectiveUse>,
    pub provenance: Provenance,
}

impl EnumValue {
    pub fn new(name: impl Into<String>, provenance: Provenance) -> EnumValue {
        EnumValue {
            name: name.into(),
            description: None,
            deprecation: None,
            directives: Vec::new(),
            provenance,
        }
    }
}

/// That a field, argument or enum value is deprecated, and what the notice says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deprecation {
    /// The reason as written (`None` when the input gives none).
    pub reason: Option<String>,
    /// "Marked as deprecated on YYYY-MM-DD".
    pub deprecated_on: Option<Date>,
    /// "Scheduled for removal on or after YYYY-MM-DD", or GitHub's "Removal on YYYY-MM-DD UTC."
    pub removal_on: Option<Date>,
    /// A field the notice names instead of the deprecated one ("use `fullName` instead").
    pub replacement: Option<String>,
    pub provenance: Provenance,
}

impl Deprecation {
    /// A deprecation with `reason`, its dates parsed out of the reason text.
    pub fn from_reason(reason: Option<String>, provenance: Provenance) -> Deprecation {
        let (deprecated_on, removal_on) = match reason.as_deref() {
            Some(text) => parse_deprecation_dates(text),
            None => (None, None),
        };
        Deprecation {
            reason,
            deprecated_on,
            removal_on,
            replacement: None,
            provenance,
        }
    }
}

/// Finds the "Marked as deprecated on" and removal dates in a deprecation notice.
fn parse_deprecation_dates(text: &str) -> (Option<Date>, Option<Date>) {
    let after = |marker: &str| {
        let lower = text.to_ascii_lowercase();
        lower
            .find(marker)
            .and_then(|at| Date::find_in(&text[at + marker.len()..]))
    };
    let deprecated_on = after("deprecated on");
    let removal_on = after("removal on or after").or_else(|| after("removal on"));
    (deprecated_on, removal_on)
}

/// A directive definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectiveDef {
    pub name: String,
    pub description: Option<String>,
    pub arguments: Vec<InputValue>,
    pub locations: Vec<String>,
    pub repeatable: bool,
    pub provenance: Provenance,
}

impl DirectiveDef {
    /// A non-repeatable directive definition without arguments or locations yet.
    pub fn new(name: impl Into<String>, provenance: Provenance) -> DirectiveDef {
        DirectiveDef {
            name: name.into(),
            description: None,
            arguments: Vec::new(),
            locations: Vec::new(),
            repeatable: false,
            provenance,
        }
    }
}

/// A directive applied somewhere, its arguments as GraphQL literals in source order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectiveUse {
    pub name: String,
    pub arguments: Vec<(String, String)>,
    pub provenance: Provenance,
}

impl DirectiveUse {
    /// A use of `@name` without arguments; push `(name, literal)` pairs onto `arguments`.
    pub fn new(name: impl Into<String>, provenance: Provenance) -> DirectiveUse {
        DirectiveUse {
            name: name.into(),
            arguments: Vec::new(),
            provenance,
        }
    }
}

/// One entry of a "The possible errors that can be raised are:" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorCode {
    /// `KT-CT-1234`.
    pub code: String,
    pub message: String,
    /// 0-based position in the type's list.
    pub order: u32,
    pub provenance: Provenance,
}

impl ErrorCode {
    pub fn new(
        code: impl Into<String>,
        message: impl Into<String>,
        order: u32,
        provenance: Provenance,
    ) -> ErrorCode {
        ErrorCode {
            code: code.into(),
            message: message.into(),
            order,
            provenance,
        }
    }
}

/// A docs page's example for a type: its entries as written, in page order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub entries: Vec<ExampleEntry>,
    /// The whole example as written, `{` to `}` (not always valid JSON: values can be bare
    /// type names).
    pub raw: String,
    pub provenance: Provenance,
}

/// `"key": value` in an example; `value` is the text after the colon, trailing comma removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleEntry {
    pub key: String,
    pub value: String,
    pub provenance: Provenance,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deprecation_dates_come_from_the_reason() {
        let deprecation = Deprecation::from_reason(
            Some(
                "Marked as deprecated on 2023-01-10. Scheduled for removal on or after 2024-07-01."
                    .into(),
            ),
            Provenance::default(),
        );
        assert_eq!(deprecation.deprecated_on.unwrap().to_string(), "2023-01-10");
        assert_eq!(deprecation.removal_on.unwrap().to_string(), "2024-07-01");
        let github = Deprecation::from_reason(
            Some("`foo` will be removed. Use `bar`. Removal on 2025-04-01 UTC.".into()),
            Provenance::default(),
        );
        assert_eq!(github.deprecated_on, None);
        assert_eq!(github.removal_on.unwrap().to_string(), "2025-04-01");
    }

    #[test]
    fn rename_follows_every_reference() {
        let mut schema = Schema::default();
        let mut a = TypeDef::new("Placeholder_L10", TypeKind::Object, Provenance::default());
        a.fields.push(Field::new(
            "id",
            TypeRef::parse("ID!").unwrap(),
            Provenance::default(),
        ));
        let mut b = TypeDef::new("B", TypeKind::Object, Provenance::default());
        b.fields.push(Field::new(
            "a",
            TypeRef::parse("[Placeholder_L10!]").unwrap(),
            Provenance::default(),
        ));
        let mut u = TypeDef::new("U", TypeKind::Union, Provenance::default());
        u.members.push("Placeholder_L10".into());
        schema.insert_type(a);
        schema.insert_type(b);
        schema.insert_type(u);
        assert!(schema.rename_type("Placeholder_L10", "Account"));
        assert_eq!(
            schema.types.keys().collect::<Vec<_>>(),
            ["Account", "B", "U"]
        );
        assert_eq!(schema.types["B"].fields[0].ty.to_string(), "[Account!]");
        assert_eq!(schema.types["U"].members, ["Account"]);
        assert!(!schema.rename_type("B", "U"), "a taken name is refused");
    }
}
