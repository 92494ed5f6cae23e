//! agenda-tui: a terminal browser for diplomatic agendas.
//!
//! The core is pure and terminal-free: [`model`] (corpus types), [`load`] (reading and validation),
//! [`search`] (fuzzy search over statements).
//! The binary in `src/main.rs` is the thin shell around it.

pub mod cli;
pub mod load;
pub mod model;
pub mod search;
