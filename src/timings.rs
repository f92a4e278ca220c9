//! How long each stage of a run took, for `--timings`: the benchmark
//! (bench/run.sh) reads it to show where the next bottleneck is. Stages
//! are laps of one clock, so they add up to the whole run.

use std::time::{Duration, Instant};

pub struct Timings {
    last: Instant,
    pub stages: Vec<(&'static str, Duration)>,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            last: Instant::now(),
            stages: Vec::new(),
        }
    }
}

impl Timings {
    /// Records the time since the previous lap (or since the start) as
    /// `stage` (one word, for scripts); a stage lapped twice adds up.
    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let took = now - self.last;
        self.last = now;
        match self.stages.iter_mut().find(|(s, _)| *s == stage) {
            Some((_, d)) => *d += took,
            None => self.stages.push((stage, took)),
        }
    }

    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }

    /// One line a stage, `timing <stage> <milliseconds>`, then the total:
    /// easy to read, and to parse in a script.
    pub fn report(&self) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let mut out = String::new();
        for (stage, d) in &self.stages {
            out.push_str(&format!("timing {stage:<14} {:>10.1} ms\n", ms(*d)));
        }
        out.push_str(&format!(
            "timing {:<14} {:>10.1} ms\n",
            "total",
            ms(self.total())
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laps_add_up_and_repeat_stages_merge() {
        let mut t = Timings::default();
        t.lap("a");
        t.lap("b");
        t.lap("a");
        assert_eq!(
            t.stages.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(t.total(), t.stages[0].1 + t.stages[1].1);
        assert!(
            t.report()
                .lines()
                .last()
                .is_some_and(|l| l.starts_with("timing total"))
        );
    }
}
