//! Commands about the program itself: shell completion scripts and the man page, generated
//! from the clap definition in [`crate::cli`] so they always describe the real command line,
//! and `--print-config`.

use super::{CommandResult, Output};
use crate::cli::Cli;
use crate::config::Config;
use clap::CommandFactory;
use std::io::{self, Write};
use std::process::ExitCode;

/// Write the completion script for `shell` to `out`.
pub fn write_completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut command = Cli::command();
    let name = command.get_name().to_string();
    clap_complete::generate(shell, &mut command, name, out);
    out.flush()
}

pub use super::manual::write_man_page;

/// `agenda-tui completions SHELL`: print the completion script.
pub fn print_completions(shell: clap_complete::Shell) -> CommandResult {
    Output::new().with(|out| write_completions(shell, out))?;
    Ok(ExitCode::SUCCESS)
}

/// `agenda-tui man`: print the man page.
pub fn print_man_page() -> CommandResult {
    Output::new().with(write_man_page)?;
    Ok(ExitCode::SUCCESS)
}

/// `agenda-tui --print-config`: print the effective configuration and where it came from.
pub fn print_config() -> CommandResult {
    let (config, source) = Config::load_from_env()?;
    Output::new().write_str(&config.to_toml_string(&source))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap_complete::Shell;

    #[test]
    fn completions_name_every_subcommand() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let mut out = Vec::new();
            write_completions(shell, &mut out).expect("generated");
            let script = String::from_utf8(out).expect("UTF-8");
            for word in ["agenda-tui", "export", "check", "completions", "format"] {
                assert!(script.contains(word), "{shell}: {word}");
            }
        }
    }

    #[test]
    fn man_page_is_roff_with_the_commands() {
        let mut out = Vec::new();
        write_man_page(&mut out).expect("rendered");
        let page = String::from_utf8(out).expect("UTF-8");
        assert!(
            page.starts_with(".ie \\n(.g .ds Aq"),
            "{}",
            &page[..page.len().min(80)]
        );
        assert!(page.contains(".TH agenda-tui 1"));
        assert!(page.contains(".SH KEYS"));
        assert!(page.contains("export"));
        assert!(page.contains("print\\-config"));
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
