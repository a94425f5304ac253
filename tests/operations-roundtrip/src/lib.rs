#![doc = include_str!("../README.md")]
// The generated code must compile without a single warning.
#![deny(warnings)]

include!(concat!(env!("OUT_DIR"), "/modules.rs"));
