//! GitHub's schema served from the rust-server stubs: the dynamic schema builds (async-graphql
//! checks every type and interface implementation), with GitHub's objects that implement an
//! interface field with a sub-type of its type (`User.email: String!` for
//! `ProfileOwner.email: String`), which async-graphql's dynamic schema only accepts with the
//! same type (async-graphql#1692): such a field is served with the interface's type.

use async_graphql::dynamic;
use gqlsmith_generated_rust::github_server;

/// A root of its own (GitHub's `Query` would need its resolver), as `register_types` is used.
fn served_schema() -> dynamic::Schema {
    let root = dynamic::Object::new("Root").field(dynamic::Field::new(
        "ping",
        dynamic::TypeRef::named(dynamic::TypeRef::STRING),
        |_| dynamic::FieldFuture::new(async { Ok(Some(dynamic::FieldValue::value("pong"))) }),
    ));
    let builder = dynamic::Schema::build("Root", None, None).register(root);
    github_server::register_types(builder)
        .and_then(|builder| builder.finish())
        .expect("GitHub's schema is served")
}

#[tokio::test(flavor = "current_thread")]
async fn githubs_schema_is_served_with_covariant_fields_widened_to_their_interface_type() {
    let schema = served_schema();
    let response = schema.execute("{ ping }").await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let sdl = schema.sdl();
    let user = sdl
        .split("\n\n")
        .find(|block| block.contains("type User implements"))
        .unwrap_or_else(|| panic!("`User` is served:\n{sdl}"));
    // Declared `email: String!`; `ProfileOwner.email` is `String`.
    assert!(user.contains("\temail: String\n"), "{user}");
    // A field no interface declares keeps its own type.
    assert!(user.contains("\tisViewer: Boolean!\n"), "{user}");
}
