//! Helpers for the crate's own tests.

/// The variant names serde reads for `T`, as it lists them when it meets one it does not know
/// (`unknown variant `?`, expected one of `a`, `b``): the one list a test can hold a hand-kept
/// list against. `unknown` is JSON that names no variant.
pub fn variants_serde_reads<T: serde::de::DeserializeOwned>(unknown: &str) -> Vec<String> {
    let error = serde_json::from_str::<T>(unknown)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    error
        .split("expected one of ")
        .nth(1)
        .unwrap_or_default()
        .split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}
