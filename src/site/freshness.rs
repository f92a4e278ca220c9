//! Translations that have fallen behind: an entity whose language versions
//! were last changed by different commits, the older one being behind the
//! newer. An editor who checked the versions against each other writes
//! `translation_checked: <date>` in any of them: changes made up to that
//! day no longer count (so committing that line does not, in turn, make
//! the other language look behind).

use super::model::{Entity, Site, Version};

/// One version behind another of the same entity.
#[derive(Debug, Clone)]
pub struct Behind<'a> {
    pub entity: &'a Entity,
    pub version: &'a Version,
    pub newer: &'a Version,
    /// Commits that changed content/ since this version's last change,
    /// up to the newer version's.
    pub commits: usize,
    /// Days between the two changes.
    pub days: i64,
}

/// The versions of `entity` that are behind its most recently changed one.
pub fn behind_in(entity: &Entity) -> Vec<Behind<'_>> {
    let dated: Vec<&Version> = entity
        .versions
        .values()
        .filter(|v| v.last_change.is_some())
        .collect();
    // The newest change has the lowest rank (0 is the newest commit).
    let Some(newer) = dated
        .iter()
        .copied()
        .min_by_key(|v| v.last_change.as_ref().map(|c| c.rank))
    else {
        return Vec::new();
    };
    let Some(newest) = &newer.last_change else {
        return Vec::new();
    };
    let checked = entity
        .versions
        .values()
        .filter_map(|v| v.common.translation_checked)
        .max();
    if checked.is_some_and(|c| c >= newest.date) {
        return Vec::new();
    }
    dated
        .iter()
        .copied()
        .filter_map(|v| {
            let own = v.last_change.as_ref()?;
            if own.rank <= newest.rank {
                return None;
            }
            Some(Behind {
                entity,
                version: v,
                newer,
                commits: own.rank - newest.rank,
                days: newest.date.days() - own.date.days(),
            })
        })
        .collect()
}

/// Every version behind in the site, the longest behind first.
pub fn behind(site: &Site) -> Vec<Behind<'_>> {
    let mut all: Vec<Behind<'_>> = site.entities.values().flat_map(behind_in).collect();
    all.sort_by(|a, b| {
        let time = |x: &Behind<'_>| x.version.last_change.as_ref().map_or(0, |c| c.time);
        time(a)
            .cmp(&time(b))
            .then_with(|| a.version.file.cmp(&b.version.file))
    });
    all
}
