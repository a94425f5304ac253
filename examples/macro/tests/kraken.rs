//! The generated types read what the Kraken API sends: an example from the reference page.

use gqlsmith_example_macro::kraken;

/// The example of `AccountApplicationType` on the page, as printed there.
const PAGE_EXAMPLE: &str = r#"{
"status": "CURRENT",
"salesChannel": "abc123",
"salesSubchannel": "abc123",
"dateOfSale": "2020-01-01",
"coolingOffEndDate": "2020-01-01",
"isMigrated": true,
"migrationSource": "abc123",
"preferredSsd": "2020-01-01"
}"#;

#[track_caller]
fn check(json: &str, expect: &str) {
    let application: kraken::AccountApplicationType = serde_json::from_str(json).unwrap();
    assert_eq!(format!("{application:?}"), expect);
    let again: kraken::AccountApplicationType =
        serde_json::from_value(serde_json::to_value(&application).unwrap()).unwrap();
    assert_eq!(
        again, application,
        "serializing and reading back gives the same value"
    );
}

#[test]
fn reads_the_example_on_the_page() {
    check(
        PAGE_EXAMPLE,
        r#"AccountApplicationType { cooling_off_end_date: Some("2020-01-01"), date_of_sale: Some("2020-01-01"), is_migrated: Some(true), migration_source: Some("abc123"), preferred_ssd: Some("2020-01-01"), sales_channel: "abc123", sales_subchannel: Some("abc123"), status: Current }"#,
    );
}

#[test]
fn reads_nulls_and_enum_values_it_does_not_know() {
    check(
        r#"{"status": "ON_HOLD", "salesChannel": "web"}"#,
        r#"AccountApplicationType { cooling_off_end_date: None, date_of_sale: None, is_migrated: None, migration_source: None, preferred_ssd: None, sales_channel: "web", sales_subchannel: None, status: Unknown("ON_HOLD") }"#,
    );
}
