//! The phrase matcher: every phrase of a taxonomy compiled into a trie over
//! syllable keys, once with diacritics and once folded (for text written
//! without them).
//!
//! In text written without diacritics, a folded phrase that the dictionary
//! also reads as another word ("trong" for "trồng": see [`super::folding`])
//! is not evidence unless its neighbours settle it: a neighbouring
//! syllable that makes it a dictionary word ("cay lua": "cây lúa"), or a
//! phrase of the same topic right next to it ("trong ca phe": "trồng cà
//! phê", in the tagger's `run.rs`) unless a dictionary word around reads
//! it otherwise ("quan trong": "quan trọng"). One common word read as a farm word
//! would make every article agricultural. Unsettled, as a context it may
//! still rule a phrase out (`unless`, `not_with`), never let one in
//! (`context`, `only_with`); as a mask it still masks.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::folding::Folding;
use super::taxonomy::{Phrase, Taxonomy};
use crate::dict::{Dictionary, NONE, ROOT, SyllableIds, SyllableTrie};
use crate::normalize::{Normalizer, push_key, strip_diacritics};
use crate::segment::Syllables;

/// Who a phrase counts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Owner {
    /// General agricultural relevance.
    Agri,
    /// A topic, by index.
    Topic(usize),
}

/// One phrase of the taxonomy.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub owner: Owner,
    pub weight: f32,
    /// Context ids, one of which must occur; empty: none needed.
    pub context: Vec<u32>,
    /// Context ids that cancel the phrase in their sentence.
    pub unless: Vec<u32>,
    /// Context ids one of which must occur in the phrase's sentence for it
    /// to be topic evidence; empty: none needed.
    pub only_with: Vec<u32>,
    /// Context ids that keep the phrase from being topic evidence in their
    /// sentence.
    pub not_with: Vec<u32>,
    /// Whether the phrase adds to the agricultural relevance.
    pub relevance: bool,
    /// The phrase as the taxonomy writes it.
    pub text: String,
}

/// Everything one key stands for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Group {
    pub entries: Vec<Entry>,
    pub mask: bool,
    /// Set when this key is a context phrase of some entry.
    pub context_id: Option<u32>,
    /// Whether the taxonomy writes it with a capital (an abbreviation or
    /// name), so a capitalized occurrence in text is not a reason to skip it.
    pub cased: bool,
}

/// The compiled matcher.
pub(crate) struct Matcher {
    pub groups: Vec<Group>,
    accented: SyllableTrie,
    folded: SyllableTrie,
    /// For a folded key: the groups it stands for.
    folded_groups: Vec<Vec<usize>>,
    /// Which folded keys the dictionary reads as other words, and what
    /// settles them: worked out when the first text without diacritics is
    /// matched (it reads the whole dictionary).
    folding: OnceLock<Folding>,
    /// What finding it needs: the folded keys in order, the accented key
    /// of each group, and the dictionary.
    folded_keys: Vec<String>,
    /// Folded keys the taxonomy declares ambiguous, and plain in spite
    /// of the dictionary (`[folding]`).
    declared_ambiguous: Vec<usize>,
    declared_plain: Vec<usize>,
    accented_keys: Vec<String>,
    dict: Dictionary,
    pub n_contexts: usize,
}

/// Longest phrase, in syllables.
pub(crate) const MAX_PHRASE: usize = 8;

/// The key a phrase is matched by: normalized, parted into syllables, each
/// keyed as [`push_key`] keys it ("Nông Dân" and "nông dân" share one).
pub(super) fn phrase_key(normalizer: &Normalizer, text: &str) -> String {
    let norm = normalizer.normalize(text);
    let mut key = String::with_capacity(norm.len());
    for word in norm.split_whitespace() {
        for (a, b) in syllable_parts(word) {
            if !key.is_empty() {
                key.push(' ');
            }
            push_key(&word[a..b], &mut key);
        }
    }
    key
}

/// The byte ranges of the syllables of `word` (no spaces): a hyphen
/// between two letters parts syllables ("cao-su" is "cao su", as older
/// and some regional texts write compounds), and so does an underscore
/// (text segmented by another tool: "nông_dân"); one between a letter and
/// a digit does not ("Covid-19").
pub(super) fn syllable_parts(word: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    let mut chars = word.char_indices().peekable();
    let mut prev_letter = false;
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            let parts = matches!(c, '-' | '_')
                && prev_letter
                && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            prev_letter = c.is_alphabetic();
            if parts {
                let part = (start, i);
                start = i + 1;
                return Some(part);
            }
        }
        (start < word.len()).then(|| {
            let part = (start, word.len());
            start = word.len();
            part
        })
    })
}

/// The folded key of a phrase: the key text without diacritics has.
pub(super) fn folded_phrase_key(normalizer: &Normalizer, text: &str) -> String {
    let mut f = String::new();
    fold_key(&phrase_key(normalizer, text), &mut f);
    f
}

/// The folded key of an accented key: no marks, đ as d.
pub(crate) fn fold_key(key: &str, out: &mut String) {
    out.push_str(&strip_diacritics(key));
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("keys", &self.groups.len())
            .finish()
    }
}

impl Matcher {
    /// The matcher of `tax`; `dict` tells which folded phrases are
    /// ambiguous.
    pub(crate) fn new(tax: &Taxonomy, dict: &Dictionary) -> Matcher {
        let normalizer = Normalizer::new();
        let mut keys: BTreeMap<String, Group> = BTreeMap::new();
        let mut contexts: BTreeMap<String, u32> = BTreeMap::new();
        // A phrase of the taxonomy with its owner, or a mask phrase (None).
        let mut add = |text: &str, entry: Option<(Owner, &Phrase)>| {
            let key = phrase_key(&normalizer, text);
            if key.is_empty() {
                return;
            }
            let mut ids = |phrases: &[String]| -> Vec<u32> {
                phrases
                    .iter()
                    .map(|c| {
                        let ck = phrase_key(&normalizer, c);
                        let n = contexts.len() as u32;
                        *contexts.entry(ck).or_insert(n)
                    })
                    .collect()
            };
            let entry = entry.map(|(owner, p)| Entry {
                owner,
                weight: p.weight,
                context: ids(&p.context),
                unless: ids(&p.unless),
                only_with: ids(&p.only_with),
                not_with: ids(&p.not_with),
                relevance: p.relevance,
                text: text.to_string(),
            });
            let g = keys.entry(key).or_default();
            g.cased |= text.chars().any(char::is_uppercase);
            match entry {
                Some(e) => g.entries.push(e),
                None => g.mask = true,
            }
        };
        for p in &tax.agri.phrases {
            add(&p.text, Some((Owner::Agri, p)));
        }
        for (i, t) in tax.topics.iter().enumerate() {
            for p in &t.phrases {
                add(&p.text, Some((Owner::Topic(i), p)));
            }
        }
        for m in &tax.mask.phrases {
            add(m, None);
        }
        for (ck, id) in &contexts {
            keys.entry(ck.clone()).or_default().context_id = Some(*id);
        }
        let accented = SyllableTrie::build(keys.keys().enumerate().map(|(i, k)| (k.as_str(), i as u64)));
        let mut groups = Vec::with_capacity(keys.len());
        let mut folded: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut accented_keys = Vec::with_capacity(keys.len());
        for (i, (k, g)) in keys.into_iter().enumerate() {
            let mut f = String::new();
            fold_key(&k, &mut f);
            folded.entry(f).or_default().push(i);
            groups.push(g);
            accented_keys.push(k);
        }
        let folded_trie = SyllableTrie::build(folded.keys().enumerate().map(|(i, k)| (k.as_str(), i as u64)));
        let (folded_keys, folded_groups): (Vec<String>, Vec<Vec<usize>>) = folded.into_iter().unzip();
        // The declared phrases that are phrases of the taxonomy (the
        // folded keys are sorted).
        let declared = |phrases: &[String]| -> Vec<usize> {
            phrases
                .iter()
                .filter_map(|p| folded_keys.binary_search(&folded_phrase_key(&normalizer, p)).ok())
                .collect()
        };
        let declared_ambiguous = declared(&tax.folding.ambiguous);
        let declared_plain = declared(&tax.folding.plain);
        Matcher {
            groups,
            accented,
            folded: folded_trie,
            folded_groups,
            folding: OnceLock::new(),
            folded_keys,
            declared_ambiguous,
            declared_plain,
            accented_keys,
            dict: dict.clone(),
            n_contexts: contexts.len(),
        }
    }

    /// Whether the ambiguous folded key `fold` (as given to `found` by
    /// [`Matcher::prefixes`]) is settled by the folded syllables before
    /// and after it.
    pub(crate) fn settled(&self, fold: u32, before: Option<&str>, after: Option<&str>) -> bool {
        self.folding.get().is_some_and(|f| f.settled(fold, before, after))
    }

    /// What the dictionary says about text without diacritics, worked out
    /// the first time it is asked (it reads the whole dictionary).
    pub(crate) fn folding(&self) -> &Folding {
        self.folding.get_or_init(|| {
            Folding::new(
                &self.folded_keys,
                &self.folded_groups,
                &self.accented_keys,
                &self.groups,
                &self.dict,
                &self.declared_ambiguous,
                &self.declared_plain,
            )
        })
    }

    /// Whether the words of group `long` begin with those of group `short`
    /// ("giá lúa" with "giá"; "gia cầm" does not begin with "giá").
    pub(crate) fn begins_with(&self, long: usize, short: usize) -> bool {
        let (long, short) = (&self.accented_keys[long], &self.accented_keys[short]);
        long.strip_prefix(short.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    }

    /// Whether groups `g` and `h` hold phrases of a common topic.
    pub(crate) fn share_topic(&self, g: usize, h: usize) -> bool {
        let topic = |e: &Entry| match e.owner {
            Owner::Topic(t) => Some(t),
            Owner::Agri => None,
        };
        let theirs = &self.groups[h].entries;
        self.groups[g]
            .entries
            .iter()
            .filter_map(topic)
            .any(|t| theirs.iter().any(|e| topic(e) == Some(t)))
    }

    /// Call `found(len, group, ambiguous)` for every phrase starting at the
    /// first of the syllable key ids `keys` (of `syllables`); `ids` maps
    /// those keys to the accented or the folded phrase trie, as `folded`
    /// says. `ambiguous`: the folded key, when it has readings none of its
    /// groups is (see [`Matcher::settled`]).
    pub(crate) fn prefixes(
        &self,
        ids: &mut SyllableIds,
        syllables: &Syllables,
        keys: impl IntoIterator<Item = u32>,
        folded: bool,
        mut found: impl FnMut(usize, usize, Option<u32>),
    ) {
        let trie = if folded { &self.folded } else { &self.accented };
        let ambiguous_keys: &[bool] = if folded { &self.folding().ambiguous } else { &[] };
        let mut node = ROOT;
        for (n, key) in keys.into_iter().take(MAX_PHRASE).enumerate() {
            node = trie.child(node, ids.get(trie, syllables, key));
            if node == NONE {
                return;
            }
            if let Some(v) = trie.value(node) {
                if folded {
                    let ambiguous = ambiguous_keys[v as usize].then_some(v);
                    for &g in &self.folded_groups[v as usize] {
                        found(n + 1, g, ambiguous);
                    }
                } else {
                    found(n + 1, v as usize, None);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::syllable_parts;

    fn parts(word: &str) -> Vec<&str> {
        syllable_parts(word).map(|(a, b)| &word[a..b]).collect()
    }

    #[test]
    fn a_hyphen_or_underscore_parts_syllables_only_between_two_letters() {
        assert_eq!(parts("cao-su"), ["cao", "su"]);
        assert_eq!(parts("Đắk-Lắk"), ["Đắk", "Lắk"]);
        assert_eq!(parts("NN-PTNT"), ["NN", "PTNT"]);
        assert_eq!(parts("công-nghệ-số"), ["công", "nghệ", "số"]);
        assert_eq!(parts("Covid-19"), ["Covid-19"]);
        assert_eq!(parts("10-25"), ["10-25"]);
        assert_eq!(parts("a--b"), ["a--b"]);
        assert_eq!(parts("-xin"), ["-xin"]);
        assert_eq!(parts("vắc-"), ["vắc-"]);
        assert_eq!(parts("lúa"), ["lúa"]);
        assert_eq!(parts("thương_lái"), ["thương", "lái"]);
        assert_eq!(parts("_x"), ["_x"]);
        assert!(parts("").is_empty());
    }
}
