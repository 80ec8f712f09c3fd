//! Text without diacritics: which folded phrases the dictionary reads as
//! other words, and which neighbours settle them.
//!
//! Folding loses words: "trồng" (to grow) and "trong" (in), "bão" (storm)
//! and "bao" (bag), "hải quan" (customs) and "hải quân" (navy) are spelled
//! alike without diacritics. A folded phrase is ambiguous when the
//! dictionary has another word, or another syllable of a word, spelled the
//! same. Its neighbours can settle it: "cay lua" can only be "cây lúa",
//! because the dictionary has exactly one word spelled so. They can also
//! rule it out: "quan trong" can only be "quan trọng", so its "trong" is
//! not "trồng" ([`RunReadings`]). The taxonomy declares the exceptions
//! both ways: runs of words the dictionary cannot see ("gia cao" is "giá
//! cao", not "giã cào") and phrases whose look-alikes news hardly ever
//! means ("ngu dan" is "ngư dân", not "ngu đần").

use rustc_hash::FxHashMap;

use super::matcher::{Group, MAX_PHRASE, fold_key};
use crate::dict::{Dictionary, NONE, ROOT, SyllableIds, SyllableTrie};
use crate::segment::Syllables;

/// The reading of a syllable no word of `Folding::readings` gives.
const NO_READING: u32 = u32::MAX;
/// The reading of a syllable two such words read differently.
const DISPUTED: u32 = u32::MAX - 1;

/// What the dictionary says about the folded keys of a matcher.
#[derive(Debug)]
pub(crate) struct Folding {
    /// By folded key: whether it has readings none of its groups is.
    pub ambiguous: Vec<bool>,
    /// By ambiguous folded key: folded syllables that, before (`false`) or
    /// after (`true`) it, spell a dictionary word holding one of its
    /// phrases and nothing else ("cay" before "lua": "cây lúa").
    neighbours: FxHashMap<(u32, bool), Vec<String>>,
    /// Dictionary words of two syllables or more that no other word spells
    /// alike without diacritics, by folded spelling ("quan trong": "quan
    /// trọng"): a text that holds the spelling holds their syllables. The
    /// value is where the word's syllables start in `word_syllables`.
    readings: SyllableTrie,
    /// The syllables of those words one after another, an id per distinct
    /// syllable.
    word_syllables: Vec<u32>,
    /// The same ids for each syllable of each group's accented key
    /// (`NO_READING` for a syllable none of those words has).
    group_readings: Vec<Box<[u32]>>,
}

impl Folding {
    /// For each folded key (`folded_keys`, the groups of each in
    /// `folded_groups`, the accented key of each group in `accented_keys`),
    /// whether `dict` has a word, or a syllable of a word, with that folded
    /// spelling that is not one of the key's phrases; and for the ambiguous
    /// ones, the neighbours that settle them. The folded keys `declared`
    /// are ambiguous too: runs of words that the dictionary cannot see,
    /// declared by the taxonomy (`[folding]`); the folded keys `plain` are
    /// not, whatever the dictionary spells alike.
    pub(crate) fn new(
        folded_keys: &[String],
        folded_groups: &[Vec<usize>],
        accented_keys: &[String],
        groups: &[Group],
        dict: &Dictionary,
        declared: &[usize],
        plain: &[usize],
    ) -> Folding {
        let index: FxHashMap<&str, usize> = folded_keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        let accented: FxHashMap<&str, usize> = accented_keys
            .iter()
            .enumerate()
            .map(|(g, k)| (k.as_str(), g))
            .collect();
        let fold = |word: &str| {
            let mut f = String::new();
            fold_key(word, &mut f);
            f
        };
        // Every word and every distinct syllable, with its folded spelling.
        let mut words: Vec<(String, String)> = Vec::with_capacity(dict.len());
        dict.for_each_word(|word, _| words.push((word.to_owned(), fold(word))));
        let mut syllables: FxHashMap<&str, String> = FxHashMap::default();
        for (word, _) in &words {
            for syl in word.split(' ') {
                syllables.entry(syl).or_insert_with(|| fold(syl));
            }
        }
        let mut ambiguous = vec![false; folded_keys.len()];
        for &i in declared {
            ambiguous[i] = true;
        }
        let readings = words.iter().map(|(w, f)| (w.as_str(), f.as_str()));
        for (word, folded) in readings.chain(syllables.iter().map(|(y, f)| (*y, f.as_str()))) {
            if let Some(&i) = index.get(folded) {
                if !folded_groups[i].iter().any(|&g| accented_keys[g] == word) {
                    ambiguous[i] = true;
                }
            }
        }
        for &i in plain {
            ambiguous[i] = false;
        }
        // How many words each folded spelling of two or more syllables has.
        let mut spellings: FxHashMap<&str, u32> = FxHashMap::default();
        for (_, folded) in words.iter().filter(|(w, _)| w.contains(' ')) {
            *spellings.entry(folded.as_str()).or_default() += 1;
        }
        let mut neighbours: FxHashMap<(u32, bool), Vec<String>> = FxHashMap::default();
        for (word, folded) in &words {
            let (Some((head, last)), Some((first, tail))) = (word.rsplit_once(' '), word.split_once(' '))
            else {
                continue;
            };
            if spellings.get(folded.as_str()) != Some(&1) {
                continue;
            }
            for (part, neighbour, after) in [(head, last, true), (tail, first, false)] {
                let Some(&g) = accented.get(part) else {
                    continue;
                };
                let i = index[fold(part).as_str()];
                let group = &groups[g];
                // A reduplication ("trồng trộng") spells the phrase twice:
                // "trong trong" is far more often two words ("quan trọng
                // trong").
                let echo = syllables[neighbour] == folded_keys[i];
                if ambiguous[i] && !echo && (!group.entries.is_empty() || group.context_id.is_some()) {
                    neighbours
                        .entry((i as u32, after))
                        .or_default()
                        .push(syllables[neighbour].clone());
                }
            }
        }
        // Readings: the words whose folded spelling is theirs alone.
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut word_syllables = Vec::new();
        let mut entries = Vec::new();
        for (word, folded) in words.iter().filter(|(w, _)| w.contains(' ')) {
            if spellings.get(folded.as_str()) == Some(&1) {
                entries.push((folded.as_str(), word_syllables.len() as u64));
                word_syllables.extend(word.split(' ').map(|y| {
                    let n = ids.len() as u32;
                    *ids.entry(y).or_insert(n)
                }));
            }
        }
        let group_readings = accented_keys
            .iter()
            .map(|k| {
                k.split(' ')
                    .map(|y| ids.get(y).copied().unwrap_or(NO_READING))
                    .collect()
            })
            .collect();
        let readings = SyllableTrie::build(entries);
        Folding {
            ambiguous,
            neighbours,
            readings,
            word_syllables,
            group_readings,
        }
    }

    /// Whether the ambiguous folded key `fold` is settled by the folded
    /// syllables before and after it.
    pub(crate) fn settled(&self, fold: u32, before: Option<&str>, after: Option<&str>) -> bool {
        let has = |side: bool, syl: Option<&str>| {
            syl.is_some_and(|y| {
                self.neighbours
                    .get(&(fold, side))
                    .is_some_and(|ns| ns.iter().any(|n| n == y))
            })
        };
        has(false, before) || has(true, after)
    }
}

/// A worker's scratch for one run of folded syllables: the reading of each
/// syllable that a word of `Folding::readings` covering it gives, worked
/// out only around the phrases asked about.
#[derive(Debug, Default)]
pub(crate) struct RunReadings {
    /// Syllable keys mapped to the readings trie.
    ids: SyllableIds,
    read: Vec<u32>,
    /// Whether the words starting at each syllable were looked up.
    walked: Vec<bool>,
}

impl RunReadings {
    /// Forget the syllable ids when the table's ids changed meaning.
    pub(crate) fn sync(&mut self, generation: u64) {
        self.ids.sync(generation);
    }

    /// Start a run of `n` syllables.
    pub(crate) fn start(&mut self, n: usize) {
        self.read.clear();
        self.read.resize(n, NO_READING);
        self.walked.clear();
        self.walked.resize(n, false);
    }

    /// Whether a syllable of group `g`, at syllable `from` of the run whose
    /// folded syllable keys `key` gives, is read as another syllable by
    /// the words around it ("quan trong" is "quan trọng": its "trong" is
    /// not "trồng").
    pub(crate) fn reads_otherwise(
        &mut self,
        folding: &Folding,
        syllables: &Syllables,
        key: impl Fn(usize) -> u32,
        g: usize,
        from: usize,
    ) -> bool {
        let want = &folding.group_readings[g];
        let n = self.read.len();
        let to = (from + want.len()).min(n);
        for start in from.saturating_sub(MAX_PHRASE - 1)..to {
            if !std::mem::replace(&mut self.walked[start], true) {
                self.walk(folding, syllables, &key, start);
            }
        }
        want.iter()
            .zip(&self.read[from..to])
            .any(|(&want, &read)| read != NO_READING && read != DISPUTED && read != want)
    }

    /// Records the readings of the words starting at syllable `start`.
    fn walk(&mut self, folding: &Folding, syllables: &Syllables, key: &impl Fn(usize) -> u32, start: usize) {
        let trie = &folding.readings;
        let mut node = ROOT;
        for k in start..self.read.len().min(start + MAX_PHRASE) {
            node = trie.child(node, self.ids.get(trie, syllables, key(k)));
            if node == NONE {
                return;
            }
            let Some(word) = trie.value(node) else {
                continue;
            };
            // The word spans syllables start..=k of the run.
            let word = &folding.word_syllables[word as usize..][..=k - start];
            for (slot, &read) in self.read[start..=k].iter_mut().zip(word) {
                *slot = match *slot {
                    NO_READING => read,
                    known if known == read => known,
                    _ => DISPUTED,
                };
            }
        }
    }
}
