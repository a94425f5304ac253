#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod classify;
mod harness;
mod matching;
mod names;
mod overlay;
mod page;
mod pass;
mod reference;
mod report;

pub use harness::{evaluate_hidden_names, Evaluation, TierScore};
pub use overlay::Overlay;
pub use pass::{recover, RecoverOptions};
pub use report::{Abstained, RecoveredName, RecoveryReport};
