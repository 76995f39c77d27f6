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

/// A site folder in memory, as the search index's store.
#[derive(Default, Clone, Debug, PartialEq)]
pub struct Folder(pub std::collections::BTreeMap<String, Vec<u8>>);

impl crate::search::update::Store for Folder {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(self.0.get(path).cloned())
    }
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.0.insert(path.into(), bytes.to_vec());
        Ok(())
    }
    fn remove(&mut self, path: &str) -> Result<(), String> {
        self.0.remove(path);
        Ok(())
    }
    fn remove_dir(&mut self, path: &str) -> Result<(), String> {
        let inside = format!("{path}/");
        self.0.retain(|p, _| !p.starts_with(&inside));
        Ok(())
    }
}
