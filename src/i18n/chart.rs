//! The overview chart's words in English and French.

use crate::domain::overview::{Bloc, Part, StanceCounts};
use crate::domain::Lang;

/// French months as abbreviated in print.
const SHORT_MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// The fixed words of the overview, in one language.
pub struct ChartWords {
    pub lang: Lang,
    pub title: &'static str,
    /// How to read the chart and how to choose dates on it, under a title of its own on phones.
    pub how_to_read_title: &'static str,
    pub how_to_read: &'static str,
    pub brush_label: &'static str,
    pub all_years: &'static str,
    pub brush_keys: &'static str,
    pub clear_range: &'static str,
    pub eras: &'static str,
    pub compare: &'static str,
    pub compare_hint: &'static str,
    pub side_by_side: &'static str,
    pub toward: &'static str,
    pub ruptures: &'static str,
    pub other: &'static str,
    /// The letter of a quarter: "Q" ("T" for trimestre).
    pub quarter: &'static str,
    /// The title of the finer chart of a short range.
    pub detail: &'static str,
}

pub const EN: ChartWords = ChartWords {
    lang: Lang::En,
    title: "Events per year",
    how_to_read_title: "How to read the chart",
    how_to_read: "Above the line, steps toward a partner (agreements, deliveries, visits, announcements); below it, ruptures (ruptures, withdrawals, sanctions); grey, at the bottom, other events. Drag across the chart or click a year to choose dates.",
    brush_label: "Dates chosen on the chart",
    all_years: "All years",
    brush_keys: "Arrow keys move the dates by a year, Shift with an arrow key changes the last year, Escape clears them.",
    clear_range: "Clear the dates",
    eras: "Eras",
    compare: "Compare side by side",
    compare_hint: "Tick two to four partners to compare them side by side.",
    side_by_side: "Side by side",
    toward: "steps toward",
    ruptures: "ruptures",
    other: "other",
    quarter: "Q",
    detail: "The chosen dates, month by month or quarter by quarter",
};

pub const FR: ChartWords = ChartWords {
    lang: Lang::Fr,
    title: "Événements par année",
    how_to_read_title: "Comment lire le graphique",
    how_to_read: "Au-dessus de la ligne, les rapprochements avec un partenaire (accords, livraisons, visites, annonces) ; en dessous, les ruptures (ruptures, retraits, sanctions) ; en gris, en bas, les autres événements. Glissez sur le graphique ou cliquez sur une année pour choisir les dates.",
    brush_label: "Dates choisies sur le graphique",
    all_years: "Toutes les années",
    brush_keys: "Les flèches déplacent les dates d'un an, Maj avec une flèche change la dernière année, Échap les efface.",
    clear_range: "Effacer les dates",
    eras: "Périodes",
    compare: "Comparer côte à côte",
    compare_hint: "Cochez de deux à quatre partenaires pour les comparer côte à côte.",
    side_by_side: "Côte à côte",
    toward: "rapprochements",
    ruptures: "ruptures",
    other: "autres",
    quarter: "T",
    detail: "Les dates choisies, mois par mois ou trimestre par trimestre",
};

impl ChartWords {
    /// A year's accessible name: "2022: 23 steps toward, 14 ruptures, 5 other".
    pub fn year(&self, year: i32, counts: &StanceCounts) -> String {
        self.counts(&year.to_string(), counts)
    }

    /// A column's accessible name, from its name: "March 2022: 3 steps toward, …".
    pub fn counts(&self, name: &str, counts: &StanceCounts) -> String {
        let colon = match self.lang {
            Lang::En => ":",
            Lang::Fr => " :",
        };
        format!(
            "{name}{colon} {} {}, {} {}, {} {}",
            counts.toward, self.toward, counts.ruptures, self.ruptures, counts.other, self.other
        )
    }

    /// The brush's value: "2021 – 2023", "2022", or "All years".
    pub fn range(&self, years: Option<(i32, i32)>) -> String {
        match years {
            None => self.all_years.to_string(),
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a} – {b}"),
        }
    }

    /// A month or a quarter as a person reads it: "March 2022", "Q2 2022" ("T2 2022").
    pub fn part(&self, year: i32, part: Part) -> String {
        match part {
            Part::Month(m) => {
                let names = crate::domain::date::month_names(self.lang);
                format!("{} {year}", names[(m as usize - 1) % 12])
            }
            Part::Quarter(q) => format!("{}{q} {year}", self.quarter),
        }
    }

    /// A month or a quarter under its column: "Mar", "Q2".
    pub fn part_short(&self, part: Part) -> String {
        match part {
            Part::Month(m) => {
                let at = (m as usize - 1) % 12;
                match self.lang {
                    Lang::En => crate::domain::date::month_names(Lang::En)[at][..3].to_string(),
                    Lang::Fr => SHORT_MONTHS_FR[at].to_string(),
                }
            }
            Part::Quarter(q) => format!("{}{q}", self.quarter),
        }
    }

    /// A month or a quarter in the page's markup: "2022-03", "2022-Q2".
    pub fn part_code(&self, year: i32, part: Part) -> String {
        match part {
            Part::Month(m) => format!("{year}-{m:02}"),
            Part::Quarter(q) => format!("{year}-Q{q}"),
        }
    }

    /// The finer chart's note on the events it does not place.
    pub fn unplaced(&self, count: usize) -> String {
        match self.lang {
            Lang::En => format!("{count} events shown are dated only to the year, or began before the range, and are not in these columns."),
            Lang::Fr => format!("{count} événements affichés ne sont datés qu'à l'année, ou ont commencé avant la période, et ne figurent pas dans ces colonnes."),
        }
    }

    pub fn show_era(&self, label: &str, dates: &str) -> String {
        match self.lang {
            Lang::En => format!("Show this era: {label}, {dates}"),
            Lang::Fr => format!("Afficher cette période : {label}, {dates}"),
        }
    }

    pub fn remove_compared(&self, name: &str) -> String {
        match self.lang {
            Lang::En => format!("Remove {name} from the comparison"),
            Lang::Fr => format!("Retirer {name} de la comparaison"),
        }
    }

    pub fn move_up(&self, name: &str) -> String {
        match self.lang {
            Lang::En => format!("Move {name} up"),
            Lang::Fr => format!("Monter {name}"),
        }
    }

    /// A compared partner's row: "France: 38 events".
    pub fn row_total(&self, name: &str, total: usize) -> String {
        match self.lang {
            Lang::En => format!("{name}: {total} events"),
            Lang::Fr => format!("{name} : {total} événements"),
        }
    }

    pub fn bloc(&self, bloc: Bloc) -> &'static str {
        match (self.lang, bloc) {
            (Lang::En, Bloc::West) => "France and the West",
            (Lang::En, Bloc::Russia) => "Russia",
            (Lang::En, Bloc::Sahel) => "Alliance of Sahel States",
            (Lang::En, Bloc::Africa) => "ECOWAS and Africa",
            (Lang::En, Bloc::Multilateral) => "UN and institutions",
            (Lang::En, Bloc::Asia) => "China, Türkiye, Iran and Asia",
            (Lang::En, Bloc::Companies) => "Companies",
            (Lang::En, Bloc::Other) => "Other partners",
            (Lang::Fr, Bloc::West) => "France et Occident",
            (Lang::Fr, Bloc::Russia) => "Russie",
            (Lang::Fr, Bloc::Sahel) => "Alliance des États du Sahel",
            (Lang::Fr, Bloc::Africa) => "CEDEAO et Afrique",
            (Lang::Fr, Bloc::Multilateral) => "ONU et institutions",
            (Lang::Fr, Bloc::Asia) => "Chine, Turquie, Iran et Asie",
            (Lang::Fr, Bloc::Companies) => "Entreprises",
            (Lang::Fr, Bloc::Other) => "Autres partenaires",
        }
    }
}
