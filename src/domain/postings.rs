//! Per-event positions in a vocabulary (partners, sectors), stored end to end, and the masks a
//! selection makes of them: what lets a change of filters be one pass with no copying.

use std::hash::Hash;

pub(super) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Per event, a few positions in a vocabulary, stored end to end in one list.
#[derive(Debug, Default)]
pub(super) struct Postings {
    positions: Vec<usize>,
    /// Where each event's positions end in `positions`.
    ends: Vec<usize>,
}

impl Postings {
    pub(super) fn with_capacity(events: usize) -> Self {
        Self {
            positions: Vec::with_capacity(events * 2),
            ends: Vec::with_capacity(events),
        }
    }

    /// The positions of event `i`.
    pub(super) fn of(&self, i: usize) -> &[usize] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.positions[start..self.ends[i]]
    }

    /// Appends the next event: the positions of `items` in `vocabulary`, each once. An item
    /// missing from it is appended (and to `lookup`, which maps each entry to its position).
    pub(super) fn push<T: Eq + Hash + Clone>(
        &mut self,
        items: &[T],
        vocabulary: &mut Vec<T>,
        lookup: &mut FastMap<T, usize>,
    ) {
        let start = self.positions.len();
        for item in items {
            let at = match lookup.get(item) {
                Some(&at) => at,
                None => {
                    vocabulary.push(item.clone());
                    lookup.insert(item.clone(), vocabulary.len() - 1);
                    vocabulary.len() - 1
                }
            };
            if !self.positions[start..].contains(&at) {
                self.positions.push(at);
            }
        }
        self.ends.push(self.positions.len());
    }
}

/// Each entry of `vocabulary` and its position; the first position where one is repeated.
pub(super) fn lookup_of<T: Eq + Hash + Clone>(vocabulary: &[T]) -> FastMap<T, usize> {
    let mut lookup = FastMap::with_capacity_and_hasher(vocabulary.len(), Default::default());
    for (at, item) in vocabulary.iter().enumerate() {
        lookup.entry(item.clone()).or_insert(at);
    }
    lookup
}

/// Which positions of `vocabulary` the selection names; names it lacks select nothing.
pub(super) fn selection<'a, T: PartialEq + 'a>(
    selected: impl ExactSizeIterator<Item = &'a T>,
    vocabulary: &[T],
) -> Option<Vec<bool>> {
    if selected.len() == 0 {
        return None;
    }
    let mut mask = vec![false; vocabulary.len()];
    for item in selected {
        if let Some(at) = vocabulary.iter().position(|known| known == item) {
            mask[at] = true;
        }
    }
    Some(mask)
}
