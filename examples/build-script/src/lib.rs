//! The Kraken API's types, generated at build time by `build.rs` with gqlsmith-build.

/// Every type of the Kraken reference page, as serde types.
pub mod kraken {
    include!(concat!(env!("OUT_DIR"), "/gqlsmith/rust-client.rs"));
}
