#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod introspection;
mod markers;
mod sdl_diagnostics;
mod sdl_reader;
mod sdl_writer;
mod value_literal;

pub use introspection::read_introspection;
pub use sdl_reader::read_sdl;
pub use sdl_writer::{write_sdl, written_kinds, WriteOptions};
