//! The words of the feed and of the changelog page, in English and French.

use crate::domain::Lang;

/// What the feed and the changelog page say, in one language.
pub struct ChangesWords {
    pub lang: Lang,
    /// The feed's title, also the title of the link to it in every page's head.
    pub feed_title: &'static str,
    /// The changelog page's title and heading.
    pub title: &'static str,
    /// The changelog page's description, for its head.
    pub description: &'static str,
    /// The sentence under the heading.
    pub intro: &'static str,
    /// The link to the feed on the changelog page.
    pub follow: &'static str,
    pub added: &'static str,
    pub changed: &'static str,
    pub removed: &'static str,
    /// Said of a release that added, changed and removed nothing.
    pub nothing: &'static str,
}

pub const EN: ChangesWords = ChangesWords {
    lang: Lang::En,
    feed_title: "Mali's partnerships and ruptures: new and corrected events",
    title: "Changes to the data",
    description: "Each version of the dataset of Mali's partnerships and ruptures, newest first: the events it added, corrected and removed.",
    intro: "Each version of the dataset, newest first, with the events it added, corrected and removed. An event keeps its address from one version to the next.",
    follow: "Follow new and corrected events (Atom feed)",
    added: "Added",
    changed: "Corrected",
    removed: "Removed",
    nothing: "No event was added, corrected or removed.",
};

pub const FR: ChangesWords = ChangesWords {
    lang: Lang::Fr,
    feed_title: "Partenariats et ruptures du Mali : événements nouveaux et corrigés",
    title: "Modifications des données",
    description: "Chaque version du jeu de données des partenariats et ruptures du Mali, de la plus récente à la plus ancienne : les événements ajoutés, corrigés et retirés.",
    intro: "Chaque version du jeu de données, de la plus récente à la plus ancienne, avec les événements ajoutés, corrigés et retirés. Un événement garde son adresse d'une version à l'autre.",
    follow: "Suivre les événements nouveaux et corrigés (flux Atom)",
    added: "Ajoutés",
    changed: "Corrigés",
    removed: "Retirés",
    nothing: "Aucun événement n'a été ajouté, corrigé ou retiré.",
};

impl ChangesWords {
    /// "Version 2".
    pub fn version(&self, version: u32) -> String {
        format!("Version {version}")
    }

    /// A list's heading with its length: "Added (100)", "Ajoutés (100)".
    pub fn heading(&self, word: &str, count: usize) -> String {
        format!("{word} ({count})")
    }
}
