//! The Kraken page's generated code at work: every example on the page that is valid JSON
//! reads into its rust-client type (and writes back the same values), and a server built from
//! the rust-server stubs with a small hand-written root answers a query.

use async_graphql::async_trait::async_trait;
use async_graphql::dynamic;
use gqlsmith_generated_rust::{kraken_client, kraken_server};
use serde_json::Value;

#[test]
fn every_json_example_reads_into_its_type_and_writes_back_the_same_values() {
    // The page as build.rs generated from it: read and recovered, as users get it.
    let loaded = gqlsmith::test_support::fixture("kraken/objects.txt").loaded;
    let mut read = 0;
    let mut failures = Vec::new();
    for ty in loaded.schema.types.values() {
        let Some(example) = &ty.example else { continue };
        // Examples with bare type names as values (`"edges": APIBrownoutEdge`) are not JSON.
        let Ok(Value::Object(mut example_object)) = serde_json::from_str::<Value>(&example.raw)
        else {
            continue;
        };
        example_object.insert("__typename".to_owned(), Value::String(ty.name.clone()));
        let value = match serde_json::from_value::<kraken_client::AnyObject>(Value::Object(
            example_object.clone(),
        )) {
            Ok(kraken_client::AnyObject::Unknown(_)) => {
                failures.push(format!("{}: read as an unknown type", ty.name));
                continue;
            }
            Ok(value) => value,
            Err(error) => {
                failures.push(format!("{}: {error}", ty.name));
                continue;
            }
        };
        // Written back, every field the type declares has the example's value (a list shown
        // as its one item comes back as a list of one).
        let written = serde_json::to_value(&value).unwrap_or(Value::Null);
        for (key, expected) in &example_object {
            if ty.field(key).is_none() {
                continue;
            }
            let as_list = Value::Array(vec![expected.clone()]);
            let written_value = written.get(key);
            if written_value != Some(expected)
                && (expected.is_array() || written_value != Some(&as_list))
            {
                failures.push(format!(
                    "{}.{key}: wrote {written_value:?}, the example says {expected}",
                    ty.name
                ));
            }
        }
        read += 1;
    }
    assert_eq!(failures, Vec::<String>::new());
    assert_eq!(read, 312, "examples that are valid JSON objects");
}

#[test]
fn an_unknown_enum_value_is_kept() {
    // Recovery makes `APIBrownoutStatus` an enum from the one value the page shows
    // (`SCHEDULED`), marked incomplete: a value the page never shows is kept as sent.
    let json = r#"{"__typename": "APIBrownoutEdge", "cursor": "abc", "node": {"status": "ENDED", "apiType": "GRAPHQL"}}"#;
    let value: kraken_client::AnyObject = serde_json::from_str(json).expect("an edge reads");
    let kraken_client::AnyObject::ApiBrownoutEdge(edge) = value else {
        panic!("read as {value:?}")
    };
    let node = edge.node.expect("the node reads");
    assert_eq!(edge.cursor, "abc");
    assert_eq!(
        node.status,
        Some(kraken_client::ApiBrownoutStatus::Unknown(
            "ENDED".to_owned()
        ))
    );
    assert_eq!(node.api_type, Some(kraken_client::ApiType::Graphql));
}

/// The brownout object of the page's first block (its name is not on the page: recovery names
/// it `APIBrownout`, the node type of `APIBrownoutEdge`).
struct Brownout;

#[async_trait]
impl kraken_server::ApiBrownoutResolver for Brownout {
    async fn api_type(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<kraken_server::ApiType>> {
        Ok(Some(kraken_server::ApiType::Graphql))
    }
    async fn disables_requests_to(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<kraken_server::NonEmptyString>> {
        Ok(None)
    }
    async fn ends_at(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<kraken_server::NonEmptyString>> {
        Ok(Some(kraken_server::NonEmptyString(
            "2026-12-01T00:00:00Z".to_owned(),
        )))
    }
    async fn starts_at(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<kraken_server::NonEmptyString>> {
        Ok(None)
    }
    async fn status(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<kraken_server::ApiBrownoutStatus>> {
        Ok(Some(kraken_server::ApiBrownoutStatus::Scheduled))
    }
}

/// The page has no root types: this hand-written one (a dynamic object, as
/// `register_types` documents) serves a brownout of the generated type.
fn hand_written_query() -> dynamic::Object {
    dynamic::Object::new("Query").field(dynamic::Field::new(
        "brownout",
        dynamic::TypeRef::named_nn("APIBrownout"),
        |_| {
            dynamic::FieldFuture::new(async {
                let brownout = kraken_server::ApiBrownout::new(Brownout);
                Ok(Some(dynamic::FieldValue::owned_any(brownout)))
            })
        },
    ))
}

#[tokio::test(flavor = "current_thread")]
async fn a_hand_written_root_serves_a_generated_object() {
    let builder = dynamic::Schema::build("Query", None, None).register(hand_written_query());
    let schema = kraken_server::register_types(builder)
        .and_then(|builder| builder.finish())
        .expect("the schema builds");
    let response = schema
        .execute("{ brownout { apiType status endsAt startsAt } }")
        .await;
    assert_eq!(response.errors, Vec::new());
    let data = response.data.into_json().expect("data is JSON");
    assert_eq!(
        data,
        serde_json::json!({"brownout": {"apiType": "GRAPHQL", "status": "SCHEDULED", "endsAt": "2026-12-01T00:00:00Z", "startsAt": null}})
    );
    // Every object of the page is registered, including the ones no root reaches.
    assert!(
        schema.sdl().contains("type APIBrownoutConnection {"),
        "the SDL lists unreachable types"
    );
}
