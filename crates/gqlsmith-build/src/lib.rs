#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod builder;
mod report;

pub use builder::{BuildError, Builder, Generated};
