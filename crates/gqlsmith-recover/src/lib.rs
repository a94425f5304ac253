#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod classify;
mod harness;
mod matching;
mod names;
mod overlay;
mod page;
mod pass;
mod printer;
mod reference;
mod report;

pub use harness::{evaluate_hidden_names, evaluate_rendered, Evaluation, TierScore};
pub use overlay::Overlay;
pub use pass::{recover, RecoverOptions};
pub use printer::render_page;
pub use report::{Abstained, RecoveredName, RecoveryReport};
