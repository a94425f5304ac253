#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod classify;
#[cfg(feature = "harness")]
mod harness;
mod matching;
mod names;
mod overlay;
mod page;
mod pass;
#[cfg(feature = "harness")]
mod printer;
mod reference;
mod report;

pub use overlay::Overlay;
pub use pass::{recover, RecoverOptions};
pub use report::{Abstained, RecoveredName, RecoveryReport};

/// The hide-and-recover harness behind `cargo xtask recover-eval` and this crate's tests
/// (feature `harness`): not part of the API the readers' consumers use.
#[cfg(feature = "harness")]
pub mod evaluation {
    pub use crate::harness::{evaluate_hidden_names, evaluate_rendered, Evaluation, TierScore};
    pub use crate::printer::render_page;
}
