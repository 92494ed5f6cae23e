//! agenda-tui: a terminal browser for diplomatic agendas.
//!
//! The core is pure and terminal-free: [`model`] (corpus types), [`load`] (reading and validation).
//! The binary in `src/main.rs` is the thin shell around it.

pub mod cli;
pub mod ingest;
pub mod load;
pub mod model;
