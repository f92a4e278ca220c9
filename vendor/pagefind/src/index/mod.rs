use hashbrown::HashMap;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

use crate::{
    fossick::{FossickedData, FossickedWord, MetaFossickedWord},
    index::index_metadata::MetaFilter,
    utils::full_hash,
    SearchOptions,
};
use anyhow::{bail, Result};
use index_filter::{FilterIndex, PackedValue};
use index_metadata::{MetaChunk, MetaIndex, MetaPage};
#[cfg(test)]
use index_words::PackedPage;
use index_words::{PackedVariant, PackedWord, WordIndex};

use self::index_metadata::MetaSort;

mod index_filter;
mod index_metadata;
mod index_words;
mod postings;

use postings::Postings;

/// A word while the index is built: its pages, and its forms with other
/// diacritics (`PackedVariant`s), each as packed postings.
#[derive(Default)]
struct Word {
    pages: Postings,
    additional_variants: Vec<(String, Postings)>,
}

impl Word {
    /// What `chunk_index` counts for a word.
    fn size(&self) -> usize {
        self.pages.size()
            + self
                .additional_variants
                .iter()
                .map(|(_, p)| p.size())
                .sum::<usize>()
            + self.additional_variants.len()
    }

    fn variant(&mut self, form: String) -> &mut Postings {
        match self.additional_variants.iter().position(|(f, _)| *f == form) {
            Some(i) => &mut self.additional_variants[i].1,
            None => {
                self.additional_variants.push((form, Postings::default()));
                // Just pushed, so there is a last one.
                &mut self.additional_variants.last_mut().unwrap().1
            }
        }
    }

    /// The word as Pagefind encodes it, its meta locations renumbered.
    fn into_packed(self, word: String, renumber: &impl Fn(&mut Vec<i32>)) -> PackedWord {
        PackedWord {
            word,
            pages: self.pages.into_pages(renumber),
            additional_variants: self
                .additional_variants
                .into_iter()
                .map(|(form, p)| PackedVariant {
                    form,
                    pages: p.into_pages(renumber),
                })
                .collect(),
        }
    }
}

pub struct PagefindIndexes {
    pub word_indexes: HashMap<String, Vec<u8>>,
    pub filter_indexes: HashMap<String, Vec<u8>>,
    pub meta_index: (String, Vec<u8>),
    /// Each fragment's short hash and its file's bytes, gzipped already.
    pub fragments: Vec<(String, Vec<u8>)>,
    pub sorts: Vec<String>,
    pub language: String,
    pub word_count: usize,
    pub page_count: usize,
}

#[derive(Clone)]
struct IntermediaryPageData {
    full_hash: String,
    /// The fragment's JSON as its file holds it: gzipped as the page is
    /// added (our patch), on the threads that fold pages in, rather than
    /// at `finish`, where it held up the end of the build; and a third
    /// the size of the JSON while every page's waits for the end.
    fragment_file: Vec<u8>,
    word_count: usize,
    page_number: usize,
}

#[derive(Debug)]
enum SortType {
    String,
    Number,
}

/// Builds a language's index from all of its pages at once, as Pagefind
/// always did: the same index as adding them to an `IndexBuilder` in
/// their order and finishing it (the test
/// `records_read_side_by_side_give_the_index_of_one_at_a_time` of
/// rabat-hub compares the two).
pub async fn build_indexes(
    pages: Vec<FossickedData>,
    language: String,
    options: &SearchOptions,
) -> Result<PagefindIndexes> {
    // Every page is known: the meta fields are numbered in their names'
    // order before any page goes in, as Pagefind numbers them, and
    // `finish` has nothing to renumber.
    let mut meta_fields_set: BTreeSet<String> = BTreeSet::new();
    for page in pages.iter() {
        meta_fields_set.extend(page.fragment.data.meta.keys().cloned());
    }
    let mut builder = IndexBuilder::new(language);
    builder.meta_fields = meta_fields_set.into_iter().collect();
    builder.add_pages(pages);
    builder.finish(options)
}

/// A language's index built page by page (our patch): each page's words
/// go into the index as the page comes, and the page is dropped, so only
/// the index is held, never every page's words at once. What needs every
/// page (the sort orders, the meta fields' numbering, the fragments'
/// short hashes) waits for `finish`.
pub struct IndexBuilder {
    language: String,
    page_count: usize,
    word_map: HashMap<String, Word>,
    filter_map: HashMap<String, HashMap<String, Vec<usize>>>,
    /// The pages' fragments, encoded as they come: they stay to the end.
    encoded_pages: Vec<IntermediaryPageData>,
    /// The sort values of the pages that have any, by page number.
    sort_values: Vec<(usize, BTreeMap<String, String>)>,
    /// Meta field names in the order they were first seen: the ids in
    /// the index's meta locations until `finish` renumbers them in the
    /// names' order, as Pagefind numbers them.
    meta_fields: Vec<String>,
    /// Scratch room for a word's locations on the page being folded in.
    locs: Vec<i32>,
}

impl IndexBuilder {
    pub fn new(language: String) -> Self {
        IndexBuilder {
            language,
            page_count: 0,
            word_map: HashMap::new(),
            filter_map: HashMap::new(),
            encoded_pages: Vec::new(),
            sort_values: Vec::new(),
            meta_fields: Vec::new(),
            locs: Vec::new(),
        }
    }

    /// Adds `pages` after those already added, in their order; their
    /// fragments are encoded side by side.
    pub fn add_pages(&mut self, mut pages: Vec<FossickedData>) {
        for (i, page) in pages.iter_mut().enumerate() {
            page.fragment.page_number = self.page_count + i;
        }
        self.page_count += pages.len();
        let language = &self.language;
        let encoded: Vec<IntermediaryPageData> = pages
            .par_iter()
            .map(|page| {
                let encoded_data = serde_json::to_string(&page.fragment.data).unwrap();
                IntermediaryPageData {
                    full_hash: format!("{}_{}", language, full_hash(encoded_data.as_bytes())),
                    word_count: page.fragment.data.word_count,
                    page_number: page.fragment.page_number,
                    fragment_file: crate::output::fragment_file(&encoded_data),
                }
            })
            .collect();
        self.encoded_pages.extend(encoded);
        for page in pages {
            self.fold(page);
        }
    }

    /// A page's words into the index. Page numbers rise as the pages
    /// come, so a word's pages, and a variant's, are in order as they are
    /// pushed.
    fn fold(&mut self, page: FossickedData) {
        let page_number = page.fragment.page_number;
        let word_map = &mut self.word_map;
        if !page.sort.is_empty() {
            self.sort_values.push((page_number, page.sort));
        }
        // Meta field IDs were assigned per-page; here they become the
        // builder's (first seen first), renumbered at `finish`.
        let meta_fields = &mut self.meta_fields;
        let field_id_map: Vec<u16> = page
            .fragment
            .data
            .meta
            .keys()
            .map(|name| match meta_fields.iter().position(|f| f == name) {
                Some(id) => id as u16,
                None => {
                    meta_fields.push(name.clone());
                    (meta_fields.len() - 1) as u16
                }
            })
            .collect();

        // The locations of one word on this page, reused from word to word.
        let locs = &mut self.locs;
        for (word, mut positions) in page.word_data {
            let packed_word = word_map.entry(word).or_default();

            // Usually no position is of a diacritic form: the page's
            // positions as they are (our patch), without copying them.
            if positions.iter().all(|p| p.original_word.is_none()) {
                positions_to_locs(&mut positions, locs);
                packed_word.pages.push_locs(page_number, locs);
                continue;
            }

            // Group positions by original_word for this page
            let mut normalized_positions: Vec<FossickedWord> = Vec::new();
            let mut variant_positions: BTreeMap<String, Vec<FossickedWord>> = BTreeMap::new();

            for mut fossicked in positions {
                match fossicked.original_word.take() {
                    // No diacritics - original matches normalized form
                    None => normalized_positions.push(fossicked),
                    // Original form differs (has diacritics) - stored instead in additional_variants
                    Some(original) => variant_positions
                        .entry(original)
                        .or_default()
                        .push(fossicked),
                }
            }

            if !normalized_positions.is_empty() {
                positions_to_locs(&mut normalized_positions, locs);
                packed_word.pages.push_locs(page_number, locs);
            }

            for (variant_form, mut variant_pos) in variant_positions {
                positions_to_locs(&mut variant_pos, locs);
                packed_word
                    .variant(variant_form)
                    .push_locs(page_number, locs);
            }
        }

        for (word, meta_positions) in page.meta_word_data {
            let mut normalized_meta_positions: Vec<MetaFossickedWord> = Vec::new();
            let mut variant_meta_positions: BTreeMap<String, Vec<MetaFossickedWord>> =
                BTreeMap::new();

            for mut meta_fossicked in meta_positions {
                meta_fossicked.field_id = field_id_map[meta_fossicked.field_id as usize];
                if let Some(original) = meta_fossicked.original_word.take() {
                    variant_meta_positions
                        .entry(original)
                        .or_default()
                        .push(meta_fossicked);
                } else {
                    normalized_meta_positions.push(meta_fossicked);
                }
            }

            let packed_word = word_map.entry(word).or_default();

            // This page's entry, if its text had the word, is the last one.
            if !normalized_meta_positions.is_empty() {
                let meta_locs = meta_positions_to_packed(normalized_meta_positions);
                set_meta_locs(&mut packed_word.pages, page_number, meta_locs);
            }

            // Handle diacritic variants in meta
            for (variant_form, variant_pos) in variant_meta_positions {
                let meta_locs = meta_positions_to_packed(variant_pos);
                set_meta_locs(packed_word.variant(variant_form), page_number, meta_locs);
            }
        }

        for (filter, values) in page.fragment.data.filters {
            for value in values {
                self.filter_map
                    .entry(filter.clone())
                    .or_default()
                    .entry(value)
                    .or_default()
                    .push(page_number);
            }
        }
    }

    /// The sort orders: for each sort key, the pages that have it, in the
    /// order of their values (as numbers when every value is one).
    fn sorts(&self, options: &SearchOptions) -> (Vec<String>, Vec<MetaSort>) {
        let mut sorts: Vec<_> = self
            .sort_values
            .iter()
            .flat_map(|(_, sort)| sort.keys().cloned())
            .collect();
        sorts.sort_unstable();
        sorts.dedup();

        // Determine the best sorting parser that fits all available values for each given key
        let mut sort_types: BTreeMap<String, SortType> = BTreeMap::new();
        for sort in sorts.iter() {
            let mut sort_values = self.sort_values.iter().flat_map(|(_, s)| s.get(sort));
            sort_types.insert(
                sort.clone(),
                if sort_values.all(|v| parse_int_sort(v).is_some() || parse_float_sort(v).is_some())
                {
                    SortType::Number
                } else {
                    SortType::String
                },
            );
        }

        let mut meta_sorts = Vec::new();
        for (sort_key, sort_type) in sort_types {
            let mut page_values: Vec<_> = self
                .sort_values
                .iter()
                .flat_map(|(page_number, sort)| sort.get(&sort_key).map(|v| (v, *page_number)))
                .collect();
            options.logger.v_info(format!(
                "Prebuilding sort order for {sort_key}, processed as type: {sort_type:#?}"
            ));
            match sort_type {
                SortType::String => page_values.sort_by_key(|p| p.0),
                SortType::Number => page_values.sort_by(|p1, p2| {
                    let p1 = parse_int_sort(p1.0)
                        .map(|i| i as f32)
                        .unwrap_or_else(|| parse_float_sort(p1.0).unwrap_or_default());
                    let p2 = parse_int_sort(p2.0)
                        .map(|i| i as f32)
                        .unwrap_or_else(|| parse_float_sort(p2.0).unwrap_or_default());

                    p1.total_cmp(&p2)
                }),
            }
            meta_sorts.push(MetaSort {
                sort: sort_key,
                pages: page_values.into_iter().map(|p| p.1).collect(),
            });
        }
        (sorts, meta_sorts)
    }

    /// The meta fields in their names' order, and for each field id the
    /// index holds (first seen first) its id in that order.
    fn number_meta_fields(&self) -> (Vec<String>, Vec<u16>) {
        let mut sorted = self.meta_fields.clone();
        sorted.sort();
        let new_id: Vec<u16> = self
            .meta_fields
            .iter()
            .map(|name| sorted.iter().position(|f| f == name).unwrap() as u16)
            .collect();
        (sorted, new_id)
    }

    /// The index, from every page added.
    pub fn finish(self, options: &SearchOptions) -> Result<PagefindIndexes> {
        let (sorts, meta_sorts) = self.sorts(options);
        let (meta_fields, new_id) = self.number_meta_fields();
        // The meta locations move to the fields' final ids as each chunk
        // is encoded (their groups reordered by the new ids).
        let renumbered = new_id.iter().enumerate().any(|(old, new)| old as u16 != *new);
        let renumber = |meta_locs: &mut Vec<i32>| {
            if renumbered {
                renumber_meta_locs(meta_locs, &new_id);
            }
        };
        let mut meta = MetaIndex {
            version: options.version.into(),
            pages: Vec::new(),
            index_chunks: Vec::new(),
            filters: Vec::new(),
            sorts: meta_sorts,
            meta_fields,
        };
        let IndexBuilder {
            language,
            word_map,
            filter_map,
            encoded_pages,
            ..
        } = self;
        let mut fragment_hashes: HashMap<String, IntermediaryPageData> = HashMap::new();
        let mut fragments: Vec<(usize, (String, IntermediaryPageData))> = Vec::new();

        for encoded_page in encoded_pages {
            // Handle fragment hashing (must be sequential due to collision handling)
            let mut short_hash = &encoded_page.full_hash[0..=(language.len() + 7)];

            // If we hit a collision, extend one until we stop colliding
            // TODO: There are some collision issues here.
            // If two builds match a collision in different orders the hashes will swap,
            // which could return incorrect data due to files being cached.
            while let Some(collision) = fragment_hashes.get(short_hash) {
                if collision.full_hash == encoded_page.full_hash {
                    // These pages are identical. Add both under the same hash.
                    fragments.push((
                        collision.word_count,
                        (collision.full_hash.clone(), collision.clone()),
                    ));
                } else {
                    let new_length = short_hash.len();
                    short_hash = &encoded_page.full_hash[0..=new_length];
                }
            }
            fragment_hashes.insert(short_hash.to_string(), encoded_page);
        }

        // A word's pages are in page order already: pages are folded in
        // one after the other (Pagefind sorted them here after merging
        // per-page maps made in parallel).

        fragments.extend(
            fragment_hashes
                .into_iter()
                .map(|(hash, frag)| (frag.word_count, (hash, frag))),
        );
        fragments.sort_by_cached_key(|(_, (_, fragment))| fragment.page_number);

        let page_count = fragments.len();
        let mut final_fragments = Vec::new();

        if let Some(max_fragments) =
            options.max_fragments.filter(|&m| m > 0 && (m as usize) < fragments.len())
        {
            let group_size = (fragments.len() as f32 / max_fragments as f32).ceil() as usize;
            options.logger.info(format!(
                "Bundling {} fragments into groups of {}, resulting in {} files",
                fragments.len(),
                group_size,
                fragments.chunks(group_size).len()
            ));
            let mut group_hashes: BTreeSet<String> = BTreeSet::new();
            for chunk in fragments.chunks(group_size) {
                let mut group_map = BTreeMap::new();
                for (_, (hash, frag)) in chunk {
                    let json = crate::output::fragment_json(&frag.fragment_file);
                    let val: serde_json::Value = serde_json::from_str(&json).unwrap();
                    group_map.insert(hash.clone(), val);
                }
                let group_json = serde_json::to_string(&group_map).unwrap();
                let prefix = format!("{language}_group_");
                let group_hash = format!("{prefix}{}", full_hash(group_json.as_bytes()));

                // If we hit a collision, extend one hash until we stop colliding
                let mut hash_length = 7;
                let mut short_group_hash = &group_hash[..prefix.len() + hash_length];
                while group_hashes.contains(short_group_hash) && hash_length < 40 {
                    hash_length += 1;
                    short_group_hash = &group_hash[..prefix.len() + hash_length];
                }
                group_hashes.insert(short_group_hash.to_string());

                final_fragments.push((
                    short_group_hash.to_string(),
                    crate::output::fragment_file(&group_json),
                ));

                for (word_count, (hash, _)) in chunk {
                    meta.pages.push(MetaPage {
                        hash: hash.clone(),
                        word_count: *word_count as u32,
                        group_hash: short_group_hash.to_string(),
                    });
                }
            }
        } else {
            for (word_count, (hash, frag)) in fragments {
                final_fragments.push((hash.clone(), frag.fragment_file));
                meta.pages.push(MetaPage {
                    hash: hash.clone(),
                    word_count: word_count as u32,
                    group_hash: "".into(),
                });
            }
        }

        // Encode filter indexes in parallel
        // Accumulate into HashMap for O(1) inserts, then sort once before encoding
        // to produce a stable hash without paying BTreeMap's per-insert overhead.
        let mut filter_map_vec: Vec<_> = filter_map.into_iter().collect();
        filter_map_vec.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        let encoded_filters: Vec<(String, Vec<u8>, String)> = filter_map_vec
            .into_par_iter()
            .map(|(filter, values)| {
                let mut sorted_values: Vec<_> = values.into_iter().collect();
                sorted_values.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
                let mut filter_index: Vec<u8> = Vec::new();
                let _ = minicbor::encode::<FilterIndex, &mut Vec<u8>>(
                    FilterIndex {
                        filter: filter.clone(),
                        values: sorted_values
                            .into_iter()
                            .map(|(value, pages)| PackedValue { value, pages })
                            .collect(),
                    },
                    filter_index.as_mut(),
                );
                let hash = format!("{}_{}", language, full_hash(&filter_index));
                (filter, filter_index, hash)
            })
            .collect();

        // Handle hash collisions sequentially (required for correctness)
        let mut filter_indexes = HashMap::new();
        for (filter, filter_index, hash) in encoded_filters {
            let mut short_hash = &hash[0..=(language.len() + 7)];

            // If we hit a collision, extend one hash until we stop colliding
            // TODO: DRY
            while filter_indexes.contains_key(short_hash) {
                let new_length = short_hash.len() + 1;
                short_hash = &hash[0..=new_length];

                if short_hash.len() == hash.len() {
                    break;
                }
            }
            filter_indexes.insert(short_hash.to_string(), filter_index);
            meta.filters.push(MetaFilter {
                filter,
                hash: short_hash.to_string(),
            })
        }

        if TryInto::<u32>::try_into(meta.pages.len()).is_err() {
            options.logger.error(format!(
                "Language {} has too many documents to index, must be < {}",
                language,
                u32::MAX
            ));
            bail!(
                "Language {language} has too many documents to index, must be < {}",
                u32::MAX
            );
        }

        // TODO: Parameterize these chunk sizes via byte size rather than word count
        let word_count = word_map.len();
        let mut words: Vec<(String, Word)> = word_map.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let chunks = chunk_by_size(words, |(_, w)| w.size(), options.index_chunk_size);
        meta.index_chunks = chunk_meta_of(
            chunks
                .iter()
                .map(|c| (c.first().map(|w| &w.0[..]), c.last().map(|w| &w.0[..])))
                .collect(),
        );

        // Encode word index chunks in parallel (delta encoding + CBOR serialization)
        let encoded_chunks: Vec<(usize, Vec<u8>, String)> = chunks
            .into_par_iter()
            .enumerate()
            .map(|(i, chunk)| {
                // Delta-encode page numbers within each word's page list
                let delta_chunk: Vec<PackedWord> = chunk
                    .into_iter()
                    .map(|(word, entry)| entry.into_packed(word, &renumber))
                    .map(|mut word| {
                        let mut last_page: usize = 0;
                        for page in &mut word.pages {
                            let delta = page.page_number - last_page;
                            last_page = page.page_number;
                            page.page_number = delta;
                        }
                        // Also handle additional_variants
                        for variant in &mut word.additional_variants {
                            let mut last_page: usize = 0;
                            for page in &mut variant.pages {
                                let delta = page.page_number - last_page;
                                last_page = page.page_number;
                                page.page_number = delta;
                            }
                        }
                        word
                    })
                    .collect();

                let mut word_index: Vec<u8> = Vec::new();
                let _ = minicbor::encode::<WordIndex, &mut Vec<u8>>(
                    WordIndex { words: delta_chunk },
                    word_index.as_mut(),
                );

                let hash = format!("{}_{}", language, full_hash(&word_index));
                (i, word_index, hash)
            })
            .collect();

        // Handle hash collisions sequentially (required for correctness)
        let mut word_indexes: HashMap<String, Vec<u8>> = HashMap::new();
        for (i, word_index, hash) in encoded_chunks {
            let mut short_hash = &hash[0..=(language.len() + 7)];

            // If we hit a collision, extend one hash until we stop colliding
            while word_indexes.contains_key(short_hash) {
                let new_length = short_hash.len() + 1;
                short_hash = &hash[0..=new_length];

                if short_hash.len() == hash.len() {
                    break;
                }
            }
            word_indexes.insert(short_hash.to_string(), word_index);
            meta.index_chunks[i].hash = short_hash.into();
        }

        let mut meta_index: Vec<u8> = Vec::new();
        let _ = minicbor::encode::<MetaIndex, &mut Vec<u8>>(meta, meta_index.as_mut());

        let meta_hash = format!(
            "{}_{}",
            language,
            &full_hash(&meta_index)[0..=(language.len() + 7)]
        );

        Ok(PagefindIndexes {
            word_indexes,
            filter_indexes,
            sorts,
            meta_index: (meta_hash, meta_index),
            fragments: final_fragments,
            language,
            word_count,
            page_count,
        })
    }
}

/// Gives the page's entry in `postings` its meta locations: the last
/// entry if the page's text had the word, otherwise a new entry.
fn set_meta_locs(postings: &mut Postings, page_number: usize, meta_locs: Vec<i32>) {
    if postings.last_page() != Some(page_number) {
        postings.push_locs(page_number, &[]);
    }
    postings.set_last_meta_locs(meta_locs);
}

/// Renumbers the field ids of packed meta locations (`meta_positions_to_packed`):
/// each group starts with a field's marker and its positions restart from
/// 0, so groups move whole; they are put back in the order of their new ids.
fn renumber_meta_locs(locs: &mut Vec<i32>, new_id: &[u16]) {
    if locs.is_empty() {
        return;
    }
    let mut groups: Vec<(u16, &[i32])> = Vec::new();
    let mut start = 0;
    for i in 1..=locs.len() {
        if i == locs.len() || locs[i] < 0 {
            let field = (-locs[start] - 1) as usize;
            groups.push((new_id[field], &locs[start + 1..i]));
            start = i;
        }
    }
    groups.sort_by_key(|(field, _)| *field);
    let mut renumbered = Vec::with_capacity(locs.len());
    for (field, positions) in groups {
        renumbered.push(-(field as i32) - 1);
        renumbered.extend_from_slice(positions);
    }
    *locs = renumbered;
}

/// Convert fossicked word positions to a packed page representation.
/// Sorts by weight (with common weight 25 first) then by position for delta encoding.
/// A word's positions on a page as Pagefind encodes them, into `locs`
/// (emptied first; our patch: one vector for every word, not one each).
fn positions_to_locs(positions: &mut [FossickedWord], locs: &mut Vec<i32>) {
    // A page weight of 1 is encoded as 25. Since most words should be this weight,
    // we want to sort them to be first in the locations array to reduce filesize
    // when we inline weight changes.
    // We then sort by position within each weight group,
    // which helps us delta encode the index.
    let key = |p: &FossickedWord| (if p.weight == 25 { 0 } else { p.weight }, p.position);
    // Usually in order already (one weight, positions as read): checked
    // rather than sorted, with no key vector made (our patch).
    if !positions.is_sorted_by_key(key) {
        positions.sort_by_key(key);
    }

    let mut current_weight = 25;
    locs.clear();
    let weighted_positions = locs;
    let mut last_position = 0;

    // Calculate our output list of positions with weights.
    // This is a vec of page positions, with a change in weight for subsequent positions
    // denoted by a negative integer.
    for &mut FossickedWord {
        position, weight, ..
    } in positions
    {
        if weight != current_weight {
            // Weight change: emit marker + absolute position, new delta base
            weighted_positions.push(-(weight as i32) - 1);
            weighted_positions.push(position as i32);
            last_position = position;
            current_weight = weight;
        } else {
            // emit delta from previous position
            weighted_positions.push((position - last_position) as i32);
            last_position = position;
        }
    }
}

/// Pagefind's chunking of the words (in their order): a chunk closes
/// once its words' sizes reach `chunk_size`.
fn chunk_by_size<T>(words: Vec<T>, size: impl Fn(&T) -> usize, chunk_size: usize) -> Vec<Vec<T>> {
    let mut index_chunks = Vec::new();

    let mut index_chunk = Vec::new();
    let mut index_chunk_size = 0;
    for word in words.into_iter() {
        index_chunk_size += size(&word);
        index_chunk.push(word);
        if index_chunk_size >= chunk_size {
            index_chunks.push(std::mem::take(&mut index_chunk));
            index_chunk_size = 0;
        }
    }
    if !index_chunk.is_empty() {
        index_chunks.push(index_chunk);
    }

    index_chunks
}

/// Pagefind's own `chunk_index`, over `PackedWord`s (its tests').
#[cfg(test)]
fn chunk_index(word_map: HashMap<String, PackedWord>, chunk_size: usize) -> Vec<Vec<PackedWord>> {
    let mut words = word_map
        .into_iter()
        .map(|(_, w)| w)
        .collect::<Vec<PackedWord>>();
    words.sort_unstable_by(|a, b| a.word.cmp(&b.word));
    let size = |word: &PackedWord| {
        word.pages
            .iter()
            .chain(word.additional_variants.iter().flat_map(|v| &v.pages))
            .map(|p| p.locs.len() + p.meta_locs.len() + 1)
            .sum::<usize>()
            + word.additional_variants.len()
    };
    chunk_by_size(words, size, chunk_size)
}

#[cfg(test)]
fn chunk_meta(indexes: &[Vec<PackedWord>]) -> Vec<MetaChunk> {
    chunk_meta_of(
        indexes
            .iter()
            .map(|c| (c.first().map(|w| &w.word[..]), c.last().map(|w| &w.word[..])))
            .collect(),
    )
}

/// The chunks' word ranges for the metadata, from each chunk's first and
/// last word, trimmed to the prefixes that tell them apart.
fn chunk_meta_of(bounds: Vec<(Option<&str>, Option<&str>)>) -> Vec<MetaChunk> {
    let mut named_chunks: Vec<MetaChunk> = Vec::new();

    for (first, last) in bounds {
        named_chunks.push(MetaChunk {
            from: first.map_or("".into(), |w| w.to_string()),
            to: last.map_or("".into(), |w| w.to_string()),
            hash: "".into(),
        });
    }
    if named_chunks.len() > 1 {
        for i in 0..named_chunks.len() - 1 {
            let chunks = &mut named_chunks[i..=i + 1];
            let prefixes = get_prefixes((&chunks[0].to, &chunks[1].from));
            // Only trim 'to' if it won't create an invalid range (to < from)
            if prefixes.0 >= chunks[0].from {
                chunks[0].to = prefixes.0;
            }
            // Always trim the next chunk's 'from'
            chunks[1].from = prefixes.1;
        }
    }

    named_chunks
}

fn get_prefixes((a, b): (&str, &str)) -> (String, String) {
    let common_prefix_length: usize = b
        .chars()
        .zip(a.chars())
        .take_while(|&(a, b)| a == b)
        .count();

    let a_prefix = a.chars().take(common_prefix_length + 1).collect::<String>();
    let b_prefix = b.chars().take(common_prefix_length + 1).collect::<String>();

    (a_prefix, b_prefix)
}

fn parse_int_sort(value: &str) -> Option<i32> {
    lexical_core::parse::<i32>(value.as_bytes()).ok()
}

fn parse_float_sort(value: &str) -> Option<f32> {
    lexical_core::parse::<f32>(value.as_bytes()).ok()
}

/// Encode meta positions with field ID markers.
/// Negative numbers switch field IDs, positive numbers are delta-encoded positions.
/// e.g., [-1, 0, 5, -4, 2] means: field 0 positions [0, 5], field 3 positions [2]
fn meta_positions_to_packed(mut positions: Vec<MetaFossickedWord>) -> Vec<i32> {
    if positions.is_empty() {
        return vec![];
    }

    positions.sort_by_key(|p| (p.field_id, p.position));

    let mut current_field: Option<u16> = None;
    let mut last_position: u32 = 0;
    let mut result = Vec::with_capacity(positions.len() + 8);

    for MetaFossickedWord {
        field_id, position, ..
    } in positions
    {
        if Some(field_id) != current_field {
            result.push(-((field_id as i32) + 1));
            current_field = Some(field_id);
            last_position = 0;
        }
        result.push((position - last_position) as i32);
        last_position = position;
    }

    result
}

#[cfg(test)]
mod tests {
    use super::*;

    trait Mock {
        fn word(&mut self, word: &str, page_number: usize, locs: Vec<i32>);
    }
    impl Mock for HashMap<String, PackedWord> {
        fn word(&mut self, word: &str, page_number: usize, locs: Vec<i32>) {
            let page = PackedPage {
                page_number,
                locs,
                meta_locs: vec![],
            };
            match self.get_mut(word) {
                Some(w) => w.pages.push(page),
                None => {
                    let _ = self.insert(
                        word.into(),
                        PackedWord {
                            word: word.into(),
                            pages: vec![page],
                            additional_variants: vec![],
                        },
                    );
                }
            }
        }
    }

    fn test_words() -> HashMap<String, PackedWord> {
        let mut words = HashMap::new();
        words.word("apple", 1, vec![20, 40, 60]);
        words.word("apple", 5, vec![3, 6, 9]);
        words.word("apricot", 5, vec![45, 3432, 6003]);
        words.word("banana", 5, vec![100, 500, 900, 566]);
        words.word("peach", 5, vec![383, 2, 678]);

        words
    }

    /// The same postings, but held as diacritic variants rather than on the word itself
    fn test_variant_words() -> HashMap<String, PackedWord> {
        let mut words = test_words();
        for word in words.values_mut() {
            word.additional_variants.push(PackedVariant {
                form: format!("{}\u{0301}", word.word),
                pages: std::mem::take(&mut word.pages),
            });
        }
        words
    }

    #[test]
    fn build_index_chunks() {
        let chunks = chunk_index(test_words(), 8);

        assert_eq!(chunks.len(), 3);
        assert_eq!(chunks[0][0].word, "apple");
        assert_eq!(chunks[1][0].word, "apricot");
        assert_eq!(chunks[1][1].word, "banana");
        assert_eq!(chunks[2][0].word, "peach");
    }

    #[test]
    fn build_index_chunks_from_variant_words() {
        let chunks = chunk_index(test_variant_words(), 8);

        assert_eq!(chunks.len(), 3);
        assert_eq!(chunks[0][0].word, "apple");
        assert_eq!(chunks[1][0].word, "apricot");
        assert_eq!(chunks[1][1].word, "banana");
        assert_eq!(chunks[2][0].word, "peach");
    }

    #[test]
    fn build_chunk_meta() {
        let chunks = chunk_index(test_words(), 8);
        let meta = chunk_meta(&chunks);
        assert_eq!(meta.len(), 3);
        assert_eq!(
            meta[0],
            MetaChunk {
                from: "apple".into(),
                to: "apple".into(), // Not trimmed to "app" since that would make to < from
                hash: "".into(),
            }
        );
        assert_eq!(
            meta[1],
            MetaChunk {
                from: "apr".into(),
                to: "b".into(),
                hash: "".into(),
            }
        );
        assert_eq!(
            meta[2],
            MetaChunk {
                from: "p".into(),
                to: "peach".into(),
                hash: "".into(),
            }
        );
    }

    #[test]
    fn common_prefix() {
        assert_eq!(
            get_prefixes(("apple", "apricot")),
            ("app".into(), "apr".into())
        );
        assert_eq!(
            get_prefixes(("cataraman", "yacht")),
            ("c".into(), "y".into())
        );
        assert_eq!(
            get_prefixes(("cath", "cathartic")),
            ("cath".into(), "catha".into())
        );
        // This should be an invalid state, but just in case:
        assert_eq!(
            get_prefixes(("catha", "cath")),
            ("catha".into(), "cath".into())
        );
    }
}
