//! The hostile schema's `deepest` field (a list nested 32 deep, the most the model allows,
//! with an argument nested 7 deep) served from the rust-server stubs with its real Rust
//! types: `Vec`s and `Option`s as deep as the lists, in and out, within rustc's default
//! recursion limit.

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

/// Answers `deepest` with the list it was given, wrapped in lists to the depth of the field.
struct EchoDeepest;

#[async_trait]
impl QueryResolver for EchoDeepest {
    async fn self_(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Send>> {
        not_served()
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
        _ref: Option<String>,
        _ctx_2: Option<i32>,
        _where: Option<Option2>,
    ) -> async_graphql::Result<Option<Result2>> {
        not_served()
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
        not_served()
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
        not_served()
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
        not_served()
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
        _page: Page,
        _id: Option<async_graphql::ID>,
    ) -> async_graphql::Result<Option<String>> {
        not_served()
    }
}

#[tokio::test]
async fn a_list_nested_32_deep_round_trips_through_its_rust_types() {
    let schema = schema_builder(EchoDeepest)
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
    let schema = schema_builder(EchoDeepest)
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
    let sdl = schema_builder(EchoDeepest)
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
