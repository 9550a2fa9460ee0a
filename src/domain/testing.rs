//! Test helpers shared by the domain's tests: the shipped dataset, a site below a base path,
//! and a strict reader of RFC 4180 text.

use crate::domain::page::Site;
use crate::domain::Dataset;

pub fn shipped() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/events.json"
    ))
    .unwrap();
    crate::domain::load(&text).unwrap()
}

pub fn site() -> Site {
    Site {
        origin: "https://example.org".into(),
        base: "/mali-timeline".into(),
    }
}

/// Reads RFC 4180 text: records of fields, quoted fields with doubled quotes, CRLF between
/// records. Panics on anything else, such as a bare LF outside quotes.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), None | Some(',') | Some('\r')),
                        "text after a closing quote"
                    );
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a quote inside an unquoted field"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
            }
            '\n' => panic!("a bare LF outside quotes"),
            _ => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "an unclosed quote");
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record does not end with CRLF"
    );
    records
}
