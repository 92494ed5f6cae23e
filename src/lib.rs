//! agenda-tui: a terminal browser for diplomatic agendas.
//!
//! The core is pure and terminal-free: [`model`] (corpus types), [`load`] (reading and validation).
//! The binary in `src/main.rs` is the thin shell around it.

pub mod app;
pub mod cli;
pub mod config;
pub mod detail;
pub mod export;
pub mod generate;
pub mod keys;
pub mod layout;
pub mod load;
pub mod model;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
