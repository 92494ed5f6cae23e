//! The manual page, one page for the whole program: synopsis, description and options from the
//! clap definition, then every subcommand with its options, the keys (from the key table the
//! browser dispatches through), the config file, the environment, exit status and files.

use crate::cli::Cli;
use crate::config::{CONFIG_ENV, NO_COLOR_ENV, ThemeColours};
use crate::keymap::{Keymap, bindable_actions};
use clap::CommandFactory;
use std::io::{self, Write};

/// `text` safe in roff: backslashes and hyphens escaped, a leading `.` or `'` neutralised.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// One `.TP` entry: a bold term and its description.
fn entry(out: &mut String, term: &str, description: &str) {
    out.push_str(&format!(
        ".TP\n\\fB{}\\fR\n{}\n",
        roff(term),
        roff(description)
    ));
}

/// A `.SH` heading.
fn section(out: &mut String, title: &str) {
    out.push_str(&format!(".SH {title}\n"));
}

/// How an argument is written on the command line: `\-o, \-\-output FILE`, `PATH...`.
fn argument_label(arg: &clap::Arg) -> String {
    let values: Vec<String> = arg
        .get_value_names()
        .map(|names| names.iter().map(ToString::to_string).collect())
        .unwrap_or_default();
    let value = values.join(" ");
    let many = matches!(arg.get_num_args(), Some(range) if range.max_values() > 1);
    let mut label = match (arg.get_short(), arg.get_long()) {
        (Some(short), Some(long)) => format!("-{short}, --{long}"),
        (None, Some(long)) => format!("--{long}"),
        (Some(short), None) => format!("-{short}"),
        (None, None) => String::new(),
    };
    if arg.get_action().takes_values() && !value.is_empty() {
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(&value);
        if arg.is_positional() && many {
            label.push_str("...");
        }
    }
    label
}

/// The arguments of `command` (positional first), without clap's own help and version.
fn arguments(command: &clap::Command) -> Vec<&clap::Arg> {
    let mut args: Vec<&clap::Arg> = command
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .collect();
    args.sort_by_key(|a| !a.is_positional());
    args
}

/// The COMMANDS section: every subcommand's usage, what it does and its options.
fn commands_section(out: &mut String, cli: &clap::Command) {
    section(out, "COMMANDS");
    let mut commands: Vec<(String, &clap::Command)> = Vec::new();
    for command in cli.get_subcommands().filter(|c| c.get_name() != "help") {
        commands.push((command.get_name().to_string(), command));
        for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
            commands.push((format!("{} {}", command.get_name(), sub.get_name()), sub));
        }
    }
    for (name, command) in commands {
        let args = arguments(command);
        let usage: Vec<String> = args
            .iter()
            .map(|a| {
                let label = argument_label(a);
                if a.is_required_set() {
                    label
                } else {
                    format!("[{label}]")
                }
            })
            .collect();
        let about = command
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default();
        out.push_str(&format!(
            ".TP\n\\fBagenda\\-tui {}\\fR {}\n{}\n",
            roff(&name),
            roff(&usage.join(" ")),
            roff(&about)
        ));
        if args.is_empty() {
            continue;
        }
        out.push_str(".RS\n");
        for arg in args {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let default = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect::<Vec<_>>();
            let help = if default.is_empty() {
                help
            } else {
                format!("{help} [default: {}]", default.join(", "))
            };
            entry(out, &argument_label(arg), &help);
        }
        out.push_str(".RE\n");
    }
}

/// The KEYS section, from the key table.
fn keys_section(out: &mut String) {
    section(out, "KEYS");
    out.push_str("The browser's keys, as the built\\-in key table binds them ([keys] in the config file rebinds them; ? shows the effective keys).\n");
    for (keys, description) in Keymap::default().help_lines() {
        match (keys.is_empty(), description.is_empty()) {
            (true, true) => {}
            (false, true) => out.push_str(&format!(".SS {}\n", roff(&keys))),
            _ => entry(out, &keys, &description),
        }
    }
}

/// The CONFIGURATION section: where the file is and every key it takes.
fn config_section(out: &mut String) {
    section(out, "CONFIGURATION");
    out.push_str(&roff(&format!(
        "A TOML file, read from ${CONFIG_ENV} when set (the file must exist), else $XDG_CONFIG_HOME/agenda-tui/config.toml, else ~/.config/agenda-tui/config.toml. Every mistake in it is reported with its line and column, and the command stops with status 2. agenda-tui --print-config prints the effective configuration."
    )));
    out.push('\n');
    entry(
        out,
        "data = [\"PATH\", ...]",
        "corpus files or directories opened when --data is not given; relative paths are relative to the config file, ~/ is the home directory",
    );
    entry(
        out,
        "mouse = true | false",
        "capture the mouse (clicks and the wheel); false leaves the terminal's own text selection working",
    );
    entry(
        out,
        "copy_command = \"PROGRAM ARGS\"",
        "the program y writes the copied statement to, run without a shell (quotes group words), e.g. \"wl-copy\", \"xclip -selection clipboard\", \"pbcopy\"; without it y uses tmux's buffer inside tmux, else OSC 52",
    );
    let colours: Vec<&str> = ThemeColours::default()
        .fields()
        .iter()
        .map(|(name, _)| *name)
        .collect();
    entry(
        out,
        "[theme]",
        &format!(
            "colours: {} = a colour name (red, light-blue...), \"#rrggbb\", a number 0-255, or \"default\"",
            colours.join(", ")
        ),
    );
    let actions: Vec<&str> = bindable_actions().into_iter().map(|a| a.name()).collect();
    entry(
        out,
        "[keys]",
        &format!(
            "ACTION = [\"KEY\", ...] replaces an action's keys (Ctrl-x, Alt-x, F1, Up, PageDown...). Actions: {}",
            actions.join(", ")
        ),
    );
}

/// ENVIRONMENT, EXIT STATUS and FILES.
fn environment_sections(out: &mut String) {
    section(out, "ENVIRONMENT");
    entry(
        out,
        NO_COLOR_ENV,
        "when set and not empty, draw without colour (the selection stays visible in reverse video)",
    );
    entry(
        out,
        CONFIG_ENV,
        "the config file to read instead of the default location",
    );
    entry(
        out,
        "XDG_CONFIG_HOME",
        "where the config directory is (agenda-tui/config.toml inside it); ~/.config when unset",
    );
    entry(
        out,
        "HOME",
        "the home directory, for ~/.config and ~/ in data paths",
    );
    entry(
        out,
        "AGENDA_TUI_DATA_DIR",
        "the data directory, whose library/ holds the batches of agenda-tui add (instead of $XDG_DATA_HOME/agenda-tui, else ~/.local/share/agenda-tui)",
    );
    entry(
        out,
        "XDG_DATA_HOME",
        "where the data directory is (agenda-tui/ inside it); ~/.local/share when unset",
    );
    entry(
        out,
        "TMUX",
        "set inside tmux: y copies to tmux's buffer (tmux load-buffer -w -)",
    );
    entry(
        out,
        "TERM",
        "dumb or linux: y cannot copy with OSC 52 and says so",
    );
    section(out, "EXIT STATUS");
    entry(out, "0", "success");
    entry(
        out,
        "1",
        "a failure: nothing matched (search, export), a file could not be read or written",
    );
    entry(
        out,
        "2",
        "invalid data or configuration, or a wrong command line",
    );
    entry(
        out,
        "128+N",
        "the browser ended by signal N (SIGHUP, SIGINT, SIGTERM)",
    );
    section(out, "GAZETTEER FILES");
    out.push_str("Extra tables for ingest and eval (\\-\\-gazetteer PATH): tab\\-separated UTF\\-8, lines starting with # are comments, list fields separated by ;. The file's name chooses the table.\n");
    for (name, columns) in [
        (
            "*leaders*",
            "name, country, role, from, to (term dates YYYY-MM-DD, to empty while in office), aliases",
        ),
        (
            "*phrases*",
            "phrase, targets (entity ids, - for a blocker), case (cs exact, ci also lower-case and capitalised)",
        ),
        ("*topics*", "topic, cues"),
        (
            "*boilerplate*",
            "line or footer, phrase (a case-insensitive part of a line to drop)",
        ),
        (
            "any other name",
            "entities: id, kind (country, bloc, region or global), name, names, demonyms, capitals",
        ),
    ] {
        entry(out, name, columns);
    }
    section(out, "FILES");
    entry(
        out,
        "~/.config/agenda-tui/config.toml",
        "the config file (see CONFIGURATION)",
    );
    entry(
        out,
        "~/.local/share/agenda-tui/library/ID.json",
        "one batch of the personal library (a corpus file), with ID.sources.tsv listing the files it was added from; the browser, search and export open the seed and every batch that passes check when no corpus is named (a batch that fails is named on standard error, or in the browser's status line, and left out)",
    );
    entry(
        out,
        "./agenda-tui-WHAT-YEAR.EXT",
        "what e in the browser writes, named after the statements exported (a number is added rather than overwrite a file)",
    );
}

/// Write the whole manual page (roff, section 1) to `out`.
pub fn write_man_page(out: &mut dyn Write) -> io::Result<()> {
    let cli = Cli::command();
    let man = clap_mangen::Man::new(cli.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut text = String::new();
    commands_section(&mut text, &cli);
    keys_section(&mut text);
    config_section(&mut text);
    environment_sections(&mut text);
    out.write_all(text.as_bytes())?;
    man.render_version_section(out)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        let mut out = Vec::new();
        write_man_page(&mut out).expect("rendered");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_page_has_every_section_and_no_missing_sub_pages() {
        let page = page();
        for heading in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH COMMANDS",
            ".SH KEYS",
            ".SH CONFIGURATION",
            ".SH ENVIRONMENT",
            ".SH EXIT STATUS",
            ".SH FILES",
        ] {
            assert!(page.contains(heading), "{heading}");
        }
        assert!(
            !page.contains("agenda\\-tui\\-check(1)"),
            "no page that does not exist"
        );
        assert!(!page.contains("docs/"), "an installed binary has no docs/");
    }

    #[test]
    fn every_subcommand_and_option_is_described() {
        let page = page();
        for command in Cli::command().get_subcommands() {
            if command.get_name() == "help" {
                continue;
            }
            assert!(
                page.contains(&format!(
                    "\\fBagenda\\-tui {}\\fR",
                    roff(command.get_name())
                )),
                "{}",
                command.get_name()
            );
            for arg in arguments(command) {
                assert!(
                    page.contains(&roff(&argument_label(arg))),
                    "{:?}",
                    arg.get_id()
                );
            }
        }
        assert!(page.contains("\\fBagenda\\-tui library remove\\fR ID"));
        for name in [
            "NO_COLOR",
            "AGENDA_TUI_CONFIG",
            "AGENDA_TUI_DATA_DIR",
            "XDG_CONFIG_HOME",
            "copy_command",
        ] {
            assert!(page.contains(&roff(name)), "{name}");
        }
    }

    #[test]
    fn the_keys_come_from_the_key_table() {
        let page = page();
        for (keys, description) in Keymap::default().help_lines() {
            if !description.is_empty() {
                assert!(page.contains(&roff(&description)), "{description}");
                assert!(page.contains(&roff(&keys)), "{keys}");
            }
        }
    }

    #[test]
    fn roff_neutralises_requests_and_escapes() {
        assert_eq!(roff(".TH evil"), "\\&.TH evil");
        assert_eq!(roff("a\\b-c"), "a\\eb\\-c");
    }
}
