//! The hostile schema's `deepest` field (a list nested 32 deep, with an argument nested 7
//! deep) served from the rust-server stubs: async-graphql cannot resolve lists that deep
//! within rustc's default recursion limit, so the stubs serve them as the `DeepList` scalar,
//! which carries the whole nested value as JSON, in and out.

use async_graphql::async_trait::async_trait;
use gqlsmith_generated_rust::hostile_server::*;

/// What every field this test does not serve answers.
fn not_served<T>() -> async_graphql::Result<T> {
    Err(async_graphql::Error::new("not served by this test"))
}

/// Answers `deepest` with the list it was given.
struct EchoDeepest;

#[async_trait]
impl QueryResolver for EchoDeepest {
    async fn self_(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Send2>> {
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
    ) -> async_graphql::Result<Option<Sync2>> {
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
        levels: Option<DeepList>,
    ) -> async_graphql::Result<Option<DeepList>> {
        Ok(levels)
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
}

#[tokio::test]
async fn a_list_nested_deeper_than_rust_server_types_round_trips_as_json() {
    let schema = schema_builder(EchoDeepest).finish();
    let response = schema
        .execute("{ deepest(levels: [[[[[[[1, 2]]]]]], null]) }")
        .await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    assert_eq!(
        response.data.into_json().expect("the data is JSON"),
        serde_json::json!({ "deepest": [[[[[[[1, 2]]]]]], null] })
    );
}

#[test]
fn the_served_schema_names_the_deep_list_scalar_and_says_why() {
    let sdl = schema_builder(EchoDeepest).finish().sdl();
    assert!(
        sdl.contains("deepest(levels: DeepList): DeepList"),
        "the field keeps its name and serves the scalar:\n{sdl}"
    );
    let scalar = sdl
        .split("\n\n")
        .find(|block| block.contains("scalar DeepList"))
        .unwrap_or_else(|| panic!("the scalar is in the schema:\n{sdl}"));
    assert!(
        scalar.contains("recursion limit") && scalar.contains("`Query.deepest`"),
        "its description says why and what it stands for:\n{scalar}"
    );
}
