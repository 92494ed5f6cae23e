//! The effective configuration printed back as a config file (`--print-config`).

use super::command::quote_word;
use super::{Config, ConfigSource};
use crate::keymap::{Binding, Key, bindable_actions};

impl Config {
    /// The effective configuration as a config file, headed by where it came from. Actions the
    /// file does not set are listed commented out with their effective keys. Parsing the result
    /// gives this configuration back (less `no_color`, which comes from the environment).
    pub fn to_toml_string(&self, source: &ConfigSource) -> String {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::new();
        out.push_str("# agenda-tui effective configuration\n");
        out.push_str(&format!("# source: {source}\n"));
        if self.no_color {
            out.push_str("# NO_COLOR is set: colours are off\n");
        }
        out.push('\n');
        let data: Vec<String> = self
            .data
            .iter()
            .map(|p| quote(&p.to_string_lossy()))
            .collect();
        out.push_str(&format!("data = [{}]\n", data.join(", ")));
        out.push_str(&format!("mouse = {}\n", self.mouse));
        match &self.copy_command {
            Some(argv) => {
                let words: Vec<String> = argv.iter().map(|w| quote_word(w)).collect();
                out.push_str(&format!("copy_command = {}\n", quote(&words.join(" "))));
            }
            None => out.push_str("# copy_command = \"wl-copy\"\n"),
        }
        if !self.open_command.is_empty() {
            let words: Vec<String> = self.open_command.iter().map(|w| quote(w)).collect();
            out.push_str(&format!("open_command = [{}]\n", words.join(", ")));
        }
        out.push_str("\n[theme]\n");
        for (name, colour) in self.theme.fields() {
            out.push_str(&format!("{name} = {}\n", quote(&colour.to_string())));
        }
        out.push_str("\n[keys]\n");
        let map = self.keymap();
        for action in bindable_actions() {
            let mut keys: Vec<Key> = Vec::new();
            for binding in map
                .bindings
                .iter()
                .filter(|b: &&Binding| b.action == action)
            {
                for k in &binding.keys {
                    if !keys.contains(k) {
                        keys.push(*k);
                    }
                }
            }
            let user = self.keys.iter().find(|o| o.action == action);
            if let Some(user) = user {
                keys = user.keys.clone();
            }
            let list: Vec<String> = keys.iter().map(|k| quote(&k.to_string())).collect();
            let comment = if user.is_some() { "" } else { "# " };
            out.push_str(&format!(
                "{comment}{} = [{}]\n",
                action.name(),
                list.join(", ")
            ));
        }
        out
    }
}
