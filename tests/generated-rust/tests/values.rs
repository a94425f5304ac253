//! Values in and out of the rust-server stubs, through the hostile schema's root: a field
//! whose resolver returns `None` answers `null` with no error, whatever its type (object,
//! enum, list); arguments named after Rust keywords arrive under their GraphQL names; input
//! values are coerced as GraphQL says (defaults of input fields, one value for a list, a
//! number for an ID); a list nested 32 deep (the most the model allows) round-trips through
//! its nested `Vec`s and `Option`s, within rustc's default recursion limit; and the case
//! async-graphql's dynamic schema cannot serve, a `null` item in a list of objects
//! (async-graphql#1577), answers `null` with an error that says so.

use async_graphql::async_trait::async_trait;
use gqlsmith_generated_rust::hostile_server::*;

/// What every field this test does not serve answers.
fn not_served<T>() -> async_graphql::Result<T> {
    Err(async_graphql::Error::new("not served by this test"))
}

/// Four nullable lists around `T`, as the schema's `[[[[T]]]]` is served.
type Lists4<T> = Option<Vec<Option<Vec<Option<Vec<Option<Vec<T>>>>>>>>;

/// The type of `deepest`: 32 nullable lists around a nullable `Int`.
type Deepest = Lists4<Lists4<Lists4<Lists4<Lists4<Lists4<Lists4<Lists4<Option<i32>>>>>>>>>;

/// The type of `levels`: `[[[[[[[Int!]!]]]]]]`.
type Levels =
    Option<Vec<Option<Vec<Option<Vec<Option<Vec<Option<Vec<Option<Vec<Vec<i32>>>>>>>>>>>>>;

/// How many lists `deepest` wraps around the 7 of `levels` to reach its 32.
const WRAPPING: usize = 32 - 7;

/// `value` inside `count` lists of one item.
fn wrapped(value: serde_json::Value, count: usize) -> serde_json::Value {
    (0..count).fold(value, |inner, _| serde_json::Value::Array(vec![inner]))
}

/// A `Result` object (the schema's, not std's) that answers with a text.
struct Answer(String);

#[async_trait]
impl Result2Resolver for Answer {
    async fn ok(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Option<bool>> {
        Ok(Some(true))
    }
    async fn err(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<String>> {
        Ok(Some(self.0.clone()))
    }
}

/// Answers `null` where it can, echoes the arguments of `match` and `page`, and answers
/// `deepest` with the list it was given, wrapped in lists to the depth of the field.
struct Nulls;

#[async_trait]
impl QueryResolver for Nulls {
    async fn self_(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Send>> {
        Ok(None)
    }
    async fn self_2(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<i32>> {
        not_served()
    }
    async fn r#type(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Sync>> {
        not_served()
    }
    async fn r#match(
        &self,
        _ctx: &async_graphql::Context<'_>,
        r#ref: Option<String>,
        ctx_2: Option<i32>,
        r#where: Option<Option2>,
    ) -> async_graphql::Result<Option<Result2>> {
        Ok(Some(Result2::new(Answer(format!(
            "{ref:?} {ctx_2:?} {where:?}"
        )))))
    }
    async fn self_3(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Box2>> {
        not_served()
    }
    async fn r#async(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Vec<Vec2>> {
        not_served()
    }
    async fn option(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Option2>> {
        Ok(None)
    }
    async fn string(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<String2>> {
        not_served()
    }
    #[allow(clippy::type_complexity)]
    async fn deep(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Vec<Option<Vec<Option<Vec<Option<Vec<Option<String>>>>>>>>>>
    {
        Ok(None)
    }
    async fn deepest(
        &self,
        _ctx: &async_graphql::Context<'_>,
        levels: Levels,
    ) -> async_graphql::Result<Deepest> {
        let levels = serde_json::to_value(levels)?;
        Ok(serde_json::from_value(wrapped(levels, WRAPPING))?)
    }
    async fn long_arguments_field(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _first: Option<i32>,
        _second: Option<String>,
        _third: Option<bool>,
    ) -> async_graphql::Result<Option<Vec<Option<Result2>>>> {
        Ok(Some(vec![
            Some(Result2::new(Answer("first".to_owned()))),
            None,
        ]))
    }
    async fn a_field_with_a_very_long_name_that_goes_on_and_on_for_the_layout_to_break_it(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ThisTypeNameIsLongEnoughToPushEveryLineOfItsFieldsPastTheLimit>>
    {
        not_served()
    }
    async fn page(
        &self,
        _ctx: &async_graphql::Context<'_>,
        page: Page,
        id: Option<async_graphql::ID>,
    ) -> async_graphql::Result<Option<String>> {
        let ids: Option<Vec<String>> = page.ids.map(|ids| ids.into_iter().map(|id| id.0).collect());
        Ok(Some(format!(
            "{} {:?} {ids:?} {:?}",
            page.size,
            page.after.map(|id| id.0),
            id.map(|id| id.0)
        )))
    }
}

async fn execute(query: &str) -> async_graphql::Response {
    let schema = schema_builder(Nulls)
        .and_then(|builder| builder.finish())
        .expect("the schema builds");
    schema.execute(query).await
}

#[tokio::test]
async fn a_resolver_that_returns_none_answers_null_without_an_error() {
    let response = execute("{ self { id } option deep }").await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    assert_eq!(
        response.data.into_json().expect("the data is JSON"),
        serde_json::json!({ "self": null, "option": null, "deep": null })
    );
}

#[tokio::test]
async fn arguments_named_after_keywords_arrive_in_their_parameters() {
    let response = execute("{ match(ref: \"r\", ctx: 2, where: Self) { ok err } }").await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    assert_eq!(
        response.data.into_json().expect("the data is JSON"),
        serde_json::json!({ "match": { "ok": true, "err": "Some(\"r\") Some(2) Some(Self_)" } })
    );
}

#[tokio::test]
async fn a_null_item_in_a_list_of_objects_answers_null_with_an_error_that_says_why() {
    let response = execute("{ longArgumentsField { err } }").await;
    assert_eq!(
        response.data.into_json().expect("the data is JSON"),
        serde_json::json!({ "longArgumentsField": [{ "err": "first" }, null] })
    );
    let messages: Vec<&str> = response
        .errors
        .iter()
        .map(|error| error.message.as_str())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("async-graphql#1577"), "{messages:?}");
}

#[tokio::test]
async fn input_values_are_coerced_as_graphql_says() {
    let response =
        execute("{ a: page(page: {}, id: 4) b: page(page: { size: 3, after: 5, ids: 7 }) }").await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    assert_eq!(
        response.data.into_json().expect("the data is JSON"),
        serde_json::json!({
            "a": "10 None None Some(\"4\")",
            "b": "3 Some(\"5\") Some([\"7\"]) None",
        })
    );
}

#[tokio::test]
async fn a_list_nested_32_deep_round_trips_through_its_rust_types() {
    let schema = schema_builder(Nulls)
        .and_then(|builder| builder.finish())
        .expect("the schema builds");
    let response = schema
        .execute("{ deepest(levels: [[[[[[[1, 2]]]]]], [[[[[[]]]]]]]) }")
        .await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let levels = serde_json::json!([[[[[[[1, 2]]]]]], [[[[[[]]]]]]]);
    assert_eq!(
        response.data.into_json().expect("the data is JSON"),
        serde_json::json!({ "deepest": wrapped(levels, WRAPPING) })
    );
}

#[tokio::test]
async fn a_value_that_does_not_fit_the_argument_type_is_refused_with_its_path() {
    let schema = schema_builder(Nulls)
        .and_then(|builder| builder.finish())
        .expect("the schema builds");
    let response = schema
        .execute("{ deepest(levels: [[[[[[[1, null]]]]]]]) }")
        .await;
    let messages: Vec<&str> = response
        .errors
        .iter()
        .map(|error| error.message.as_str())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("levels"), "{messages:?}");
}

#[test]
fn the_served_schema_keeps_the_nested_lists() {
    let sdl = schema_builder(Nulls)
        .and_then(|builder| builder.finish())
        .expect("the schema builds")
        .sdl();
    let deepest = format!(
        "deepest(levels: [[[[[[[Int!]!]]]]]]): {}Int{}",
        "[".repeat(32),
        "]".repeat(32)
    );
    assert!(sdl.contains(&deepest), "{deepest} is served:\n{sdl}");
}
