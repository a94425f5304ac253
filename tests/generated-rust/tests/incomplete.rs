//! What the Kraken page does not show stays visible and readable (issue 18): an enum known
//! only from sample values keeps a value the page never shows, and an object of a union or
//! interface member the page never names keeps all its fields, `__typename` included.

use gqlsmith_generated_rust::{hostile_client, kraken_client};
use serde_json::{json, Value};

#[test]
fn an_unseen_union_member_keeps_its_fields() {
    let sent = json!({"__typename": "NotOnThePage", "id": "1", "amount": 12});
    let value: hostile_client::From = serde_json::from_value(sent.clone()).expect("reads");
    let hostile_client::From::Unknown(object) = &value else {
        panic!("read as {value:?}")
    };
    assert_eq!(object, &sent);
    assert_eq!(serde_json::to_value(&value).ok(), Some(sent));
    // A known member still reads as itself.
    let known: hostile_client::From =
        serde_json::from_value(json!({"__typename": "Box", "value": 3})).expect("reads");
    assert_eq!(
        known,
        hostile_client::From::Box2(hostile_client::Box2 { value: Some(3) })
    );
}

#[test]
fn every_object_of_an_unknown_type_keeps_its_fields() {
    let sent = json!({"__typename": "SomethingNew", "nested": {"a": [1, 2]}});
    let value: kraken_client::AnyObject = serde_json::from_value(sent.clone()).expect("reads");
    assert_eq!(value, kraken_client::AnyObject::Unknown(sent));
}

#[test]
fn an_incomplete_enum_accepts_an_unseen_value() {
    // Recovery knows `APIBrownoutStatus` only from the value `SCHEDULED` on the page.
    let status: kraken_client::ApiBrownoutStatus =
        serde_json::from_value(Value::String("ANY_OTHER".to_owned())).expect("reads");
    assert_eq!(
        status,
        kraken_client::ApiBrownoutStatus::Unknown("ANY_OTHER".to_owned())
    );
    assert_eq!(
        serde_json::to_value(&status).ok(),
        Some(Value::String("ANY_OTHER".to_owned()))
    );
}
