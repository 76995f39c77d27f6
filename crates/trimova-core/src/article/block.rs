//! An edition's body: blocks of inline text, read leniently (an unknown block type is kept and
//! skipped, not an error).

use crate::safety;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One block of an edition's body.
///
/// Adding a block type: a variant here, its twin in `Known` (the compiler asks for it in
/// `Known::of`) and its name in `KNOWN_BLOCKS` (the test `the_reader_knows_every_block_type` asks
/// for it); then the compiler names every renderer and the translation's segments.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        text: Inline,
    },
    Heading {
        text: String,
    },
    Quote {
        text: Inline,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attribution: Option<String>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Inline>,
    },
    Image {
        src: String,
        alt: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        credit: Option<String>,
    },
    /// A block type this version does not know. Kept (with its original JSON) so tools can
    /// round-trip it; renderers skip it with a console warning.
    #[serde(untagged)]
    Unsupported(Value),
}

/// The block types this version renders; anything else becomes [`Block::Unsupported`].
const KNOWN_BLOCKS: [&str; 5] = ["paragraph", "heading", "quote", "list", "image"];

/// Mirror of `Block` without the catch-all, so serde does the field checking.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Known {
    Paragraph {
        text: Inline,
    },
    Heading {
        text: String,
    },
    Quote {
        text: Inline,
        #[serde(default)]
        attribution: Option<String>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Inline>,
    },
    Image {
        src: String,
        alt: String,
        #[serde(default)]
        caption: Option<String>,
        #[serde(default)]
        credit: Option<String>,
    },
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let kind = match value.get("type") {
            Some(Value::String(kind)) => kind.as_str(),
            Some(_) => return Err(de::Error::custom("`type` must be a string")),
            None => return Err(de::Error::missing_field("type")),
        };
        if !KNOWN_BLOCKS.contains(&kind) {
            return Ok(Block::Unsupported(value));
        }
        let known = Known::deserialize(value).map_err(de::Error::custom)?;
        Ok(match known {
            Known::Paragraph { text } => Block::Paragraph { text },
            Known::Heading { text } => Block::Heading { text },
            Known::Quote { text, attribution } => Block::Quote { text, attribution },
            Known::List { ordered, items } => Block::List { ordered, items },
            Known::Image {
                src,
                alt,
                caption,
                credit,
            } => Block::Image {
                src,
                alt,
                caption,
                credit,
            },
        })
    }
}

/// Inline text: a plain string, or runs with marks and links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    untagged,
    expecting = "a string or an array of runs like {\"text\": \"...\"}"
)]
pub enum Inline {
    Plain(String),
    Runs(Vec<Run>),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub em: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// Left in the source language by a machine translation (the service did not know it): shown
    /// marked, never passed off as translated.
    #[serde(default, skip_serializing_if = "is_false")]
    pub untranslated: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Inline {
    /// The text without marks (for word counts, descriptions and translation).
    pub fn plain_text(&self) -> String {
        match self {
            Inline::Plain(s) => s.clone(),
            Inline::Runs(runs) => runs.iter().map(|r| r.text.as_str()).collect(),
        }
    }

    /// The runs of this text; a plain string is one unmarked run.
    pub fn runs(&self) -> Vec<Run> {
        match self {
            Inline::Plain(s) => vec![Run {
                text: s.clone(),
                ..Run::default()
            }],
            Inline::Runs(runs) => runs.clone(),
        }
    }
}

impl Run {
    /// The link target if it is one the app may make live; unsafe targets render as plain text.
    pub fn safe_href(&self) -> Option<&str> {
        self.href.as_deref().filter(|h| safety::is_safe_link(h))
    }
}

impl Block {
    /// The inline texts of this block (for scanning links and marks).
    pub fn inlines(&self) -> Vec<&Inline> {
        match self {
            Block::Paragraph { text } | Block::Quote { text, .. } => vec![text],
            Block::List { items, .. } => items.iter().collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
impl Known {
    /// The reader's twin of a block: this match stops compiling when `Block` gains a variant that
    /// `Known` does not have.
    fn of(block: Block) -> Option<Known> {
        Some(match block {
            Block::Paragraph { text } => Known::Paragraph { text },
            Block::Heading { text } => Known::Heading { text },
            Block::Quote { text, attribution } => Known::Quote { text, attribution },
            Block::List { ordered, items } => Known::List { ordered, items },
            Block::Image {
                src,
                alt,
                caption,
                credit,
            } => Known::Image {
                src,
                alt,
                caption,
                credit,
            },
            Block::Unsupported(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::variants_serde_reads;

    #[test]
    fn the_reader_knows_every_block_type() {
        assert_eq!(
            variants_serde_reads::<Known>(r#"{"type": "?"}"#),
            KNOWN_BLOCKS,
            "KNOWN_BLOCKS in article/block.rs must name every variant of Known"
        );
        // And each of them reads back as itself, not as an unsupported block.
        let block = Block::Heading { text: "x".into() };
        assert!(Known::of(block.clone()).is_some());
        for kind in KNOWN_BLOCKS {
            let json = serde_json::json!({"type": kind, "text": "x", "items": [], "src": "a.png", "alt": ""});
            let read: Block = serde_json::from_value(json).unwrap();
            assert!(!matches!(read, Block::Unsupported(_)), "{kind}");
        }
    }
}
