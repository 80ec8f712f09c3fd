//! The taxonomy: agricultural relevance and the topics, each with weighted
//! phrases. Loaded from TOML (`data/taxonomy.toml` is embedded as the
//! default).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::matcher::{MAX_PHRASE, folded_phrase_key, phrase_key};
use crate::error::line_at;
use crate::normalize::Normalizer;
use crate::{Error, ErrorKind, Result};

#[cfg(feature = "embedded-data")]
static EMBEDDED: &str = include_str!("../../data/taxonomy.toml");

/// The taxonomy a [`crate::tag::Tagger`] tags by.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    /// Format version (1).
    pub version: u32,
    /// Named word lists: an element `"@name"` of a phrase's `context`,
    /// `unless`, `only_with` or `not_with` stands for the list `name` (they
    /// are expanded when the taxonomy is read).
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<String>>,
    /// What makes an article agricultural.
    pub agri: AgriSection,
    /// Phrases matched only so that shorter phrases inside them do not count.
    #[serde(default)]
    pub mask: MaskSection,
    /// Phrases that text without diacritics spells like commoner words.
    #[serde(default)]
    pub folding: FoldingSection,
    /// The topics.
    #[serde(rename = "topic")]
    pub topics: Vec<Topic>,
}

/// General signals of agricultural news.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AgriSection {
    /// Score an article needs to be agricultural.
    pub threshold: f32,
    /// Phrases for and (negative weights) against agricultural news.
    #[serde(default)]
    pub phrases: Vec<Phrase>,
}

/// Phrases that mask the shorter phrases inside them ("thẻ vàng", "gạo cội").
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MaskSection {
    /// The masking phrases.
    #[serde(default)]
    pub phrases: Vec<String>,
}

/// How phrases read in text written without diacritics, where the
/// dictionary alone would read them otherwise. Both lists are found by
/// reading where the folded phrase occurs in real news.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FoldingSection {
    /// Phrases that, written without diacritics, are mostly other words in
    /// news text: "gia cao" is "giá cao" (a high price) far more often than
    /// "giã cào" (trawling), "ra khoi" is "ra khỏi" (out of) more often than
    /// "ra khơi" (put out to sea). Without diacritics such a phrase is
    /// ambiguous, as the single words the dictionary finds spelled alike
    /// ("trồng" and "trong") are: it may still rule a phrase out or mask,
    /// but it is no evidence and lets no phrase in, unless its neighbours
    /// make it a dictionary word. These are runs of words the dictionary
    /// cannot see. Written with diacritics, as elsewhere.
    #[serde(default)]
    pub ambiguous: Vec<String>,
    /// Phrases that the dictionary spells like other words without
    /// diacritics, but that news text means far more often than those
    /// words: "ngu dan" is "ngư dân" (fishermen), hardly ever "ngu đần"
    /// (dull-witted). Without diacritics they count as written.
    #[serde(default)]
    pub plain: Vec<String>,
}

/// One topic.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable id ("cooperatives", "prices", …).
    pub id: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// How much of this topic's score also counts towards agricultural
    /// relevance (0 to 1).
    #[serde(default = "one")]
    pub agri_weight: f32,
    /// Score this topic needs; the tagger's default when absent.
    #[serde(default)]
    pub threshold: Option<f32>,
    /// The phrases that signal the topic.
    pub phrases: Vec<Phrase>,
}

fn one() -> f32 {
    1.0
}

/// A weighted phrase.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    /// The phrase, as ordinary Vietnamese text (any case or tone style).
    pub text: String,
    /// Its weight (negative weights count against).
    pub weight: f32,
    /// When not empty, the phrase counts only if one of these phrases also
    /// occurs in the article.
    #[serde(default)]
    pub context: Vec<String>,
    /// The phrase does not count at all, neither for its topic nor for the
    /// agricultural relevance, in a sentence where one of these phrases also
    /// occurs ("lò mổ" is livestock, but not next to "chó" or "mèo").
    #[serde(default)]
    pub unless: Vec<String>,
    /// When not empty, the phrase counts only in a sentence where one of
    /// these phrases also occurs ("ST25" is crop evidence in a sentence
    /// about growing it, not in one about its trademark).
    #[serde(default)]
    pub only_with: Vec<String>,
    /// The phrase is not evidence of its topic in a sentence where one of
    /// these phrases also occurs, but still adds to the agricultural
    /// relevance ("thủy sản" in the list "nông, lâm, thủy sản" is farming,
    /// not fisheries).
    #[serde(default)]
    pub not_with: Vec<String>,
    /// Whether the phrase adds to the agricultural relevance (the default).
    /// `false` for a phrase that is only evidence of its topic: a product
    /// named next to a price unit is a price, but a product named anywhere
    /// (a recipe's tomatoes) says nothing of farming.
    #[serde(default = "yes")]
    pub relevance: bool,
}

fn yes() -> bool {
    true
}

impl Taxonomy {
    /// The taxonomy embedded from `data/taxonomy.toml`.
    #[cfg(feature = "embedded-data")]
    pub fn embedded() -> Taxonomy {
        Taxonomy::from_toml(EMBEDDED).expect("the embedded taxonomy is valid (tested)")
    }

    /// Parse a taxonomy from TOML text.
    ///
    /// # Errors
    /// [`ErrorKind::Taxonomy`] with the line of the problem when the text is
    /// not a valid taxonomy (unknown keys, missing fields, duplicate ids, a
    /// weight or threshold that is not finite, an empty phrase, a phrase longer than the
    /// matcher can match, an unknown `"@list"`, a `[folding]` declaration
    /// that names no phrase of the taxonomy or is in both of its lists).
    pub fn from_toml(text: &str) -> Result<Taxonomy> {
        let mut tax: Taxonomy = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_at(text, s.start));
            let err = Error::new(ErrorKind::Taxonomy, e.message().to_string());
            match line {
                Some(l) => err.with_line(l),
                None => err,
            }
        })?;
        tax.expand_lists(text)?;
        tax.validate(text)?;
        Ok(tax)
    }

    /// Replace every `"@name"` in the phrases' word lists by list `name`.
    fn expand_lists(&mut self, text: &str) -> Result<()> {
        let Taxonomy {
            lists, agri, topics, ..
        } = self;
        if let Some((name, _)) = lists
            .iter()
            .find(|(_, words)| words.iter().any(|w| w.starts_with('@')))
        {
            return Err(Error::new(
                ErrorKind::Taxonomy,
                format!("list {name:?} names another list: lists cannot include lists"),
            ));
        }
        let phrases = agri
            .phrases
            .iter_mut()
            .chain(topics.iter_mut().flat_map(|t| &mut t.phrases));
        for p in phrases {
            for words in [&mut p.context, &mut p.unless, &mut p.only_with, &mut p.not_with] {
                if !words.iter().any(|w| w.starts_with('@')) {
                    continue;
                }
                let mut expanded = Vec::with_capacity(words.len());
                for w in words.drain(..) {
                    match w.strip_prefix('@') {
                        Some(name) => match lists.get(name) {
                            Some(list) => expanded.extend(list.iter().cloned()),
                            None => {
                                return Err(phrase_error(
                                    text,
                                    &p.text,
                                    format!("phrase {:?}: no list named {w:?}", p.text),
                                ));
                            }
                        },
                        None => expanded.push(w),
                    }
                }
                *words = expanded;
            }
        }
        Ok(())
    }

    /// Load a taxonomy file.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when it cannot be read, [`ErrorKind::Taxonomy`] (with
    /// the file and line) when it is not valid, UTF-8 included.
    pub fn load(path: impl AsRef<Path>) -> Result<Taxonomy> {
        let path = path.as_ref();
        let text = Error::read_utf8(path, ErrorKind::Taxonomy)?;
        Taxonomy::from_toml(&text).map_err(|e| e.with_path(path))
    }

    fn validate(&self, text: &str) -> Result<()> {
        if self.version != 1 {
            return Err(error_at(
                text,
                "version",
                0,
                format!("taxonomy version {} is not supported (expected 1)", self.version),
            ));
        }
        if !self.agri.threshold.is_finite() {
            return Err(error_at(
                text,
                "[agri]",
                0,
                format!("[agri] threshold {} is not a number", self.agri.threshold),
            ));
        }
        let mut ids = std::collections::HashSet::new();
        for t in &self.topics {
            let id_line = format!("id = \"{}\"", t.id);
            if !ids.insert(t.id.as_str()) {
                return Err(error_at(
                    text,
                    &id_line,
                    1,
                    format!("topic id {:?} appears twice", t.id),
                ));
            }
            if !(0.0..=1.0).contains(&t.agri_weight) {
                return Err(error_at(
                    text,
                    &id_line,
                    0,
                    format!("topic {:?}: agri_weight must be between 0 and 1", t.id),
                ));
            }
            if let Some(x) = t.threshold.filter(|x| !x.is_finite()) {
                return Err(error_at(
                    text,
                    &id_line,
                    0,
                    format!("topic {:?}: threshold {x} is not a number", t.id),
                ));
            }
        }
        let phrases = self
            .agri
            .phrases
            .iter()
            .chain(self.topics.iter().flat_map(|t| &t.phrases));
        for p in phrases {
            if p.text.trim().is_empty() {
                return Err(phrase_error(text, &p.text, "a phrase is empty".to_string()));
            }
            if !p.weight.is_finite() {
                return Err(phrase_error(
                    text,
                    &p.text,
                    format!("phrase {:?}: weight is not finite", p.text),
                ));
            }
            let related = (p.context.iter().chain(&p.unless)).chain(p.only_with.iter().chain(&p.not_with));
            for phrase in std::iter::once(&p.text).chain(related) {
                check_length(text, phrase)?;
            }
        }
        for m in &self.mask.phrases {
            check_length(text, m)?;
        }
        self.validate_folding(text)
    }

    /// `[folding]` names phrases of the taxonomy (a phrase, a word of its
    /// lists, or a mask), and no folded spelling in both of its lists: a
    /// misspelt declaration would otherwise be ignored without a word.
    fn validate_folding(&self, text: &str) -> Result<()> {
        let normalizer = Normalizer::new();
        let key = |p: &str| phrase_key(&normalizer, p);
        let phrases = self
            .agri
            .phrases
            .iter()
            .chain(self.topics.iter().flat_map(|t| &t.phrases));
        let mut written: HashSet<&str> = self.mask.phrases.iter().map(String::as_str).collect();
        for p in phrases {
            let related = (p.context.iter().chain(&p.unless)).chain(p.only_with.iter().chain(&p.not_with));
            written.extend(std::iter::once(&p.text).chain(related).map(String::as_str));
        }
        // Keyed only when a declaration is written otherwise than its phrase
        // ("Nông Dân" for "nông dân").
        let mut keys: Option<HashSet<String>> = None;
        for (list, declared) in [
            ("ambiguous", &self.folding.ambiguous),
            ("plain", &self.folding.plain),
        ] {
            for p in declared {
                let known = written.contains(p.as_str())
                    || keys
                        .get_or_insert_with(|| written.iter().map(|w| key(w)).collect())
                        .contains(&key(p));
                if !known {
                    let message = format!("[folding] {list}: {p:?} is not a phrase of the taxonomy");
                    return Err(phrase_error(text, p, message));
                }
            }
        }
        let folded = |p: &String| folded_phrase_key(&normalizer, p);
        let ambiguous: HashSet<String> = self.folding.ambiguous.iter().map(folded).collect();
        if let Some(p) = self.folding.plain.iter().find(|p| ambiguous.contains(&folded(p))) {
            let message = format!("[folding]: {p:?} is declared both ambiguous and plain");
            return Err(Error::new(ErrorKind::Taxonomy, message));
        }
        Ok(())
    }
}

/// A phrase longer than [`MAX_PHRASE`] syllables would never match: refuse
/// it, naming the line where it is written.
fn check_length(text: &str, phrase: &str) -> Result<()> {
    let syllables = phrase.split_whitespace().count();
    if syllables <= MAX_PHRASE {
        return Ok(());
    }
    Err(phrase_error(
        text,
        phrase,
        format!("phrase {phrase:?} has {syllables} syllables; at most {MAX_PHRASE} can match"),
    ))
}

/// A taxonomy error about `phrase`, with the line where it is first written.
/// A taxonomy error on the line of the `nth` (from 0) mention of `needle`
/// in `text`, if there is one.
fn error_at(text: &str, needle: &str, nth: usize, message: String) -> Error {
    let err = Error::new(ErrorKind::Taxonomy, message);
    match text.match_indices(needle).nth(nth) {
        Some((at, _)) => err.with_line(line_at(text, at)),
        None => err,
    }
}

/// An error about `phrase`, on the line of its entry (`text = "…"`, not a
/// comment or a context list that names it), else of its first mention.
fn phrase_error(text: &str, phrase: &str, message: String) -> Error {
    let err = Error::new(ErrorKind::Taxonomy, message);
    let quoted = format!("\"{phrase}\"");
    let mut mentions = text.match_indices(&quoted).map(|(at, _)| at);
    let entry = mentions.clone().find(|&at| {
        text[..at]
            .trim_end()
            .strip_suffix('=')
            .is_some_and(|before| before.trim_end().ends_with("text"))
    });
    match entry.or_else(|| mentions.next()) {
        Some(at) => err.with_line(line_at(text, at)),
        None => err,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGRI: &str =
        "version = 1\n[agri]\nthreshold = 8.0\nphrases = [\n  { text = \"nông dân\", weight = 2.0 },\n]\n";
    const TOPIC: &str =
        "[[topic]]\nid = \"crops\"\nname_vi = \"Trồng trọt\"\nname_en = \"Crops\"\nphrases = []\n";

    /// The agri section (the phrase on line 5) and one topic.
    fn minimal() -> String {
        format!("{AGRI}{TOPIC}")
    }

    #[test]
    fn a_minimal_taxonomy_reads() {
        let tax = Taxonomy::from_toml(&minimal()).unwrap();
        assert_eq!(tax.agri.phrases.len(), 1);
        assert_eq!(tax.topics[0].id, "crops");
    }

    #[test]
    fn an_unknown_key_is_refused_with_its_line() {
        let text = minimal().replace("weight = 2.0", "weight = 2.0, wieght = 1.0");
        let err = Taxonomy::from_toml(&text).unwrap_err();
        assert_eq!(*err.kind(), ErrorKind::Taxonomy);
        assert_eq!(err.line(), Some(5), "{err}");
    }

    #[test]
    fn a_folding_declaration_names_a_phrase_of_the_taxonomy() {
        let declare = |lists: &str| format!("{}[folding]\n{lists}\n{TOPIC}", AGRI);
        let ok = Taxonomy::from_toml(&declare("plain = [\"Nông Dân\"]")).unwrap();
        assert_eq!(ok.folding.plain, ["Nông Dân"]);
        let typo = Taxonomy::from_toml(&declare("plain = [\"nông dan\"]")).unwrap_err();
        assert_eq!(*typo.kind(), ErrorKind::Taxonomy);
        assert_eq!(typo.line(), Some(8), "{typo}");
        assert!(
            typo.to_string().contains("\"nông dan\" is not a phrase"),
            "{typo}"
        );
        let both = declare("ambiguous = [\"nông dân\"]\nplain = [\"nông dân\"]");
        let err = Taxonomy::from_toml(&both).unwrap_err();
        assert!(err.to_string().contains("both ambiguous and plain"), "{err}");
    }

    #[test]
    fn a_phrase_too_long_to_match_is_refused_with_its_line() {
        let long = "chương trình mục tiêu quốc gia xây dựng nông thôn mới";
        let text = minimal().replace("nông dân", long);
        let err = Taxonomy::from_toml(&text).unwrap_err();
        assert_eq!(*err.kind(), ErrorKind::Taxonomy);
        assert_eq!(err.line(), Some(5), "{err}");
        assert!(err.to_string().contains("11 syllables"), "{err}");
        // The same holds for a phrase of a context list.
        let text = minimal().replace("weight = 2.0", &format!("weight = 2.0, context = [\"{long}\"]"));
        assert!(Taxonomy::from_toml(&text).is_err());
    }

    #[test]
    fn a_phrase_adds_to_the_relevance_unless_told_not_to() {
        let tax = Taxonomy::from_toml(&minimal()).unwrap();
        assert!(tax.agri.phrases[0].relevance);
        let text = minimal().replace("weight = 2.0", "weight = 2.0, relevance = false");
        let tax = Taxonomy::from_toml(&text).unwrap();
        assert!(!tax.agri.phrases[0].relevance);
    }

    #[test]
    fn named_lists_expand_where_they_are_named() {
        let text = minimal()
            .replace(
                "version = 1\n",
                "version = 1\n[lists]\nprice = [\"giá\", \"đồng/kg\"]\n",
            )
            .replace(
                "weight = 2.0",
                "weight = 2.0, not_with = [\"@price\", \"thương lái\"]",
            );
        let tax = Taxonomy::from_toml(&text).unwrap();
        assert_eq!(tax.agri.phrases[0].not_with, ["giá", "đồng/kg", "thương lái"]);
        let unknown = text.replace("@price", "@prices");
        let err = Taxonomy::from_toml(&unknown).unwrap_err();
        assert_eq!(err.line(), Some(7), "{err}");
        assert!(err.to_string().contains("@prices"), "{err}");
        let nested = text.replace("\"đồng/kg\"]", "\"@price\"]");
        assert!(Taxonomy::from_toml(&nested).is_err());
    }

    #[test]
    fn a_duplicate_topic_id_is_refused() {
        let text = format!("{}{TOPIC}", minimal());
        let err = Taxonomy::from_toml(&text).unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{err}");
    }

    #[test]
    fn what_no_tagging_can_use_is_an_error_on_its_line() {
        let line_of = |toml: &str| Taxonomy::from_toml(toml).unwrap_err().line();
        // A threshold that is not a number would tag nothing.
        let nan = minimal().replace("threshold = 8.0", "threshold = nan");
        assert_eq!(line_of(&nan), Some(2));
        let topic_nan = format!(
            "{AGRI}{}",
            TOPIC.replace("phrases = []", "threshold = nan\nphrases = []")
        );
        assert_eq!(line_of(&topic_nan), Some(8));
        // The second of two topics with one id.
        let twice = format!("{AGRI}{TOPIC}{TOPIC}");
        assert_eq!(line_of(&twice), Some(13));
        let empty = minimal().replace("\"nông dân\"", "\"\"");
        assert_eq!(line_of(&empty), Some(5));
        // Not UTF-8: the taxonomy's kind of error, with the line.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        let mut bytes = minimal().into_bytes();
        bytes.extend_from_slice(b"# caf\xe9\n");
        std::fs::write(&path, bytes).unwrap();
        let err = Taxonomy::load(&path).unwrap_err();
        assert_eq!((err.kind(), err.line()), (&ErrorKind::Taxonomy, Some(12)));
    }
}
