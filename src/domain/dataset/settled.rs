//! The validated dataset's last step: its events put in date order, its problems in file order.

use super::{Dataset, Problem};
use crate::domain::model::{Event, Partner, Sector};
use crate::domain::FuzzyDate;

/// The validated dataset before its events are put in order.
pub(super) struct Settled {
    pub(super) partners: Vec<Partner>,
    pub(super) sectors: Vec<Sector>,
    pub(super) problems: Vec<Problem>,
    /// The kept events where they were read (`None` where one was left out).
    pub(super) slots: Vec<Option<Event>>,
}

impl Settled {
    /// The dataset, its problems in file order and its events sorted by date then id.
    pub(super) fn into_dataset(self, version: u32, updated: Option<FuzzyDate>) -> Dataset {
        let mut slots = self.slots;
        let mut problems = self.problems;
        problems.sort_by_key(Problem::order);
        // Ids are unique among the kept events, so the order is total and an unstable sort is
        // exact. Small keys (the date as a number, the id's first bytes, the position) are
        // sorted, and the events moved once, rather than moved at every swap; full ids are
        // compared only when the first bytes are the same.
        let mut order: Vec<(u64, u64, u32)> = slots
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let e = e.as_ref()?;
                Some((e.date.order_number(), id_prefix(e.id.as_str()), i as u32))
            })
            .collect();
        let id_at = |i: u32| slots[i as usize].as_ref().map(|e| e.id.as_str());
        order.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| id_at(a.2).cmp(&id_at(b.2)))
        });
        let events: Vec<Event> = order
            .into_iter()
            .filter_map(|(_, _, i)| slots[i as usize].take())
            .collect();

        Dataset {
            version,
            updated,
            partners: self.partners,
            sectors: self.sectors,
            eras: Vec::new(),
            events,
            problems,
        }
    }
}

/// The first eight bytes of an id as a number in the same order as the ids' first eight bytes
/// (shorter ids padded with zeros, which no id contains).
fn id_prefix(id: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, byte) in bytes.iter_mut().zip(id.bytes()) {
        *slot = byte;
    }
    u64::from_be_bytes(bytes)
}
