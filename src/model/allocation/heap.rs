//! A heap of the pool's workers whose keys change: one entry per worker, moved up or down in
//! place when its key changes. Balancing changes two workers' keys per case moved; a heap
//! that only grows (stale entries skipped later) would grow to many times the pool and spend
//! its time waiting on memory.

/// Children per node: a shallower heap than a binary one, so a key that sinks passes fewer
/// levels on the way down.
const ARITY: usize = 4;

/// `x` as a key that sorts as `f64::total_cmp` sorts numbers, lowest first.
pub(crate) fn ascending(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// `x` as a key that sorts highest first.
pub(crate) fn descending(x: f64) -> u64 {
    !ascending(x)
}

/// The number an [`ascending`] key was made from.
pub(crate) fn number(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// The workers `0..n`, least key first; equal keys go to the lower worker index (the lower
/// post id: the pool is in post id order).
pub(crate) struct WorkerHeap<K> {
    /// (key, worker) in heap order: keys beside their workers, so comparing stays in the array.
    heap: Vec<(K, u32)>,
    /// Each worker's position in `heap`.
    at: Vec<u32>,
}

impl<K: Ord + Copy> WorkerHeap<K> {
    /// A heap of the workers `0..`, worker `w` at the `w`-th key.
    pub fn new(keys: impl IntoIterator<Item = K>) -> Self {
        // Pools are far smaller than u32::MAX workers (a plan is at most a file's worth).
        let heap: Vec<(K, u32)> = keys.into_iter().zip(0..).collect();
        let n = heap.len();
        let mut heap = WorkerHeap {
            heap,
            at: (0..n as u32).collect(),
        };
        for i in (0..n.div_ceil(ARITY)).rev() {
            heap.sift_down(i);
        }
        heap
    }

    /// Gives worker `w` a new key.
    pub fn set(&mut self, w: usize, key: K) {
        let i = self.at[w] as usize;
        let old = self.heap[i].0;
        self.heap[i].0 = key;
        match key.cmp(&old) {
            std::cmp::Ordering::Less => self.sift_up(i),
            std::cmp::Ordering::Greater => self.sift_down(i),
            std::cmp::Ordering::Equal => {}
        }
    }

    pub fn key(&self, w: usize) -> K {
        self.heap[self.at[w] as usize].0
    }

    /// The worker with the least key that `accept` accepts. Looks past the first only as far
    /// as it must: refused workers are few (the giver, someone at a plan's most cases).
    pub fn first(&self, mut accept: impl FnMut(usize) -> bool) -> Option<usize> {
        let &(_, root) = self.heap.first()?;
        if accept(root as usize) {
            return Some(root as usize);
        }
        // The next least are among the children of those looked at: a small frontier.
        let mut frontier: Vec<usize> = self.children(0).collect();
        while let Some((k, &i)) = frontier
            .iter()
            .enumerate()
            .min_by_key(|&(_, &i)| self.heap[i])
        {
            frontier.swap_remove(k);
            let w = self.heap[i].1 as usize;
            if accept(w) {
                return Some(w);
            }
            frontier.extend(self.children(i));
        }
        None
    }

    fn children(&self, i: usize) -> std::ops::Range<usize> {
        let first = (ARITY * i + 1).min(self.heap.len());
        first..(first + ARITY).min(self.heap.len())
    }

    /// Moves the entry at `i` up to its place, shifting parents down into the hole.
    fn sift_up(&mut self, mut i: usize) {
        let moving = self.heap[i];
        while i > 0 {
            let parent = (i - 1) / ARITY;
            if moving >= self.heap[parent] {
                break;
            }
            self.put(i, self.heap[parent]);
            i = parent;
        }
        self.put(i, moving);
    }

    /// Moves the entry at `i` down to its place, shifting the least child up into the hole.
    fn sift_down(&mut self, mut i: usize) {
        let moving = self.heap[i];
        while let Some(least) = self.children(i).min_by_key(|&c| self.heap[c]) {
            if self.heap[least] >= moving {
                break;
            }
            self.put(i, self.heap[least]);
            i = least;
        }
        self.put(i, moving);
    }

    fn put(&mut self, i: usize, entry: (K, u32)) {
        self.heap[i] = entry;
        self.at[entry.1 as usize] = i as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every worker in key order, as `first` finds them when each found one is refused after.
    fn in_order(heap: &WorkerHeap<u64>) -> Vec<usize> {
        let mut seen = Vec::new();
        while let Some(w) = heap.first(|w| !seen.contains(&w)) {
            seen.push(w);
        }
        seen
    }

    #[test]
    fn keys_sort_as_the_numbers_do() {
        let numbers = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            0.5,
            1.0,
            1.5,
            1e300,
        ];
        for pair in numbers.windows(2) {
            assert!(ascending(pair[0]) < ascending(pair[1]), "{pair:?}");
            assert!(descending(pair[0]) > descending(pair[1]), "{pair:?}");
        }
        for x in numbers {
            assert_eq!(number(ascending(x)).to_bits(), x.to_bits());
        }
    }

    #[test]
    fn least_key_first_and_ties_to_the_lower_worker() {
        let mut heap = WorkerHeap::new([5u64, 3, 9, 3, 1]);
        assert_eq!(heap.first(|_| true), Some(4));
        assert_eq!(in_order(&heap), [4, 1, 3, 0, 2]);
        heap.set(4, 10); // up past everyone
        heap.set(2, 0); // down to the top
        heap.set(1, 3); // unchanged
        assert_eq!(in_order(&heap), [2, 1, 3, 0, 4]);
        assert_eq!(heap.key(2), 0);
        assert_eq!(heap.first(|w| w == 0), Some(0));
        assert_eq!(heap.first(|_| false), None);
    }

    #[test]
    fn keys_changed_at_random_keep_the_order() {
        // A deterministic sequence of changes, checked against the keys kept aside.
        let n = 50;
        let mut keys: Vec<u64> = (0..n).map(|i| (i * 37 % 11) as u64).collect();
        let mut heap = WorkerHeap::new(keys.clone());
        let mut x = 7u64;
        for _ in 0..500 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let w = (x >> 33) as usize % n;
            let key = (x >> 50) % 20;
            keys[w] = key;
            heap.set(w, key);
            let expected = (0..n).min_by_key(|&i| (keys[i], i));
            assert_eq!(heap.first(|_| true), expected);
        }
        let mut sorted: Vec<usize> = (0..n).collect();
        sorted.sort_by_key(|&i| (keys[i], i));
        assert_eq!(in_order(&heap), sorted);
    }
}
