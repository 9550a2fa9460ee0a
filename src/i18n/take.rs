//! The words of what readers take with them (export, citation, embed code, the data's
//! versions), in English and French.

use crate::domain::Lang;

/// The fixed words of the export, citation, embed and version controls, in one language.
pub struct TakeWords {
    pub lang: Lang,
    /// The heading of the tools under the results: export, cite, embed.
    pub tools: &'static str,
    pub export: &'static str,
    pub export_failed: &'static str,
    /// The fold that holds the whole data, its changes and its feed.
    pub data: &'static str,
    pub download_data: &'static str,
    pub download_data_hint: &'static str,
    pub cite: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub embed: &'static str,
    pub embed_hint: &'static str,
    pub open_in_app: &'static str,
    pub current_data: &'static str,
    pub alias_notice: &'static str,
    /// The link to the feed of new and corrected events.
    pub follow: &'static str,
}

pub const EN: TakeWords = TakeWords {
    lang: Lang::En,
    tools: "Export, cite, embed",
    export: "Export the events shown",
    export_failed: "This browser could not save the file.",
    data: "Data",
    download_data: "Download the data",
    download_data_hint: "every event, source, partner and sector as a data package",
    cite: "Cite",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Could not copy: select the text and copy it",
    embed: "Embed",
    embed_hint: "Paste this code into a web page to show this view there.",
    open_in_app: "Open in Mali timeline",
    current_data: "See the current data",
    alias_notice: "This event's id has changed. Its address is now:",
    follow: "Follow new events (Atom)",
};

pub const FR: TakeWords = TakeWords {
    lang: Lang::Fr,
    tools: "Exporter, citer, intégrer",
    export: "Exporter les événements affichés",
    export_failed: "Ce navigateur n'a pas pu enregistrer le fichier.",
    data: "Données",
    download_data: "Télécharger les données",
    download_data_hint:
        "tous les événements, sources, partenaires et secteurs en paquet de données",
    cite: "Citer",
    copy: "Copier",
    copied: "Copié",
    copy_failed: "Copie impossible : sélectionnez le texte et copiez-le",
    embed: "Intégrer",
    embed_hint: "Collez ce code dans une page web pour y montrer cette vue.",
    open_in_app: "Ouvrir dans Mali timeline",
    current_data: "Voir les données actuelles",
    alias_notice: "L'identifiant de cet événement a changé. Son adresse est désormais :",
    follow: "Suivre les nouveaux événements (Atom)",
};

impl TakeWords {
    /// "Version 1 of the data, of 28 November 2026." for a link to an earlier release.
    pub fn version_notice(&self, version: u32, updated: Option<String>) -> String {
        match (self.lang, updated) {
            (Lang::En, Some(day)) => {
                format!("You are reading version {version} of the data, of {day}.")
            }
            (Lang::En, None) => format!("You are reading version {version} of the data."),
            (Lang::Fr, Some(day)) => {
                format!("Vous lisez la version {version} des données, du {day}.")
            }
            (Lang::Fr, None) => format!("Vous lisez la version {version} des données."),
        }
    }

    /// "Version 7 of the data does not exist." for a link to a release that was never made.
    pub fn no_such_version(&self, version: u32) -> String {
        match self.lang {
            Lang::En => format!("Version {version} of the data does not exist."),
            Lang::Fr => format!("La version {version} des données n'existe pas."),
        }
    }

    /// "Added to the data on 28 November 2026; corrected on 5 December 2026."
    pub fn history(&self, added: Option<String>, changed: Option<String>) -> Option<String> {
        let added = added.map(|day| match self.lang {
            Lang::En => format!("Added to the data on {day}."),
            Lang::Fr => format!("Ajouté aux données le {day}."),
        });
        let changed = changed.map(|day| match self.lang {
            Lang::En => format!("Corrected on {day}."),
            Lang::Fr => format!("Corrigé le {day}."),
        });
        match (added, changed) {
            (Some(a), Some(c)) => Some(format!("{a} {c}")),
            (a, c) => a.or(c),
        }
    }
}
