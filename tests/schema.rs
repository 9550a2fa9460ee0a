//! public/data/schema.json is generated from the Rust types, and the shipped file satisfies it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use mali_timeline::domain::DatasetFile;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generated() -> String {
    let schema = schemars::schema_for!(DatasetFile);
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

#[test]
fn schema_file_matches_the_rust_types() {
    let path = root().join("public/data/schema.json");
    let expected = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == expected,
        "public/data/schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

#[test]
fn shipped_dataset_satisfies_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&generated()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let text = std::fs::read_to_string(root().join("public/data/events.json")).unwrap();
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(20)
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_schema_rejects_a_broken_event() {
    let schema: serde_json::Value = serde_json::from_str(&generated()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/invalid/missing-field.json")).unwrap();
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(!validator.is_valid(&data));
}
