//! A word's postings while a language's index is built (our patch): the
//! pages' entries packed as varints as they are closed, instead of one
//! `PackedPage` (56 bytes, and a heap block for its locations) per word
//! and page. On a 100,000-entity site that is the difference between
//! gigabytes and a few hundred megabytes. The last entry stays open,
//! because the page's meta words, which come after its text's, may still
//! add their locations to it. `into_pages` gives back the `PackedPage`s,
//! in page order, for the chunk being encoded.

use super::index_words::PackedPage;

#[derive(Default)]
pub struct Postings {
    /// The closed entries: page number (as the gap from the previous
    /// closed entry's), then the locations and the meta locations, each
    /// as a count and zigzag varints.
    packed: Vec<u8>,
    /// The page number of the last closed entry, the base of the next gap.
    last_closed: usize,
    open: Option<PackedPage>,
    /// What `chunk_index` counts for the chunk sizes: per page, its
    /// locations, meta locations and one.
    size: usize,
}

impl Postings {
    /// Adds a page after the others (page numbers rise).
    pub fn push(&mut self, page: PackedPage) {
        self.close();
        self.size += page.locs.len() + page.meta_locs.len() + 1;
        self.open = Some(page);
    }

    /// The last page added, while nothing came after it.
    pub fn last_mut(&mut self) -> Option<&mut PackedPage> {
        self.open.as_mut()
    }

    /// Sets the meta locations of the last page added.
    pub fn set_last_meta_locs(&mut self, meta_locs: Vec<i32>) {
        if let Some(open) = self.open.as_mut() {
            self.size = self.size - open.meta_locs.len() + meta_locs.len();
            open.meta_locs = meta_locs;
        }
    }

    pub fn size(&self) -> usize {
        self.size
    }

    fn close(&mut self) {
        let Some(page) = self.open.take() else {
            return;
        };
        varint(&mut self.packed, (page.page_number - self.last_closed) as u64);
        self.last_closed = page.page_number;
        for locs in [&page.locs, &page.meta_locs] {
            varint(&mut self.packed, locs.len() as u64);
            for &loc in locs {
                varint(&mut self.packed, zigzag(loc));
            }
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
