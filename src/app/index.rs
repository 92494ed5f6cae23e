//! The index the left pane shows: its tabs, its rows and items, and the facets (countries,
//! leaders, topics) built once from the corpus.

/// What a row of the left pane stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKey {
    /// Every statement (or, while searching, every match).
    All,
    /// The statements targeting one entity (its position in `Corpus::entities`).
    Entity(usize),
    /// Statements with no target.
    Untargeted,
    /// The statements naming or spoken by one leader (position in `Corpus::leaders`).
    Leader(usize),
    /// The statements tagged with one topic (position in `App::topics`).
    Topic(usize),
}

/// Which index the left pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndexTab {
    /// Countries, blocs and regions the statements are about.
    Countries,
    /// Leaders named in or speaking the statements.
    Leaders,
    /// Topic phrases.
    Topics,
}

impl IndexTab {
    /// Tabs in display order.
    pub const ALL: [IndexTab; 3] = [IndexTab::Countries, IndexTab::Leaders, IndexTab::Topics];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            IndexTab::Countries => "Countries",
            IndexTab::Leaders => "Leaders",
            IndexTab::Topics => "Topics",
        }
    }
}

/// For one kind of value (entities, leaders or topics): the values of every statement in
/// compressed rows, and the statements of every value.
#[derive(Debug, Clone, Default)]
pub(super) struct Facet {
    pub(super) offsets: Vec<u32>,
    pub(super) values: Vec<u32>,
    pub(super) by_value: Vec<Vec<u32>>,
}

impl Facet {
    /// Build from `values_of(statement, out)`, which pushes the value ids of a statement.
    pub(super) fn build(
        statements: usize,
        value_count: usize,
        mut values_of: impl FnMut(usize, &mut Vec<u32>),
    ) -> Self {
        let mut facet = Facet {
            offsets: Vec::with_capacity(statements + 1),
            values: Vec::new(),
            by_value: vec![Vec::new(); value_count],
        };
        facet.offsets.push(0);
        let mut scratch = Vec::new();
        for s in 0..statements {
            scratch.clear();
            values_of(s, &mut scratch);
            scratch.sort_unstable();
            scratch.dedup();
            for &v in &scratch {
                facet.by_value[v as usize].push(s as u32);
            }
            facet.values.extend_from_slice(&scratch);
            facet.offsets.push(facet.values.len() as u32);
        }
        facet
    }

    /// The value ids of statement `s`.
    pub(super) fn of(&self, s: u32) -> &[u32] {
        let s = s as usize;
        match (self.offsets.get(s), self.offsets.get(s + 1)) {
            (Some(&a), Some(&b)) => &self.values[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// One selectable row of the left pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListItem {
    /// What the row selects.
    pub key: ItemKey,
    /// How many statements (or matches) it lists.
    pub count: usize,
}

/// A drawn row of the left pane: a group heading or an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexRow {
    /// A heading such as "Countries"; not selectable.
    Heading(&'static str),
    /// The item at this position of `App::items`.
    Item(usize),
}
