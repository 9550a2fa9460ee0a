//! The eras of the file: each read and checked on its own, like an event, so that one bad era
//! is left out with a problem and the others are kept.

use super::check::check_era;
use super::{Dataset, FastSet, Problem, Subject};
use crate::domain::model::Era;

/// The dataset with the file's eras added: the valid ones, sorted by start, and a problem for
/// each one left out.
pub(super) fn with_eras(mut dataset: Dataset, raw: &[serde_json::Value]) -> Dataset {
    let mut seen: FastSet<String> = FastSet::default();
    for (index, value) in raw.iter().enumerate() {
        let readable_id = value
            .get("id")
            .and_then(|id| id.as_str())
            .map(str::to_string);
        let subject = Subject::Era {
            index,
            id: readable_id,
        };
        let reject = |field: String, message: String| Problem {
            subject: subject.clone(),
            field,
            message,
            rejected: true,
        };
        let era: Era = match serde_json::from_value(value.clone()) {
            Ok(era) => era,
            Err(e) => {
                dataset
                    .problems
                    .push(reject("era".into(), super::lenient::strip_position(&e)));
                continue;
            }
        };
        let mut faults = check_era(&era);
        if faults.is_empty() && !seen.insert(era.id.0.clone()) {
            faults.push(("id".into(), "is used by an earlier era".into()));
        }
        if faults.is_empty() {
            dataset.eras.push(era);
        } else {
            dataset.problems.extend(
                faults
                    .into_iter()
                    .map(|(field, message)| reject(field, message)),
            );
        }
    }
    dataset
        .eras
        .sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    dataset.problems.sort_by_key(Problem::order);
    dataset
}
