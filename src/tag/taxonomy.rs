//! The taxonomy: agricultural relevance and the topics, each with weighted
//! phrases. Loaded from TOML (`data/taxonomy.toml` is embedded as the
//! default).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

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
    /// Stable id ("cooperatives", "prices", …): not empty, without a comma
    /// or a space at either end (`agrivn tag --topic` takes a
    /// comma-separated list of ids).
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
    /// not a valid taxonomy (unknown keys, missing fields, duplicate ids, an
    /// id that is empty, holds a comma or begins or ends with a space, a
    /// weight or threshold that is not finite, an empty phrase, a phrase longer than the
    /// matcher can match, an unknown `"@list"` or a list that names a list,
    /// a `[folding]` declaration that names no phrase of the taxonomy or is
    /// in both of its lists).
    pub fn from_toml(text: &str) -> Result<Taxonomy> {
        let written: Written = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_at(text, s.start));
            let err = Error::new(ErrorKind::Taxonomy, e.message().to_string());
            match line {
                Some(l) => err.with_line(l),
                None => err,
            }
        })?;
        written.check(text)?;
        let ambiguous_at: Vec<Range<usize>> = written.folding.ambiguous.iter().map(Spanned::span).collect();
        let plain_at: Vec<Range<usize>> = written.folding.plain.iter().map(Spanned::span).collect();
        let tax = written.into_taxonomy();
        tax.validate_folding(text, &ambiguous_at, &plain_at)?;
        Ok(tax)
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

    /// `[folding]` names phrases of the taxonomy (a phrase, a word of its
    /// lists, or a mask), and no folded spelling in both of its lists: a
    /// misspelt declaration would otherwise be ignored without a word.
    /// `ambiguous_at` and `plain_at` are where each declaration is written.
    fn validate_folding(
        &self,
        text: &str,
        ambiguous_at: &[Range<usize>],
        plain_at: &[Range<usize>],
    ) -> Result<()> {
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
        for (list, declared, at) in [
            ("ambiguous", &self.folding.ambiguous, ambiguous_at),
            ("plain", &self.folding.plain, plain_at),
        ] {
            for (p, at) in declared.iter().zip(at) {
                let known = written.contains(p.as_str())
                    || keys
                        .get_or_insert_with(|| written.iter().map(|w| key(w)).collect())
                        .contains(&key(p));
                if !known {
                    let message = format!("[folding] {list}: {p:?} is not a phrase of the taxonomy");
                    return Err(error_at(text, at, message));
                }
            }
        }
        let folded = |p: &String| folded_phrase_key(&normalizer, p);
        let ambiguous: HashMap<String, &Range<usize>> = self
            .folding
            .ambiguous
            .iter()
            .map(folded)
            .zip(ambiguous_at)
            .collect();
        for (p, at) in self.folding.plain.iter().zip(plain_at) {
            if let Some(first) = ambiguous.get(&folded(p)) {
                let message = format!(
                    "[folding]: {p:?} is declared both ambiguous and plain (ambiguous on line {})",
                    line_at(text, first.start)
                );
                return Err(error_at(text, at, message));
            }
        }
        Ok(())
    }
}

/// A taxonomy as written: the fields of [`Taxonomy`] and its sections,
/// with the place of each value a check can refuse, so that the error
/// names the line where the value is written (however it is quoted or
/// escaped, whatever comments mention it). [`Taxonomy::from_toml`] reads
/// it, checks it and moves it into a [`Taxonomy`]; the fields and serde
/// attributes here are those of the public types.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    version: Spanned<u32>,
    #[serde(default)]
    lists: BTreeMap<String, Vec<Spanned<String>>>,
    agri: WrittenAgri,
    #[serde(default)]
    mask: WrittenMask,
    #[serde(default)]
    folding: WrittenFolding,
    #[serde(rename = "topic")]
    topics: Vec<WrittenTopic>,
}

/// [`AgriSection`] as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenAgri {
    threshold: Spanned<f32>,
    #[serde(default)]
    phrases: Vec<WrittenPhrase>,
}

/// [`MaskSection`] as written.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenMask {
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
}

/// [`FoldingSection`] as written.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenFolding {
    #[serde(default)]
    ambiguous: Vec<Spanned<String>>,
    #[serde(default)]
    plain: Vec<Spanned<String>>,
}

/// [`Topic`] as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenTopic {
    id: Spanned<String>,
    name_vi: String,
    name_en: String,
    /// [`Topic::agri_weight`]; 1 when absent.
    #[serde(default)]
    agri_weight: Option<Spanned<f32>>,
    #[serde(default)]
    threshold: Option<Spanned<f32>>,
    phrases: Vec<WrittenPhrase>,
}

/// [`Phrase`] as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenPhrase {
    text: Spanned<String>,
    weight: Spanned<f32>,
    #[serde(default)]
    context: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    #[serde(default)]
    only_with: Vec<Spanned<String>>,
    #[serde(default)]
    not_with: Vec<Spanned<String>>,
    #[serde(default = "yes")]
    relevance: bool,
}

impl Written {
    /// Everything but `[folding]` (checked once the lists are expanded): an
    /// error on the line of the first value found wrong.
    fn check(&self, text: &str) -> Result<()> {
        let version = &self.version;
        if *version.get_ref() != 1 {
            let message = format!(
                "taxonomy version {} is not supported (expected 1)",
                version.get_ref()
            );
            return Err(error_at(text, &version.span(), message));
        }
        let threshold = &self.agri.threshold;
        if !threshold.get_ref().is_finite() {
            let message = format!("[agri] threshold {} is not a number", threshold.get_ref());
            return Err(error_at(text, &threshold.span(), message));
        }
        for (name, words) in &self.lists {
            for w in words {
                if w.get_ref().starts_with('@') {
                    let message = format!(
                        "list {name:?} names another list ({:?}): lists cannot include lists",
                        w.get_ref()
                    );
                    return Err(error_at(text, &w.span(), message));
                }
                check_length(text, w)?;
            }
        }
        let mut ids: HashMap<&str, Range<usize>> = HashMap::with_capacity(self.topics.len());
        for t in &self.topics {
            let id = t.id.get_ref();
            // `agrivn tag --topic` takes ids separated by commas, each
            // without the spaces around it.
            if id.trim().is_empty() || id.trim() != id || id.contains(',') {
                let message = format!(
                    "topic id {id:?}: an id must not be empty, hold a comma or begin or end with a space \
                     (`--topic` names ids separated by commas)"
                );
                return Err(error_at(text, &t.id.span(), message));
            }
            if let Some(first) = ids.insert(id, t.id.span()) {
                let message = format!(
                    "topic id {id:?} appears twice (first on line {})",
                    line_at(text, first.start)
                );
                return Err(error_at(text, &t.id.span(), message));
            }
            if let Some(w) = t
                .agri_weight
                .as_ref()
                .filter(|w| !(0.0..=1.0).contains(w.get_ref()))
            {
                let message = format!("topic {id:?}: agri_weight must be between 0 and 1");
                return Err(error_at(text, &w.span(), message));
            }
            if let Some(x) = t.threshold.as_ref().filter(|x| !x.get_ref().is_finite()) {
                let message = format!("topic {id:?}: threshold {} is not a number", x.get_ref());
                return Err(error_at(text, &x.span(), message));
            }
        }
        let phrases = self
            .agri
            .phrases
            .iter()
            .chain(self.topics.iter().flat_map(|t| &t.phrases));
        for p in phrases {
            self.check_phrase(text, p)?;
        }
        for m in &self.mask.phrases {
            check_length(text, m)?;
        }
        Ok(())
    }

    /// A phrase is not empty, has a finite weight, and is short enough to
    /// match, as are the phrases of its word lists, whose `"@name"`s name
    /// lists of the taxonomy.
    fn check_phrase(&self, text: &str, p: &WrittenPhrase) -> Result<()> {
        if p.text.get_ref().trim().is_empty() {
            return Err(error_at(text, &p.text.span(), "a phrase is empty"));
        }
        if !p.weight.get_ref().is_finite() {
            let message = format!("phrase {:?}: weight is not finite", p.text.get_ref());
            return Err(error_at(text, &p.weight.span(), message));
        }
        check_length(text, &p.text)?;
        let related = (p.context.iter().chain(&p.unless)).chain(p.only_with.iter().chain(&p.not_with));
        for w in related {
            match w.get_ref().strip_prefix('@') {
                Some(name) if !self.lists.contains_key(name) => {
                    let message = format!("phrase {:?}: no list named {:?}", p.text.get_ref(), w.get_ref());
                    return Err(error_at(text, &w.span(), message));
                }
                Some(_) => {}
                None => check_length(text, w)?,
            }
        }
        Ok(())
    }

    /// The taxonomy, each `"@name"` of a phrase's word lists replaced by
    /// list `name` (known to exist: [`Written::check`]).
    fn into_taxonomy(self) -> Taxonomy {
        let lists: BTreeMap<String, Vec<String>> = self
            .lists
            .into_iter()
            .map(|(name, words)| (name, words.into_iter().map(Spanned::into_inner).collect()))
            .collect();
        let words = |words: Vec<Spanned<String>>| -> Vec<String> {
            let mut expanded = Vec::with_capacity(words.len());
            for w in words {
                let w = w.into_inner();
                match w.strip_prefix('@').and_then(|name| lists.get(name)) {
                    Some(list) => expanded.extend(list.iter().cloned()),
                    None => expanded.push(w),
                }
            }
            expanded
        };
        let phrase = |p: WrittenPhrase| Phrase {
            text: p.text.into_inner(),
            weight: p.weight.into_inner(),
            context: words(p.context),
            unless: words(p.unless),
            only_with: words(p.only_with),
            not_with: words(p.not_with),
            relevance: p.relevance,
        };
        let agri = AgriSection {
            threshold: self.agri.threshold.into_inner(),
            phrases: self.agri.phrases.into_iter().map(phrase).collect(),
        };
        let topics = self
            .topics
            .into_iter()
            .map(|t| Topic {
                id: t.id.into_inner(),
                name_vi: t.name_vi,
                name_en: t.name_en,
                agri_weight: t.agri_weight.map_or_else(one, Spanned::into_inner),
                threshold: t.threshold.map(Spanned::into_inner),
                phrases: t.phrases.into_iter().map(phrase).collect(),
            })
            .collect();
        let strings = |v: Vec<Spanned<String>>| v.into_iter().map(Spanned::into_inner).collect();
        Taxonomy {
            version: self.version.into_inner(),
            agri,
            mask: MaskSection {
                phrases: strings(self.mask.phrases),
            },
            folding: FoldingSection {
                ambiguous: strings(self.folding.ambiguous),
                plain: strings(self.folding.plain),
            },
            topics,
            lists,
        }
    }
}

/// An empty phrase (a word list's `""`) would match nothing, and one
/// longer than [`MAX_PHRASE`] syllables would never match: refuse them,
/// naming the line where they are written.
fn check_length(text: &str, phrase: &Spanned<String>) -> Result<()> {
    let syllables = phrase.get_ref().split_whitespace().count();
    if syllables == 0 {
        return Err(error_at(text, &phrase.span(), "a phrase is empty"));
    }
    if syllables <= MAX_PHRASE {
        return Ok(());
    }
    let message = format!(
        "phrase {:?} has {syllables} syllables; at most {MAX_PHRASE} can match",
        phrase.get_ref()
    );
    Err(error_at(text, &phrase.span(), message))
}

/// A taxonomy error on the line where the value at byte span `at` of
/// `text` begins.
fn error_at(text: &str, at: &Range<usize>, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Taxonomy, message).with_line(line_at(text, at.start))
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

    /// `[agri]` with `lúa` (line 5) before `nông dân`; a topic whose id
    /// (line 11) is also named in a comment (line 10); a second topic, its
    /// id on line 17, whose phrase (text on line 21) names `extra` in its
    /// `context` (line 23).
    fn two_topics(extra: &str) -> String {
        format!(
            "version = 1\n\
             [agri]\n\
             threshold = 8.0\n\
             phrases = [\n\
             \x20 {{ text = \"lúa\", weight = 1.0 }},\n\
             \x20 {{ text = \"nông dân\", weight = 2.0 }},\n\
             ]\n\
             \n\
             [[topic]]\n\
             # id = \"crops\": growing crops\n\
             id = \"crops\"\n\
             name_vi = \"Trồng trọt\"\n\
             name_en = \"Crops\"\n\
             phrases = [{{ text = \"lúa\", weight = 2.0 }}]\n\
             \n\
             [[topic]]\n\
             id = \"prices\"\n\
             name_vi = \"Giá cả\"\n\
             name_en = \"Prices\"\n\
             [[topic.phrases]]\n\
             text = \"lúa\"\n\
             weight = 1.0\n\
             context = [{extra}]\n"
        )
    }

    #[test]
    fn the_test_taxonomy_reads() {
        let tax = Taxonomy::from_toml(&two_topics("\"giá\"")).unwrap();
        assert_eq!(tax.topics[1].phrases[0].context, ["giá"]);
    }

    #[test]
    fn a_duplicate_id_named_in_a_comment_is_refused_on_the_duplicate() {
        let text = two_topics("\"giá\"").replace("id = \"prices\"", "id = \"crops\"");
        let err = Taxonomy::from_toml(&text).unwrap_err();
        assert_eq!(err.line(), Some(17), "{err}");
        assert!(err.to_string().contains("appears twice"), "{err}");
    }

    #[test]
    fn an_unknown_list_is_refused_on_the_line_that_names_it() {
        let err = Taxonomy::from_toml(&two_topics("\"@grown\"")).unwrap_err();
        assert_eq!(err.line(), Some(23), "{err}");
        assert!(err.to_string().contains("@grown"), "{err}");
    }

    #[test]
    fn a_topic_value_out_of_range_is_refused_on_its_line() {
        let text = two_topics("\"giá\"").replace("id = \"prices\"\n", "id='prices'\nagri_weight = 2.0\n");
        let err = Taxonomy::from_toml(&text).unwrap_err();
        assert_eq!(err.line(), Some(18), "{err}");
        assert!(err.to_string().contains("agri_weight"), "{err}");
    }

    #[test]
    fn an_empty_phrase_is_refused_on_its_line_however_it_is_written() {
        for empty in ["''", "\"\\u0020\"", "\"\"\"\n\"\"\""] {
            let text = two_topics("\"giá\"").replace("text = \"lúa\"\n", &format!("text = {empty}\n"));
            let err = Taxonomy::from_toml(&text).unwrap_err();
            assert_eq!(err.line(), Some(21), "{empty}: {err}");
            assert!(err.to_string().contains("empty"), "{err}");
        }
    }

    #[test]
    fn an_empty_word_of_a_context_a_list_or_a_mask_is_refused_on_its_line() {
        // The context of line 23.
        let err = Taxonomy::from_toml(&two_topics("\"giá\", \" \"")).unwrap_err();
        assert_eq!(err.line(), Some(23), "{err}");
        assert!(err.to_string().contains("empty"), "{err}");
        let in_list = two_topics("\"@price\"")
            .replace("version = 1\n", "version = 1\n[lists]\nprice = [\"giá\", \"\"]\n");
        let err = Taxonomy::from_toml(&in_list).unwrap_err();
        assert_eq!(err.line(), Some(3), "{err}");
        let mask = format!(
            "{}[mask]\nphrases = [\"heo quay\",\n  \"\"]\n",
            two_topics("\"giá\"")
        );
        let err = Taxonomy::from_toml(&mask).unwrap_err();
        assert_eq!(err.line(), Some(26), "{err}");
    }

    #[test]
    fn a_phrase_both_plain_and_ambiguous_is_refused_on_its_line() {
        let text = format!(
            "{}[folding]\nambiguous = [\"lúa\"]\nplain = [\n  \"nông dân\",\n  'lúa',\n]\n",
            two_topics("\"giá\"")
        );
        let err = Taxonomy::from_toml(&text).unwrap_err();
        assert_eq!(err.line(), Some(28), "{err}");
        assert!(err.to_string().contains("both ambiguous and plain"), "{err}");
    }

    #[test]
    fn a_list_that_names_a_list_is_refused_on_its_line() {
        let text = two_topics("\"@price\"").replace(
            "version = 1\n",
            "version = 1\n[lists]\nprice = [\"giá\"]\nunits = [\n  \"đồng/kg\",\n  \"@price\",\n]\n",
        );
        let err = Taxonomy::from_toml(&text).unwrap_err();
        assert_eq!(err.line(), Some(6), "{err}");
        assert!(err.to_string().contains("lists cannot include lists"), "{err}");
    }

    #[test]
    fn an_id_the_topic_option_cannot_name_is_refused_on_its_line() {
        for id in ["\"\"", "' '", "\"prices,trade\"", "\" prices\""] {
            let text = two_topics("\"giá\"").replace("id = \"prices\"", &format!("id = {id}"));
            let err = Taxonomy::from_toml(&text).unwrap_err();
            assert_eq!(err.line(), Some(17), "{id}: {err}");
            assert!(err.to_string().contains("--topic"), "{err}");
        }
        // Any other id is the taxonomy's own.
        let text = two_topics("\"giá\"").replace("id = \"prices\"", "id = \"giá cả/thị trường\"");
        assert_eq!(
            Taxonomy::from_toml(&text).unwrap().topics[1].id,
            "giá cả/thị trường"
        );
    }

    #[test]
    fn what_no_tagging_can_use_is_an_error_on_its_line() {
        let line_of = |toml: &str| Taxonomy::from_toml(toml).unwrap_err().line();
        // A threshold that is not a number would tag nothing: refused on
        // its own line, not its section's or its topic's.
        let nan = minimal().replace("threshold = 8.0", "threshold = nan");
        assert_eq!(line_of(&nan), Some(3));
        let topic_nan = format!(
            "{AGRI}{}",
            TOPIC.replace("phrases = []", "threshold = nan\nphrases = []")
        );
        assert_eq!(line_of(&topic_nan), Some(11));
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
