//! What the generated types read and write, on responses written by hand: interfaces and
//! unions chosen by `__typename` (with a type the client does not know), fragments read from
//! the same object as the fields beside them, `@include`, aliases, enum values the client does
//! not know (both ways), custom scalars, and variables that leave out what is `None`.

use gqlsmith_operations_roundtrip::{star_wars, zoo};
use serde_json::json;

fn read<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("the response reads into its Data")
}

#[test]
fn a_union_is_an_enum_chosen_by_typename_with_a_fallback() {
    let data: zoo::search::Data = read(json!({
        "search": [
            {"__typename": "User", "name": "Ada"},
            {"__typename": "Bot", "model": "R2"},
            {"__typename": "Bot"},
            {"__typename": "Robot", "serial": 7}
        ],
        "node1": {"id": "1"},
        "Node1": {"__typename": "Team", "id": "2", "members": [{"__typename": "User", "id": "9"}, {"__typename": "Bot"}]}
    }));
    use zoo::search::{Node12, Search, SearchBot, SearchUser};
    assert_eq!(
        data.search,
        [
            Search::User(SearchUser {
                typename: "User".into(),
                name: "Ada".into()
            }),
            Search::Bot(SearchBot {
                typename: "Bot".into(),
                model: Some("R2".into())
            }),
            // `model` is under `@include`: absent reads as `None`.
            Search::Bot(SearchBot {
                typename: "Bot".into(),
                model: None
            }),
            Search::Other(zoo::UnknownObject {
                typename: "Robot".into(),
                raw: json!({"__typename": "Robot", "serial": 7}),
            }),
        ]
    );
    // Two aliases that differ only in case get two fields and two types.
    assert_eq!(data.node1.map(|node| node.id).as_deref(), Some("1"));
    let Some(Node12 { id, team_members }) = data.node1_2 else {
        panic!("Node1 is there");
    };
    assert_eq!(id, "2");
    let zoo::TeamMembers::Team(team) = team_members else {
        panic!("a Team");
    };
    let members: Vec<String> = team
        .members
        .iter()
        .map(|member| match member {
            zoo::TeamMembersTeamMembers::User(user) => format!("user {}", user.id),
            zoo::TeamMembersTeamMembers::Other(other) => format!("other {}", other.typename),
        })
        .collect();
    assert_eq!(members, ["user 9", "other Bot"]);
}

#[test]
fn fragments_fields_enums_and_scalars_read_from_one_object() {
    let data: zoo::users::Data = read(json!({
        "users": [{
            "id": "1", "name": "Ada", "role": "ADMIN",
            "handle": "ada", "admin": "OWNER", "joinedAt": "2026-01-02",
            "displayName": "Ada L.", "display_name": "ada_l"
        }],
        "meta": {"version": [1, 2]}
    }));
    let user = &data.users[0];
    assert_eq!(user.user_bits.id, "1");
    assert_eq!(user.user_bits.name, "Ada");
    assert_eq!(user.user_bits.role, zoo::Role::Admin);
    // The same key read twice: `role` by the fragment, `admin` (an alias of it) here, with a
    // value this client does not know.
    assert_eq!(user.admin, zoo::Role::Unknown("OWNER".into()));
    #[allow(deprecated)]
    let handle = user.handle.as_deref();
    assert_eq!(handle, Some("ada"));
    assert_eq!(user.joined_at, "2026-01-02");
    assert_eq!(
        (user.display_name.as_str(), user.display_name_2.as_str()),
        ("Ada L.", "ada_l")
    );
    assert_eq!(data.meta, Some(json!({"version": [1, 2]})));
}

#[test]
fn variables_leave_out_what_is_none_and_write_enums_as_graphql_spells_them() {
    let variables = zoo::users::Variables {
        filter: Some(zoo::UserFilter {
            role: Some(zoo::Role::Member),
            name_contains: None,
            and: Some(Box::new(zoo::UserFilter {
                role: Some(zoo::Role::Unknown("ROBOT".into())),
                ..Default::default()
            })),
            or: None,
        }),
        first: None,
    };
    assert_eq!(
        serde_json::to_value(&variables).unwrap(),
        json!({"filter": {"role": "MEMBER", "and": {"role": "ROBOT"}}})
    );
    assert_eq!(
        serde_json::to_value(zoo::users::Variables::default()).unwrap(),
        json!({})
    );
    let set_role = zoo::set_role::Variables {
        id: "1".into(),
        role: zoo::Role::Admin,
    };
    assert_eq!(
        serde_json::to_value(&set_role).unwrap(),
        json!({"id": "1", "role": "ADMIN"})
    );
}

#[test]
fn star_wars_interfaces_fragments_and_aliases() {
    use zoo::Operation as _;
    let data: star_wars::hero_details_with_fragment::Data = read(json!({
        "hero": {"__typename": "Human", "name": "Luke", "height": 1.72}
    }));
    let Some(star_wars::HeroDetails::Human(luke)) = data.hero else {
        panic!("a Human");
    };
    assert_eq!((luke.name.as_str(), luke.height), ("Luke", Some(1.72)));
    // The fragment narrows by type: the document asks for `__typename` there.
    assert!(star_wars::hero_details_with_fragment::QUERY
        .contains("fragment HeroDetails on Character {\n  __typename\n  name"));
    assert_eq!(zoo::SearchQuery::NAME, "Search");

    let data: star_wars::two_heroes::Data = read(json!({
        "r2": {"name": "R2-D2"}, "luke": {"name": "Luke Skywalker"}
    }));
    assert_eq!(data.r2.map(|hero| hero.name).as_deref(), Some("R2-D2"));
    assert_eq!(
        data.luke.map(|hero| hero.name).as_deref(),
        Some("Luke Skywalker")
    );

    // The same field under two type conditions, each with its own sub-selection.
    let data: star_wars::hero_parent_type_dependent_field::Data = read(json!({
        "hero": {"__typename": "Droid", "name": "R2-D2", "friends": [
            {"__typename": "Human", "name": "Luke", "height": 5.6},
            {"__typename": "Droid", "name": "C-3PO"},
            null
        ]}
    }));
    let Some(star_wars::hero_parent_type_dependent_field::Hero::Droid(droid)) = data.hero else {
        panic!("a Droid");
    };
    let friends = droid.friends.expect("friends");
    assert!(
        matches!(&friends[0], Some(star_wars::hero_parent_type_dependent_field::HeroDroidFriends::Human(human)) if human.height == Some(5.6))
    );
    assert!(
        matches!(&friends[1], Some(star_wars::hero_parent_type_dependent_field::HeroDroidFriends::Other(other)) if other.typename == "Droid")
    );
    assert_eq!(friends[2], None);
}

#[test]
fn a_fragment_under_include_is_none_when_its_fields_are_absent() {
    let data: zoo::roster::Data = read(json!({
        "users": [
            {"joined": "2026-01-02", "id": "1", "name": "Ada", "role": "ADMIN"},
            {"joined": "2026-01-03"}
        ]
    }));
    assert_eq!(data.users[0].joined, "2026-01-02");
    let bits = data.users[0]
        .user_bits
        .as_ref()
        .expect("the fragment's fields are there");
    assert_eq!(
        (bits.id.as_str(), bits.role.clone()),
        ("1", zoo::Role::Admin)
    );
    assert_eq!(data.users[1].joined, "2026-01-03");
    assert_eq!(data.users[1].user_bits, None);
}
