//! The Kraken API's types, generated at compile time by `include_schema!`.

/// Every type of the Kraken reference page, as serde types.
pub mod kraken {
    gqlsmith_macros::include_schema!("../../fixtures/kraken/objects.txt", target = "rust-client");
}
