//! The user's `[keys]` overrides merged into the default key table.

use super::Config;
use crate::keymap::{Action, Binding, Context, Key, Keymap};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::collections::HashMap;

/// A key that types text in the search bar: a character with neither Ctrl nor Alt.
pub(super) fn is_typing_key(key: &Key) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// True when bindings in `a` and `b` can both see the same key press.
pub(super) fn contexts_overlap(a: Context, b: Context) -> bool {
    a == b || a == Context::Global || b == Context::Global
}

/// Where a key bound in `context` acts: a key that types text acts in the panes only (the search
/// bar keeps it for typing), so it is dropped from a search-bar binding and narrowed from a
/// global one; the export prompt takes any key. `None` when it cannot act at all.
pub(super) fn acting_context(context: Context, key: &Key) -> Option<Context> {
    match (context, is_typing_key(key)) {
        (_, false) => Some(context),
        (Context::SearchBar, true) => None,
        (Context::Global | Context::Panes, true) => Some(Context::Panes),
        (Context::Reader, true) => Some(Context::Reader),
        (Context::ExportPrompt, true) => Some(Context::ExportPrompt),
    }
}

impl Config {
    /// The key table: the default one, where each action the user set gets exactly the user's
    /// keys and every other action gives up the keys the user took where they would compete.
    /// A key that types text stays text in the search bar: it is left out of search-bar
    /// bindings and a global action gets it in the panes only. A global binding that loses a
    /// key in one context keeps it in the others. Actions left with no key are dropped.
    pub fn keymap(&self) -> Keymap {
        let user: HashMap<Action, &[Key]> = self
            .keys
            .iter()
            .map(|o| (o.action, o.keys.as_slice()))
            .collect();
        let with_keys = |binding: &Binding, context: Context, keys: Vec<Key>| Binding {
            context,
            keys,
            action: binding.action,
            help: binding.help,
        };
        // The user's actions get their keys; every (context, key) they take is noted.
        let mut taken: Vec<(Context, Key)> = Vec::new();
        let mut bindings: Vec<Binding> = Vec::new();
        for binding in Keymap::default().bindings {
            let Some(keys) = user.get(&binding.action) else {
                bindings.push(binding);
                continue;
            };
            let (mut here, mut narrowed) = (Vec::new(), Vec::new());
            for key in keys.iter() {
                match acting_context(binding.context, key) {
                    Some(c) if c == binding.context => here.push(*key),
                    Some(c) => narrowed.push((c, *key)),
                    None => {}
                }
            }
            taken.extend(here.iter().map(|k| (binding.context, *k)));
            taken.extend(narrowed.iter().copied());
            bindings.push(with_keys(&binding, binding.context, here));
            for (context, key) in narrowed {
                bindings.push(with_keys(&binding, context, vec![key]));
            }
        }
        // The other actions give up the keys taken where they would compete; a global binding
        // keeps a key in the contexts where it was not taken.
        let claimed = |key: &Key, context: Context| {
            taken
                .iter()
                .any(|(c, k)| k == key && contexts_overlap(*c, context))
        };
        let mut result = Vec::with_capacity(bindings.len());
        for binding in bindings {
            if user.contains_key(&binding.action) {
                result.push(binding);
                continue;
            }
            let mut kept = Vec::new();
            let mut moved: Vec<(Context, Key)> = Vec::new();
            for key in &binding.keys {
                if binding.context != Context::Global {
                    if !claimed(key, binding.context) {
                        kept.push(*key);
                    }
                    continue;
                }
                let free: Vec<Context> = Context::SPECIFIC
                    .into_iter()
                    .filter(|&context| !claimed(key, context))
                    .collect();
                if free.len() == Context::SPECIFIC.len() {
                    kept.push(*key);
                } else {
                    moved.extend(free.into_iter().map(|context| (context, *key)));
                }
            }
            result.push(with_keys(&binding, binding.context, kept));
            for (context, key) in moved {
                result.push(with_keys(&binding, context, vec![key]));
            }
        }
        result.retain(|b| !b.keys.is_empty());
        Keymap { bindings: result }
    }
}
