#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod input;
mod load;

pub use input::{Input, InputError, InputFormat, InputProblem, BUNDLED_KRAKEN_LABEL, BUNDLED_KRAKEN_PAGE};
pub use load::{load, LoadOptions, Project};

/// The intermediate model, as every gqlsmith crate sees it.
pub use gqlsmith_model as model;
