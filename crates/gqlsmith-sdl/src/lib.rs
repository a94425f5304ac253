#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod line_index;
mod sdl_diagnostics;
mod sdl_reader;

pub use sdl_reader::read_sdl;
