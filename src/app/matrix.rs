//! The matrix (`m`): who talks about whom at a glance. Rows are speakers, columns targets,
//! the top ones by count sized to the screen; each cell counts the statements by its speaker
//! about its target among the statements in view (the search, the speaker lens and the span of
//! years narrow it as they narrow the panes). Enter on a cell sets the lens to its speaker and
//! selects its target, so the statements pane lists exactly the cell's statements.

use super::*;
use std::collections::HashMap;

/// A hasher for the matrix's (speaker, target) keys, one `u64` each: a multiply and a
/// rotate instead of SipHash, which counting a million statements would otherwise spend most
/// of its time in (the keys are entity positions from the corpus, not chosen by an attacker).
#[derive(Debug, Clone, Copy, Default)]
struct PairHasher(u64);

impl std::hash::Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Cells = HashMap<u64, usize, std::hash::BuildHasherDefault<PairHasher>>;

/// Statement counts per (speaker, target), with speakers and targets ranked by count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DyadCounts {
    /// Speakers (entity positions) with how many of their statements have a target, most
    /// first.
    pub speakers: Vec<(usize, usize)>,
    /// Targets (entity positions) with how many statements are about them, most first.
    pub targets: Vec<(usize, usize)>,
    cells: Cells,
}

/// The key of a cell.
fn pair(speaker: u32, target: u32) -> u64 {
    (u64::from(speaker) << 32) | u64::from(target)
}

impl DyadCounts {
    /// The statements by `speaker` about `target`.
    pub fn cell(&self, speaker: usize, target: usize) -> usize {
        match (u32::try_from(speaker), u32::try_from(target)) {
            (Ok(speaker), Ok(target)) => self.cells.get(&pair(speaker, target)).copied(),
            _ => None,
        }
        .unwrap_or(0)
    }

    /// The highest count of a cell among the first `rows` speakers and `cols` targets.
    pub fn peak(&self, rows: usize, cols: usize) -> usize {
        let mut peak = 0;
        for &(speaker, _) in self.speakers.iter().take(rows) {
            for &(target, _) in self.targets.iter().take(cols) {
                peak = peak.max(self.cell(speaker, target));
            }
        }
        peak
    }
}

/// Count the statements of `pool` per (speaker, target), a statement once in each of its cells;
/// speakers and targets ranked by count, ties by `order` (e.g. the name).
pub fn count_dyads<'a, K: Ord>(
    pool: impl IntoIterator<Item = u32>,
    speakers_of: impl Fn(u32) -> &'a [u32],
    targets_of: impl Fn(u32) -> &'a [u32],
    order: impl Fn(usize) -> K,
) -> DyadCounts {
    let mut cells = Cells::default();
    let mut speakers: Vec<usize> = Vec::new();
    let mut targets: Vec<usize> = Vec::new();
    let add = |totals: &mut Vec<usize>, value: u32| {
        let value = value as usize;
        if value >= totals.len() {
            totals.resize(value + 1, 0);
        }
        totals[value] += 1;
    };
    for statement in pool {
        let about = targets_of(statement);
        if about.is_empty() {
            continue;
        }
        for &speaker in speakers_of(statement) {
            add(&mut speakers, speaker);
            for &target in about {
                *cells.entry(pair(speaker, target)).or_default() += 1;
            }
        }
        for &target in about {
            add(&mut targets, target);
        }
    }
    let ranked = |totals: Vec<usize>| {
        let mut ranked: Vec<(usize, usize)> = totals
            .into_iter()
            .enumerate()
            .filter(|&(_, count)| count > 0)
            .collect();
        ranked.sort_by_cached_key(|&(e, count)| (std::cmp::Reverse(count), order(e), e));
        ranked
    };
    DyadCounts {
        speakers: ranked(speakers),
        targets: ranked(targets),
        cells,
    }
}

/// The matrix view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// The counts it shows.
    pub counts: DyadCounts,
    /// The cursor's row (a speaker's rank).
    pub row: usize,
    /// The cursor's column (a target's rank).
    pub col: usize,
}

/// How the matrix fits a screen: the label column, each cell's width, and how many rows and
/// columns are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixFit {
    /// Columns of the speaker names.
    pub label_width: usize,
    /// Columns of one cell, its separating space included.
    pub cell_width: usize,
    /// Speakers shown.
    pub rows: usize,
    /// Targets shown.
    pub cols: usize,
    /// Lines of the heading of target codes: 1, or 2 when a shown code is wider than its cell,
    /// the codes then alternating between the lines so that each has two cells' room.
    pub heading_lines: usize,
}

/// Fit `counts` into a box of `width`x`height` (inside its border): a heading of target codes,
/// a row per speaker, a line for the cell under the cursor. `names` are the display widths of
/// the speakers' names and `codes` of the targets' codes, in rank order. Cells are as narrow as
/// the largest count allows, and widened (up to 8 columns) to show the codes whole when that
/// hides no target; when a shown code is still wider than its cell the heading takes two lines
/// (one speaker row fewer, if one is left), so that `GLOBAL` is not cut to `GL…`.
pub fn matrix_fit(
    counts: &DyadCounts,
    names: &[usize],
    codes: &[usize],
    width: usize,
    height: usize,
) -> MatrixFit {
    let rows = height.saturating_sub(2).min(counts.speakers.len());
    let longest = names.iter().take(rows).copied().max().unwrap_or(0);
    let label_width = longest.clamp(4, 18).min(width / 3);
    let room = width.saturating_sub(label_width);
    let peak = counts.speakers.first().map_or(0, |&(_, total)| total);
    let narrow = peak.to_string().len().max(3) + 1;
    let fits = |cell: usize| (room / cell).min(counts.targets.len());
    let cols = fits(narrow);
    let code = codes.iter().take(cols).copied().max().unwrap_or(0).min(7) + 1;
    let cell_width = (narrow..=code.max(narrow))
        .rev()
        .find(|&cell| fits(cell) >= cols)
        .unwrap_or(narrow);
    let cut = codes.iter().take(cols).any(|&code| code + 1 > cell_width) && height > 3;
    let heading_lines = if cut { 2 } else { 1 };
    let rows = if cut {
        height.saturating_sub(3).min(rows)
    } else {
        rows
    };
    MatrixFit {
        label_width,
        cell_width,
        rows,
        cols,
        heading_lines,
    }
}

impl App {
    /// The matrix, while it is open.
    pub fn matrix(&self) -> Option<&Matrix> {
        match &self.overlay {
            Overlay::Matrix(matrix) => Some(matrix),
            _ => None,
        }
    }

    /// The dyad counts of the statements in view.
    pub fn dyad_counts(&self) -> DyadCounts {
        let pool = self
            .narrowed_pool()
            .unwrap_or_else(|| (0..self.corpus.statements.len() as u32).collect());
        let name = |e: usize| self.corpus.entities[e].name.to_lowercase();
        count_dyads(pool, |s| self.speakers.of(s), |s| self.targets.of(s), name)
    }

    /// How the open matrix fits the screen (the box less its border and the footer line).
    pub fn matrix_fit(&self) -> Option<MatrixFit> {
        let matrix = self.matrix()?;
        let widths = |ranked: &[(usize, usize)], text: fn(&crate::model::Entity) -> &str| {
            ranked
                .iter()
                .map(|&(e, _)| crate::text::str_width(text(&self.corpus.entities[e])))
                .collect::<Vec<usize>>()
        };
        let names = widths(&matrix.counts.speakers, |e| &e.name);
        let codes = widths(&matrix.counts.targets, |e| &e.id);
        let width = usize::from(self.size.0).saturating_sub(2);
        let height = usize::from(self.size.1).saturating_sub(3);
        Some(matrix_fit(&matrix.counts, &names, &codes, width, height))
    }

    /// The cell under the cursor (speaker, target), kept within the shown cells.
    pub fn matrix_cell(&self) -> Option<(usize, usize)> {
        let (matrix, fit) = (self.matrix()?, self.matrix_fit()?);
        let row = matrix.row.min(fit.rows.checked_sub(1)?);
        let col = matrix.col.min(fit.cols.checked_sub(1)?);
        Some((matrix.counts.speakers[row].0, matrix.counts.targets[col].0))
    }

    /// `m`: open the matrix of the statements in view.
    pub(super) fn open_matrix(&mut self) -> bool {
        let counts = self.dyad_counts();
        if counts.speakers.is_empty() {
            self.status = Some("No statements with a speaker and a target to count".to_string());
            return true;
        }
        self.overlay = Overlay::Matrix(Matrix {
            counts,
            row: 0,
            col: 0,
        });
        true
    }

    /// Keys while the matrix is open: the arrows move the cursor, Enter opens the cell.
    pub(super) fn on_matrix_key(&mut self, action: Action) -> bool {
        let Some(fit) = self.matrix_fit() else {
            return false;
        };
        let cell = self.matrix_cell();
        let Overlay::Matrix(matrix) = &mut self.overlay else {
            return false;
        };
        let (rows, cols) = (fit.rows, fit.cols);
        matrix.row = matrix.row.min(rows.saturating_sub(1));
        matrix.col = matrix.col.min(cols.saturating_sub(1));
        match action {
            Action::MoveUp => matrix.row = step(matrix.row, -1, rows, true),
            Action::MoveDown => matrix.row = step(matrix.row, 1, rows, true),
            Action::FocusLeft | Action::FocusPrevious => {
                matrix.col = step(matrix.col, -1, cols, true);
            }
            Action::FocusRight | Action::FocusNext => matrix.col = step(matrix.col, 1, cols, true),
            Action::Top => matrix.row = 0,
            Action::Bottom => matrix.row = rows.saturating_sub(1),
            Action::Enter => match cell {
                Some((speaker, target)) if matrix.counts.cell(speaker, target) > 0 => {
                    self.open_cell(speaker, target);
                }
                Some(_) => self.status = Some("No statements in this cell".to_string()),
                None => return false,
            },
            Action::Back | Action::Quit | Action::Matrix => self.overlay = Overlay::None,
            Action::ForceQuit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            _ => return false,
        }
        true
    }

    /// Show a cell's statements: the lens on its speaker, its target selected, the statements
    /// pane focused.
    pub(super) fn open_cell(&mut self, speaker: usize, target: usize) {
        self.overlay = Overlay::None;
        self.set_lens(speaker);
        self.select_key_and_statement(ItemKey::Entity(target), None);
        self.focus = Pane::Statements;
    }
}
