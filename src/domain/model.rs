//! The event model: what the dataset file holds, as Rust types.
//!
//! These types are the single model of the data: the app deserializes into them, the validator
//! checks them, and `public/data/schema.json` is generated from them.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::FuzzyDate;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// The two languages of the content and the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
}

/// Reads a struct only from a JSON object. Serde's derive also accepts a struct written as
/// an array of its fields, which the file format does not allow.
pub(crate) fn from_object<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct ObjectOnly<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectOnly<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_map(ObjectOnly(PhantomData))
}

/// A text in English and French.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub en: String,
    pub fr: String,
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            en: String,
            fr: String,
        }
        let Fields { en, fr } = from_object(deserializer)?;
        Ok(Localized { en, fr })
    }
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

macro_rules! string_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }
    };
}

string_newtype!(
    /// A stable slug (`[a-z0-9-]`) that names one event forever.
    EventId
);
string_newtype!(
    /// A stable slug (`[a-z0-9-]`) that names one era.
    EraId
);
string_newtype!(
    /// ISO 3166-1 alpha-3 for a country, a short upper-case code for an organisation or company.
    PartnerCode
);
string_newtype!(
    /// One word of the fixed sector vocabulary, e.g. `telecom`.
    SectorId
);

/// What kind of party a partner is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum PartnerKind {
    Country,
    Organisation,
    Company,
}

/// A country, organisation or company that Mali dealt with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub code: PartnerCode,
    pub kind: PartnerKind,
    pub name: Localized,
}

/// One sector of the fixed vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: SectorId,
    pub name: Localized,
}

/// What happened, in one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Agreement,
    Announcement,
    Visit,
    Delivery,
    Withdrawal,
    Rupture,
    Sanction,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Agreement,
        EventKind::Announcement,
        EventKind::Visit,
        EventKind::Delivery,
        EventKind::Withdrawal,
        EventKind::Rupture,
        EventKind::Sanction,
        EventKind::Other,
    ];

    /// The word used in the data file and in the URL.
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Agreement => "agreement",
            EventKind::Announcement => "announcement",
            EventKind::Visit => "visit",
            EventKind::Delivery => "delivery",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Rupture => "rupture",
            EventKind::Sanction => "sanction",
            EventKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind as a person reads it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EventKind::Agreement, Lang::En) => "Agreement",
            (EventKind::Agreement, Lang::Fr) => "Accord",
            (EventKind::Announcement, Lang::En) => "Announcement",
            (EventKind::Announcement, Lang::Fr) => "Annonce",
            (EventKind::Visit, Lang::En) => "Visit",
            (EventKind::Visit, Lang::Fr) => "Visite",
            (EventKind::Delivery, Lang::En) => "Delivery",
            (EventKind::Delivery, Lang::Fr) => "Livraison",
            (EventKind::Withdrawal, Lang::En) => "Withdrawal",
            (EventKind::Withdrawal, Lang::Fr) => "Retrait",
            (EventKind::Rupture, Lang::En) => "Rupture",
            (EventKind::Rupture, Lang::Fr) => "Rupture",
            (EventKind::Sanction, Lang::En) => "Sanction",
            (EventKind::Sanction, Lang::Fr) => "Sanction",
            (EventKind::Other, Lang::En) => "Other",
            (EventKind::Other, Lang::Fr) => "Autre",
        }
    }
}

/// A page that states the event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// An `https://` address.
    pub url: String,
    pub publisher: String,
    /// The publication date, where the page gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<FuzzyDate>,
    /// The language of the page, e.g. `fr`.
    pub lang: String,
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            url: String,
            publisher: String,
            #[serde(default)]
            date: Option<FuzzyDate>,
            lang: String,
        }
        let Fields {
            url,
            publisher,
            date,
            lang,
        } = from_object(deserializer)?;
        Ok(Source {
            url,
            publisher,
            date,
            lang,
        })
    }
}

/// One dated event in Mali's international relations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: EventId,
    pub date: FuzzyDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<FuzzyDate>,
    pub partners: Vec<PartnerCode>,
    pub sectors: Vec<SectorId>,
    pub kind: EventKind,
    pub title: Localized,
    pub summary: Localized,
    pub sources: Vec<Source>,
    /// Ids of events this one follows from or leads to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<EventId>,
    /// Where sources disagree, and what was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
    /// The day the event was added to the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<FuzzyDate>,
    /// The day the event was last corrected, where it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<FuzzyDate>,
    /// Ids the event had before it was renamed, or of events merged into it: links that name
    /// them still open it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<EventId>,
}

/// A named period of Mali's relations (an operation, a mission, a presence, a regime of
/// sanctions), sourced like an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub id: EraId,
    pub start: FuzzyDate,
    /// The end; none while the period goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<FuzzyDate>,
    pub label: Localized,
    pub sources: Vec<Source>,
    /// Where sources disagree on a date, and what was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
}

/// The whole dataset file, as written in `public/data/events.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatasetFile {
    pub version: u32,
    pub updated: FuzzyDate,
    pub partners: Vec<Partner>,
    pub sectors: Vec<Sector>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<Era>,
    pub events: Vec<Event>,
}

/// A URL that may be rendered as a link: `http://` or `https://` only.
pub fn is_linkable_url(url: &str) -> bool {
    let start = url.trim_start();
    let has_scheme = |scheme: &str| {
        start
            .get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    };
    (has_scheme("https://") || has_scheme("http://"))
        && url.len() > "https://".len()
        && if url.is_ascii() {
            // The ASCII control and white-space characters are exactly these bytes.
            !url.bytes().any(|b| b <= b' ' || b == 0x7f)
        } else {
            !url.chars().any(|c| c.is_control() || c.is_whitespace())
        }
}
