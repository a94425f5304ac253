//! Small schemas in, one generated file out: what each target prints for each GraphQL shape.

use std::sync::Arc;

use gqlsmith_codegen::{generate, Config, Target, Templates};

/// Generates `target` for `sdl` with the `[generate]` table `config_toml` and returns the file
/// `path` without its header line, or the diagnostics, one per line.
fn render(sdl: &str, config_toml: &str, templates: &Templates, target: &str, path: &str) -> String {
    let loaded = gqlsmith_sdl::read_sdl(&[(Arc::from("t.graphql"), sdl)]);
    let config: Config = match toml::from_str(config_toml) {
        Ok(config) => config,
        Err(error) => return format!("config error: {error}"),
    };
    let schema = match loaded.into_valid() {
        Ok((schema, _)) => schema,
        Err(loaded) => {
            return format!(
                "sdl errors: {:?}",
                loaded
                    .diagnostics
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            )
        }
    };
    let target: Target = target.parse().unwrap_or(Target::RustClient);
    match generate(&schema, target, &config, templates, "t.graphql") {
        Ok(files) => match files.iter().find(|file| file.path == path) {
            Some(file) => file
                .contents
                .split_once('\n')
                // The header line, and the blank line after it.
                .map_or("", |(_, rest)| rest.strip_prefix('\n').unwrap_or(rest))
                .to_owned(),
            None => format!(
                "no {path}; files: {:?}",
                files.iter().map(|file| &file.path).collect::<Vec<_>>()
            ),
        },
        Err(diagnostics) => diagnostics
            .iter()
            .map(|diagnostic| format!("{diagnostic}\n"))
            .collect(),
    }
}

#[track_caller]
fn check(sdl: &str, target: &str, path: &str, expect: &str) {
    check_with_config(sdl, "", target, path, expect);
}

#[track_caller]
fn check_with_config(sdl: &str, config_toml: &str, target: &str, path: &str, expect: &str) {
    let actual = render(sdl, config_toml, &Templates::embedded(), target, path);
    assert_eq!(actual, expect, "\n--- actual ---\n{actual}");
}

#[test]
fn client_fields_are_snake_case_with_renames_and_keyword_escapes() {
    check(
        "type Query { user: User } type User { fullName: String! type: String self: Int ref: [ID!]! matchCount: Int match_count: Int }",
        "rust-client",
        "objects.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Query {
    pub user: ::std::option::Option<User>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct User {
    #[serde(rename = "fullName")]
    pub full_name: ::std::string::String,
    pub r#type: ::std::option::Option<::std::string::String>,
    #[serde(rename = "self")]
    pub self_: ::std::option::Option<i32>,
    pub r#ref: ::std::vec::Vec<::std::string::String>,
    #[serde(rename = "matchCount")]
    pub match_count: ::std::option::Option<i32>,
    #[serde(rename = "match_count")]
    pub match_count_2: ::std::option::Option<i32>,
}

/// Any object type of the schema, chosen by `__typename`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "__typename")]
pub enum AnyObject {
    #[serde(rename = "Query")]
    Query(Query),
    #[serde(rename = "User")]
    User(User),
    /// An object type this client does not know: the object as the server sent it, `__typename` included.
    #[serde(untagged)]
    Unknown(::serde_json::Value),
}
"#,
    );
}

#[test]
fn client_enums_keep_unknown_values() {
    check("type Query { a: Color } enum Color { RED dark_blue UNKNOWN OLD @deprecated(reason: \"Use `RED`.\") }", "rust-client", "enums.rs", r#"#[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
pub enum Color {
    #[serde(rename = "RED")]
    Red,
    #[serde(rename = "dark_blue")]
    DarkBlue,
    #[serde(rename = "UNKNOWN")]
    Unknown,
    #[deprecated(note = "Use `RED`.")]
    #[serde(rename = "OLD")]
    Old,
    /// A value this client does not know, kept as the server sent it.
    #[serde(untagged)]
    Unknown2(::std::string::String),
}
"#);
}

#[test]
fn client_interfaces_and_unions_are_tagged_by_typename() {
    let sdl = "type Query { node: Node, hit: Hit } interface Node { id: ID! } type A implements Node { id: ID! } type B implements Node { id: ID! } union Hit = A | B";
    check(
        sdl,
        "rust-client",
        "interfaces.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "__typename")]
pub enum Node {
    #[serde(rename = "A")]
    A(A),
    #[serde(rename = "B")]
    B(B),
    /// An implementation this client does not know: the object as the server sent it, `__typename` included.
    #[serde(untagged)]
    Unknown(::serde_json::Value),
}
"#,
    );
    check(
        sdl,
        "rust-client",
        "unions.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "__typename")]
pub enum Hit {
    #[serde(rename = "A")]
    A(A),
    #[serde(rename = "B")]
    B(B),
    /// A member this client does not know: the object as the server sent it, `__typename` included.
    #[serde(untagged)]
    Unknown(::serde_json::Value),
}
"#,
    );
}

#[test]
fn client_boxes_only_fields_on_cycles() {
    check(
        "type Query { a: A } type A { parent: A, children: [A!]!, b: B! } type B { a: A }",
        "rust-client",
        "objects.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Query {
    pub a: ::std::option::Option<A>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct A {
    pub parent: ::std::option::Option<::std::boxed::Box<A>>,
    pub children: ::std::vec::Vec<A>,
    pub b: ::std::boxed::Box<B>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct B {
    pub a: ::std::option::Option<::std::boxed::Box<A>>,
}

/// Any object type of the schema, chosen by `__typename`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "__typename")]
pub enum AnyObject {
    #[serde(rename = "Query")]
    Query(Query),
    #[serde(rename = "A")]
    A(A),
    #[serde(rename = "B")]
    B(B),
    /// An object type this client does not know: the object as the server sent it, `__typename` included.
    #[serde(untagged)]
    Unknown(::serde_json::Value),
}
"#,
    );
}

#[test]
fn client_descriptions_cannot_become_doctests_or_break_comments() {
    check(
        "type Query { \"\"\"\nFetch it:\n```\nquery { a }\n```\n    indented */ \\\\ \"quoted\" naïve\n\"\"\" a: Int }",
        "rust-client",
        "objects.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Query {
    /// Fetch it:
    /// ```text
    /// query { a }
    /// ```
    ///    indented */ \\ "quoted" naïve
    pub a: ::std::option::Option<i32>,
}

/// Any object type of the schema, chosen by `__typename`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "__typename")]
pub enum AnyObject {
    #[serde(rename = "Query")]
    Query(Query),
    /// An object type this client does not know: the object as the server sent it, `__typename` included.
    #[serde(untagged)]
    Unknown(::serde_json::Value),
}
"#,
    );
}

#[test]
fn client_scalars_go_through_the_scalar_map() {
    let sdl = "type Query { at: DateTime!, n: BigInt, f(x: DateTime): Int } scalar DateTime scalar BigInt input Filter { after: DateTime }";
    let config = "[scalars.DateTime]\nrust = \"String\"\nrust_input = \"std::time::SystemTime\"\n[scalars.BigInt]\nrust = \"i64\"";
    check_with_config(
        sdl,
        config,
        "rust-client",
        "scalars.rs",
        r#"/// The GraphQL scalar `DateTime`.
pub type DateTime = String;

/// The GraphQL scalar `BigInt`.
pub type BigInt = i64;
"#,
    );
    check_with_config(
        sdl,
        config,
        "rust-client",
        "inputs.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Filter {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub after: ::std::option::Option<std::time::SystemTime>,
}
"#,
    );
}

#[test]
fn strict_scalars_name_every_unmapped_scalar() {
    let sdl = "type Query { at: DateTime!, n: BigInt } scalar DateTime scalar BigInt";
    check_with_config(
        sdl,
        "strict_scalars = true\n[scalars.BigInt]\nrust = \"i64\"",
        "rust-client",
        "scalars.rs",
        r#"t.graphql:1:48: error[G703]: custom scalar `DateTime` has no type in the scalar map
"#,
    );
    check_with_config(
        sdl,
        "strict_scalars = true\n[scalars.BigInt]\nrust = \"i64\"",
        "rust-server",
        "scalars.rs",
        r#"t.graphql:1:48: error[G703]: custom scalar `DateTime` has no type in the scalar map
"#,
    );
}

#[test]
fn client_lenient_mode_reads_missing_fields_and_single_items() {
    check_with_config(
        "type Query { tags: [String!]!, maybe: [Int], one: String! }",
        "[rust-client]\nlenient = true",
        "rust-client",
        "objects.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, Default)]
#[serde(default)]
pub struct Query {
    #[serde(deserialize_with = "one_or_many")]
    pub tags: ::std::vec::Vec<::std::string::String>,
    #[serde(deserialize_with = "option_one_or_many")]
    pub maybe: ::std::option::Option<::std::vec::Vec<::std::option::Option<i32>>>,
    pub one: ::std::string::String,
}

/// Any object type of the schema, chosen by `__typename`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "__typename")]
pub enum AnyObject {
    #[serde(rename = "Query")]
    Query(Query),
    /// An object type this client does not know: the object as the server sent it, `__typename` included.
    #[serde(untagged)]
    Unknown(::serde_json::Value),
}

impl ::std::default::Default for AnyObject {
    /// No object: what a lenient read gives for a missing field.
    fn default() -> Self {
        Self::Unknown(::serde_json::Value::Null)
    }
}
"#,
    );
}

#[test]
fn client_response_types_can_leave_serialize_out() {
    let sdl = "type Query { pets(filter: Filter): [Pet!]! } type Cat { name: String } union Pet = Cat input Filter { kind: Kind } enum Kind { CAT }";
    let config = "[rust-client]\nserialize_responses = false";
    let derive_lines = |path: &str| -> Vec<String> {
        render(sdl, config, &Templates::embedded(), "rust-client", path)
            .lines()
            .filter(|line| line.starts_with("#[derive("))
            .map(str::to_owned)
            .collect()
    };
    // What the client reads: objects, unions (and interfaces, `AnyObject`).
    let read = "#[derive(Debug, Clone, PartialEq, ::serde::Deserialize)]";
    assert_eq!(derive_lines("objects.rs"), [read, read, read]);
    assert_eq!(derive_lines("unions.rs"), [read]);
    // What it sends keeps `Serialize`.
    assert_eq!(
        derive_lines("inputs.rs"),
        ["#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]"]
    );
    let enum_derives = derive_lines("enums.rs");
    assert!(
        !enum_derives.is_empty()
            && enum_derives
                .iter()
                .all(|line| line.contains("::serde::Serialize"))
    );
}

#[test]
fn server_objects_are_traits_and_glue() {
    // The traits the user implements live in resolvers.rs; the glue objects in objects.rs:
    // a function per field that reads the arguments in schema order and calls the resolver,
    // registered as a leaf (serialized with serde) or an output (objects and lists of them).
    let sdl = "type Query { user(id: ID!, type: String, ctx: Int = 3): User } type User { name: String! new: Boolean @deprecated }";
    check(
        sdl,
        "rust-server",
        "resolvers.rs",
        r#"#[allow(unused_imports)]
use super::*;

/// What a value of the GraphQL type `Query` must answer: implement it
/// in your own code and wrap the implementation with [`Query::new`].
#[::async_graphql::async_trait::async_trait]
pub trait QueryResolver: ::std::marker::Send + ::std::marker::Sync {
    async fn user(
        &self,
        ctx: &::async_graphql::Context<'_>,
        id: ::async_graphql::ID,
        r#type: ::std::option::Option<::std::string::String>,
        ctx_2: ::std::option::Option<i32>,
    ) -> ::async_graphql::Result<::std::option::Option<User>>;
}

/// What a value of the GraphQL type `User` must answer: implement it
/// in your own code and wrap the implementation with [`User::new`].
#[::async_graphql::async_trait::async_trait]
pub trait UserResolver: ::std::marker::Send + ::std::marker::Sync {
    async fn name(
        &self,
        ctx: &::async_graphql::Context<'_>,
    ) -> ::async_graphql::Result<::std::string::String>;
    async fn new_2(
        &self,
        ctx: &::async_graphql::Context<'_>,
    ) -> ::async_graphql::Result<::std::option::Option<bool>>;
}
"#,
    );
    check(
        sdl,
        "rust-server",
        "objects.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Clone)]
pub struct Query {
    resolver: ::std::sync::Arc<dyn QueryResolver>,
}

impl Query {
    /// Exposes `resolver` as a value of the GraphQL type `Query`.
    pub fn new(resolver: impl QueryResolver + 'static) -> Self {
        Self {
            resolver: ::std::sync::Arc::new(resolver),
        }
    }

    fn user<'a>(
        r: &'a ::std::sync::Arc<dyn QueryResolver>,
        ctx: &'a runtime::Resolving<'a>,
    ) -> runtime::Answer<'a, ::std::option::Option<User>> {
        Ok(r.user(ctx, ctx.arg(0)?, ctx.arg(1)?, ctx.arg(2)?))
    }
}

impl runtime::Glue for Query {
    type Resolver = ::std::sync::Arc<dyn QueryResolver>;

    const NAME: &'static str = "Query";

    fn resolver(&self) -> &Self::Resolver {
        &self.resolver
    }

    fn fields(fields: &mut runtime::Fields<'_, Self>) {
        fields.output("user", Self::user);
    }
}

#[derive(Clone)]
pub struct User {
    resolver: ::std::sync::Arc<dyn UserResolver>,
}

impl User {
    /// Exposes `resolver` as a value of the GraphQL type `User`.
    pub fn new(resolver: impl UserResolver + 'static) -> Self {
        Self {
            resolver: ::std::sync::Arc::new(resolver),
        }
    }

    fn name<'a>(
        r: &'a ::std::sync::Arc<dyn UserResolver>,
        ctx: &'a runtime::Resolving<'a>,
    ) -> runtime::Answer<'a, ::std::string::String> {
        Ok(r.name(ctx))
    }

    fn new_2<'a>(
        r: &'a ::std::sync::Arc<dyn UserResolver>,
        ctx: &'a runtime::Resolving<'a>,
    ) -> runtime::Answer<'a, ::std::option::Option<bool>> {
        Ok(r.new_2(ctx))
    }
}

impl runtime::Glue for User {
    type Resolver = ::std::sync::Arc<dyn UserResolver>;

    const NAME: &'static str = "User";

    fn resolver(&self) -> &Self::Resolver {
        &self.resolver
    }

    fn fields(fields: &mut runtime::Fields<'_, Self>) {
        fields.leaf("name", Self::name);
        fields.leaf("new", Self::new_2);
    }
}
"#,
    );
}

#[test]
fn server_interfaces_are_enums_that_give_their_values_a_type_name() {
    check(
        "type Query { node: Node } interface Node { id: ID! } interface Named implements Node { id: ID! name(short: Boolean): String } type A implements Node & Named { id: ID! name(short: Boolean): String }",
        "rust-server",
        "interfaces.rs",
        r#"#[allow(unused_imports)]
use super::*;

#[derive(Clone)]
pub enum Node {
    Named(Named),
    A(A),
}

impl runtime::IntoFieldValue for Node {
    fn into_field_value(self) -> runtime::Output {
        match self {
            Self::Named(value) => runtime::field_value(value),
            Self::A(value) => runtime::typed(value),
        }
    }
}

#[derive(Clone)]
pub enum Named {
    A(A),
}

impl runtime::IntoFieldValue for Named {
    fn into_field_value(self) -> runtime::Output {
        match self {
            Self::A(value) => runtime::typed(value),
        }
    }
}
"#,
    );
}

#[test]
fn server_mod_holds_the_sdl_and_builds_the_roots() {
    check(
        "type Query { a: Int } type Mutation { b: Int } scalar URL enum E { X } input I { e: E }",
        "rust-server",
        "mod.rs",
        r#"#[allow(dead_code, deprecated, clippy::all)]
pub mod enums;
#[allow(dead_code, deprecated, clippy::all)]
pub mod inputs;
#[allow(dead_code, deprecated, clippy::all)]
pub mod objects;
#[allow(dead_code, deprecated, clippy::all)]
pub mod resolvers;
#[allow(dead_code, deprecated, clippy::all)]
mod runtime;
#[allow(dead_code, deprecated, clippy::all)]
pub mod scalars;

pub use enums::*;
pub use inputs::*;
pub use objects::*;
pub use resolvers::*;
pub use scalars::*;

/// Registers every type of [`SDL`] with `builder`, each object's fields answered by your
/// resolvers: for a schema whose root types you write yourself (as
/// `::async_graphql::dynamic::Object`s, returning values of the generated types).
///
/// # Errors
///
/// When [`SDL`] and the generated types do not match, which would be a bug of gqlsmith.
#[allow(dead_code)]
pub fn register_types(
    builder: ::async_graphql::dynamic::SchemaBuilder,
) -> ::std::result::Result<
    ::async_graphql::dynamic::SchemaBuilder,
    ::async_graphql::dynamic::SchemaError,
> {
    types()?.register(builder)
}

/// A dynamic schema builder serving `query` and `mutation`: every type of [`SDL`],
/// each field answered by your resolvers. Add data, limits or extensions, then `finish()` it.
///
/// # Errors
///
/// When [`SDL`] and the generated types do not match, which would be a bug of gqlsmith.
#[allow(dead_code)]
pub fn schema_builder(
    query: impl QueryResolver + 'static,
    mutation: impl MutationResolver + 'static,
) -> ::std::result::Result<
    ::async_graphql::dynamic::SchemaBuilder,
    ::async_graphql::dynamic::SchemaError,
> {
    let mut schema = types()?;
    schema.query(Query::new(query));
    schema.mutation(Mutation::new(mutation));
    schema.finish()
}

/// The served schema with the glue of every object type.
fn types() -> ::std::result::Result<runtime::Schema, ::async_graphql::dynamic::SchemaError> {
    let mut schema = runtime::Schema::parse(SDL)?;
    schema.object::<Query>();
    schema.object::<Mutation>();
    Ok(schema)
}

/// The schema served, as GraphQL SDL: what [`register_types`] builds the types, descriptions,
/// arguments and deprecations from.
#[allow(dead_code)]
pub const SDL: &str = "type Query {
  a: Int
}\n
type Mutation {
  b: Int
}\n
scalar URL\n
enum E {
  X
}\n
input I {
  e: E
}\n";
"#,
    );
}

#[test]
fn a_template_override_that_prints_broken_rust_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let path = dir.path().join("rust-client/enums.rs.tera");
    std::fs::create_dir_all(path.parent().unwrap_or(dir.path()))
        .unwrap_or_else(|error| panic!("{error}"));
    std::fs::write(
        &path,
        "{% for enum_ in enums %}pub enum {{ enum_.rust_name }} {{ \"{\" }}\n{% endfor %}",
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let templates = gqlsmith::read_templates(dir.path())
        .unwrap_or_else(|diagnostics| panic!("{diagnostics:?}"));
    let actual = render(
        "type Query { a: E } enum E { X }",
        "",
        &templates,
        "rust-client",
        "enums.rs",
    );
    assert_eq!(actual.replace(&dir.path().display().to_string(), "DIR"), "DIR/rust-client/enums.rs.tera:1:1: error[G705]: template `DIR/rust-client/enums.rs.tera` produced invalid Rust: cannot parse string into token stream\n");
}

#[test]
fn docs_pages_reference_undefined_types_as_users_get_them() {
    let page = "Objects\nIntro.\nAccount\nAn account.\nFields\n| Name | Description |\n|---|---|\nstatus(AccountStatus!) | The status. |\nbalance(Int) | |\nExample\n{\n\"status\": \"ACTIVE\",\n\"balance\": 1\n}";
    // Loaded as `gqlsmith generate` loads it: recovery gives `AccountStatus` its kind.
    let schema = gqlsmith::test_support::valid(gqlsmith::test_support::text("page.txt", page));
    let files = generate(
        &schema,
        Target::RustClient,
        &Config::default(),
        &Templates::embedded(),
        "page.txt",
    )
    .unwrap_or_default();
    let texts: Vec<String> = files
        .iter()
        .map(|file| format!("== {}\n{}", file.path, file.contents))
        .collect();
    assert_eq!(
        texts.join(""),
        r#"== mod.rs
// generated by gqlsmith from page.txt, do not edit

#[allow(dead_code, deprecated, clippy::all)]
pub mod enums;
#[allow(dead_code, deprecated, clippy::all)]
pub mod objects;

pub use enums::*;
pub use objects::*;
== enums.rs
// generated by gqlsmith from page.txt, do not edit

/// Known only in part: the input, line 8 lists only some of this enum's values (inferred by `enum-sample` with high confidence from: `Account.status` shows the quoted value `ACTIVE`). Other values read as `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
pub enum AccountStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    /// A value the input does not list (it lists only some), kept as the server sent it.
    #[serde(untagged)]
    Unknown(::std::string::String),
}
== objects.rs
// generated by gqlsmith from page.txt, do not edit

#[allow(unused_imports)]
use super::*;

/// An account.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Account {
    /// The status.
    pub status: AccountStatus,
    pub balance: ::std::option::Option<i32>,
}

/// Any object type of the schema, chosen by `__typename`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "__typename")]
pub enum AnyObject {
    #[serde(rename = "Account")]
    Account(Account),
    /// An object type this client does not know: the object as the server sent it, `__typename` included.
    #[serde(untagged)]
    Unknown(::serde_json::Value),
}
"#
    );
}
