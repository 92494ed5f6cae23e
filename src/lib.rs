//! agenda-tui: a terminal browser for diplomatic agendas.
//!
//! The core is pure and terminal-free: [`model`] (corpus types), [`load`] (reading and
//! validation), [`ingest`] (raw article text to a corpus), [`search`] (fuzzy search), [`app`] (browser state and
//! `update`), [`layout`], [`detail`] and [`ui`] (drawing). [`tui`] is the terminal shell and
//! `src/main.rs` the command line around it.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dates;
pub mod detail;
pub mod effects;
pub mod export;
pub mod fsio;
pub mod ingest;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod load;
pub mod model;
pub mod progress;
pub mod reader;
pub mod search;
pub mod subject;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
