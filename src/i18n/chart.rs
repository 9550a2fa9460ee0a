//! The overview chart's words in English and French.

use crate::domain::overview::{Bloc, StanceCounts};
use crate::domain::Lang;

/// The fixed words of the overview, in one language.
pub struct ChartWords {
    pub lang: Lang,
    pub title: &'static str,
    /// How to read the chart and how to choose dates on it.
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
}

pub const EN: ChartWords = ChartWords {
    lang: Lang::En,
    title: "Events per year",
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
};

pub const FR: ChartWords = ChartWords {
    lang: Lang::Fr,
    title: "Événements par année",
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
};

impl ChartWords {
    /// A year's accessible name: "2022: 23 steps toward, 14 ruptures, 5 other".
    pub fn year(&self, year: i32, counts: &StanceCounts) -> String {
        let colon = match self.lang {
            Lang::En => ":",
            Lang::Fr => " :",
        };
        format!(
            "{year}{colon} {} {}, {} {}, {} {}",
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
