//! Shell completion scripts and the man page, generated from the clap definition in
//! [`crate::cli`] so they always describe the real command line.

use crate::cli::Cli;
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

/// Write the man page (roff, section 1) to `out`.
pub fn write_man_page(out: &mut dyn Write) -> io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    out.flush()
}

/// Run `f` on standard output and turn the outcome into an exit status; a reader that stopped
/// early (`| head`) is not an error.
fn to_stdout(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match f(&mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: standard output: {e}");
            ExitCode::from(1)
        }
    }
}

/// `agenda-tui completions SHELL`: print the completion script.
pub fn print_completions(shell: clap_complete::Shell) -> ExitCode {
    to_stdout(|out| write_completions(shell, out))
}

/// `agenda-tui man`: print the man page.
pub fn print_man_page() -> ExitCode {
    to_stdout(write_man_page)
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
        assert!(page.contains("export"));
        assert!(page.contains("print\\-config"));
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
