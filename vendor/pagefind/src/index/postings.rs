//! A word's postings while a language's index is built (our patch): the
//! pages' entries packed as varints as they are closed, instead of one
//! `PackedPage` (56 bytes, and a heap block for its locations) per word
//! and page. On a 100,000-entity site that is the difference between
//! gigabytes and a few hundred megabytes. An entry's page number and
//! locations are packed as it is pushed, from a slice (no vector made per
//! word and page); its meta locations wait until the next entry, because
//! the page's meta words, which come after its text's, may still add them.
//! `into_pages` gives back the `PackedPage`s, in page order, for the
//! chunk being encoded.

use super::index_words::PackedPage;

#[derive(Default)]
pub struct Postings {
    /// The entries: page number (as the gap from the previous entry's),
    /// then the locations and the meta locations, each as a count and
    /// zigzag varints; the last entry's meta locations are not there yet.
    packed: Vec<u8>,
    /// The page number of the last entry, the base of the next gap.
    last_page: usize,
    /// The last entry's page number and meta locations, while its meta
    /// locations may still change.
    open: Option<(usize, Vec<i32>)>,
    /// What `chunk_index` counts for the chunk sizes: per page, its
    /// locations, meta locations and one.
    size: usize,
}

impl Postings {
    /// Adds a page after the others (page numbers rise).
    #[cfg(test)]
    pub fn push(&mut self, page: PackedPage) {
        self.push_locs(page.page_number, &page.locs);
        self.set_last_meta_locs(page.meta_locs);
    }

    /// Adds a page after the others with its locations and, so far, no
    /// meta locations.
    pub fn push_locs(&mut self, page_number: usize, locs: &[i32]) {
        self.close();
        varint(&mut self.packed, (page_number - self.last_page) as u64);
        self.last_page = page_number;
        list(&mut self.packed, locs);
        self.size += locs.len() + 1;
        self.open = Some((page_number, Vec::new()));
    }

    /// The page number of the last page added, while its meta locations
    /// may still be set.
    pub fn last_page(&self) -> Option<usize> {
        self.open.as_ref().map(|(page, _)| *page)
    }

    /// Sets the meta locations of the last page added.
    pub fn set_last_meta_locs(&mut self, meta_locs: Vec<i32>) {
        if let Some((_, open)) = self.open.as_mut() {
            self.size = self.size - open.len() + meta_locs.len();
            *open = meta_locs;
        }
    }

    pub fn size(&self) -> usize {
        self.size
    }

    /// Packs the last entry's meta locations: nothing can change it now.
    fn close(&mut self) {
        if let Some((_, meta_locs)) = self.open.take() {
            list(&mut self.packed, &meta_locs);
        }
    }

    /// The pages, in order, with their meta locations' field ids passed
    /// through `renumber`.
    pub fn into_pages(mut self, renumber: impl Fn(&mut Vec<i32>)) -> Vec<PackedPage> {
        self.close();
        let mut pages = Vec::new();
        let mut bytes = &self.packed[..];
        let mut page_number = 0;
        while !bytes.is_empty() {
            page_number += read_varint(&mut bytes) as usize;
            let mut lists = [Vec::new(), Vec::new()];
            for list in lists.iter_mut() {
                let n = read_varint(&mut bytes) as usize;
                list.reserve_exact(n);
                for _ in 0..n {
                    list.push(unzigzag(read_varint(&mut bytes)));
                }
            }
            let [locs, mut meta_locs] = lists;
            renumber(&mut meta_locs);
            pages.push(PackedPage {
                page_number,
                locs,
                meta_locs,
            });
        }
        pages
    }
}

/// A count, then each value zigzagged.
fn list(out: &mut Vec<u8>, values: &[i32]) {
    varint(out, values.len() as u64);
    for &v in values {
        varint(out, zigzag(v));
    }
}

fn zigzag(v: i32) -> u64 {
    ((v << 1) ^ (v >> 31)) as u32 as u64
}

fn unzigzag(v: u64) -> i32 {
    let v = v as u32;
    ((v >> 1) as i32) ^ -((v & 1) as i32)
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint that `varint` wrote: the bytes are ours, so they are
/// never cut short.
fn read_varint(bytes: &mut &[u8]) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = bytes[0];
        *bytes = &bytes[1..];
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(page_number: usize, locs: Vec<i32>, meta_locs: Vec<i32>) -> PackedPage {
        PackedPage {
            page_number,
            locs,
            meta_locs,
        }
    }

    #[test]
    fn pages_come_back_as_they_went_in() {
        let pages = vec![
            page(0, vec![3, -26, 0, 5], vec![]),
            page(7, vec![], vec![-1, 0, 2]),
            page(7000, vec![i32::MAX, i32::MIN, -1, 0], vec![-2, 4]),
            page(7001, vec![1], vec![]),
        ];
        let mut postings = Postings::default();
        for p in pages.clone() {
            postings.push(p);
        }
        // The meta locations of the open page can still change.
        postings.set_last_meta_locs(vec![-1, 9]);
        let mut expected = pages;
        expected[3].meta_locs = vec![-1, 9];
        let size: usize = expected
            .iter()
            .map(|p| p.locs.len() + p.meta_locs.len() + 1)
            .sum();
        assert_eq!(postings.size(), size);
        let back = postings.into_pages(|_| {});
        let as_tuples = |v: &[PackedPage]| {
            v.iter()
                .map(|p| (p.page_number, p.locs.clone(), p.meta_locs.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(as_tuples(&back), as_tuples(&expected));
    }
}
