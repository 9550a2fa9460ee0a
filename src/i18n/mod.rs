//! The interface's words in English and French. Dataset text carries its own two languages.

mod changes;
mod chart;
mod take;

pub use changes::ChangesWords;
pub use chart::ChartWords;
pub use take::TakeWords;

use crate::domain::page::SiteText;
use crate::domain::{FilterKey, Lang};

/// Every fixed sentence and label of the interface, in one language.
pub struct Ui {
    pub lang: Lang,
    pub site_title: &'static str,
    pub document_title: &'static str,
    /// What the site is, in a sentence: the description of the timeline's page.
    pub site_description: &'static str,
    pub skip_link: &'static str,
    pub loading: &'static str,
    /// Shown while the newest events are on screen and the rest of the file is still read.
    pub loading_rest: &'static str,
    pub load_error_title: &'static str,
    pub retry: &'static str,
    pub filters: &'static str,
    pub partner: &'static str,
    pub sector: &'static str,
    pub kind: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub dates: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub any_year: &'static str,
    pub whole_year: &'static str,
    pub newest_first: &'static str,
    pub oldest_first: &'static str,
    pub clear_all: &'static str,
    pub no_match: &'static str,
    pub back_to_timeline: &'static str,
    pub sources: &'static str,
    pub related: &'static str,
    pub note: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub share: &'static str,
    pub partners_label: &'static str,
    pub sectors_label: &'static str,
    pub event_not_found_title: &'static str,
    /// The heading of the list of every event, for readers that run no script.
    pub all_events: &'static str,
    pub page_not_found_title: &'static str,
    pub page_not_found_text: &'static str,
    pub other_language: &'static str,
    pub other_language_name: &'static str,
    /// The overview chart's words.
    pub chart: &'static ChartWords,
    /// The words of export, citation, embedding and versions.
    pub take: &'static TakeWords,
    /// The words of the feed and of the changelog page.
    pub changes: &'static ChangesWords,
}

const EN: Ui = Ui {
    lang: Lang::En,
    site_title: "Mali's partnerships and ruptures, 2012–2026",
    document_title: "Mali's partnerships and ruptures",
    site_description: "Mali's international partnerships and ruptures since 2012: a sourced, filterable timeline of events",
    skip_link: "Skip to the timeline",
    loading: "Loading events…",
    loading_rest: "Loading every event… the newest are shown meanwhile; filters and counts come once all are read.",
    load_error_title: "The events could not be loaded",
    retry: "Retry",
    filters: "Filters",
    partner: "Partner",
    sector: "Sector",
    kind: "Kind",
    search: "Search",
    search_placeholder: "e.g. Wagner, lithium, Téhéran",
    dates: "Dates",
    from: "From",
    to: "To",
    any_year: "Any year",
    whole_year: "Whole year",
    newest_first: "Newest first",
    oldest_first: "Oldest first",
    clear_all: "Clear all filters",
    no_match: "No event matches these filters.",
    back_to_timeline: "Back to the timeline",
    sources: "Sources",
    related: "Related events",
    note: "Where sources disagree",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Could not copy: select the address bar and copy it",
    share: "Share",
    partners_label: "Partners",
    sectors_label: "Sectors",
    event_not_found_title: "This event does not exist",
    all_events: "All events",
    page_not_found_title: "This page does not exist",
    page_not_found_text: "The address does not match any page of the timeline.",
    other_language: "fr",
    other_language_name: "Français",
    chart: &chart::EN,
    take: &take::EN,
    changes: &changes::EN,
};

const FR: Ui = Ui {
    lang: Lang::Fr,
    site_title: "Partenariats et ruptures du Mali, 2012-2026",
    document_title: "Partenariats et ruptures du Mali",
    site_description: "Les partenariats et ruptures internationaux du Mali depuis 2012 : une chronologie sourcée et filtrable d'événements",
    skip_link: "Aller à la chronologie",
    loading: "Chargement des événements…",
    loading_rest: "Chargement de tous les événements… les plus récents sont affichés en attendant ; filtres et décomptes suivront.",
    load_error_title: "Les événements n'ont pas pu être chargés",
    retry: "Réessayer",
    filters: "Filtres",
    partner: "Partenaire",
    sector: "Secteur",
    kind: "Type",
    search: "Rechercher",
    search_placeholder: "ex. Wagner, lithium, Téhéran",
    dates: "Dates",
    from: "Du",
    to: "Au",
    any_year: "Toute année",
    whole_year: "Toute l'année",
    newest_first: "Plus récents d'abord",
    oldest_first: "Plus anciens d'abord",
    clear_all: "Effacer tous les filtres",
    no_match: "Aucun événement ne correspond à ces filtres.",
    back_to_timeline: "Retour à la chronologie",
    sources: "Sources",
    related: "Événements liés",
    note: "Là où les sources divergent",
    copy_link: "Copier le lien",
    link_copied: "Lien copié",
    copy_failed: "Copie impossible : sélectionnez la barre d'adresse et copiez-la",
    share: "Partager",
    partners_label: "Partenaires",
    sectors_label: "Secteurs",
    event_not_found_title: "Cet événement n'existe pas",
    all_events: "Tous les événements",
    page_not_found_title: "Cette page n'existe pas",
    page_not_found_text: "L'adresse ne correspond à aucune page de la chronologie.",
    other_language: "en",
    other_language_name: "English",
    chart: &chart::FR,
    take: &take::FR,
    changes: &changes::FR,
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

impl Ui {
    /// What the written pages' heads say of the site.
    pub fn site_text(&self) -> SiteText {
        SiteText {
            name: self.document_title,
            description: self.site_description,
            feed_title: self.changes.feed_title,
            changelog_title: self.changes.title,
            changelog_description: self.changes.description,
        }
    }

    /// "12 of 185 events".
    pub fn result_count(&self, shown: usize, total: usize) -> String {
        match self.lang {
            Lang::En => format!("{shown} of {total} events"),
            Lang::Fr => format!("{shown} événements sur {total}"),
        }
    }

    /// The sentence under "no event matches": which filter to relax.
    pub fn relax(&self, key: FilterKey, count: usize) -> String {
        let what = match (self.lang, key) {
            (Lang::En, FilterKey::Partner) => "the partner filter",
            (Lang::En, FilterKey::Sector) => "the sector filter",
            (Lang::En, FilterKey::Kind) => "the kind filter",
            (Lang::En, FilterKey::Search) => "the search text",
            (Lang::En, FilterKey::DateRange) => "the date range",
            (Lang::Fr, FilterKey::Partner) => "le filtre partenaire",
            (Lang::Fr, FilterKey::Sector) => "le filtre secteur",
            (Lang::Fr, FilterKey::Kind) => "le filtre type",
            (Lang::Fr, FilterKey::Search) => "le texte recherché",
            (Lang::Fr, FilterKey::DateRange) => "la période",
        };
        match self.lang {
            Lang::En => format!("Remove {what} to see {count} events"),
            Lang::Fr => format!("Retirer {what} pour voir {count} événements"),
        }
    }

    /// "No event has the id “x”."
    pub fn event_not_found_text(&self, id: &str) -> String {
        match self.lang {
            Lang::En => format!(
                "No event has the id “{id}”. The link may be mistyped or incomplete."
            ),
            Lang::Fr => format!(
                "Aucun événement n'a l'identifiant « {id} ». Le lien est peut-être mal saisi ou incomplet."
            ),
        }
    }

    /// The heading of the notice listing events left out of a damaged data file.
    pub fn left_out(&self, count: usize) -> String {
        match (self.lang, count) {
            (Lang::En, 1) => "1 event was left out because of an error in the data".into(),
            (Lang::En, n) => format!("{n} events were left out because of errors in the data"),
            (Lang::Fr, 1) => {
                "1 événement a été écarté à cause d'une erreur dans les données".into()
            }
            (Lang::Fr, n) => {
                format!("{n} événements ont été écartés à cause d'erreurs dans les données")
            }
        }
    }

    /// The button that draws more of a long list.
    pub fn show_more(&self, next: usize, left: usize) -> String {
        match self.lang {
            Lang::En => format!("Show {next} more ({left} not shown yet)"),
            Lang::Fr => format!("Afficher {next} de plus ({left} pas encore affichés)"),
        }
    }

    /// The button that draws more of a long list above the drawn part.
    pub fn show_above(&self, next: usize, left: usize) -> String {
        match self.lang {
            Lang::En => format!("Show {next} more above ({left} not shown yet)"),
            Lang::Fr => format!("Afficher {next} de plus au-dessus ({left} pas encore affichés)"),
        }
    }

    /// Month names, January first.
    pub fn months(&self) -> Vec<String> {
        crate::domain::date::month_names(self.lang)
            .iter()
            .map(|m| m.to_string())
            .collect()
    }
}
