//! One sort for the crate and the app: a stable merge sort of positions
//! with the comparison behind a `dyn` call, so the member's WebAssembly
//! carries it once.
//!
//! The standard library's sorts are fast, but each element type and
//! comparison gets its own copy of their quicksort, pivot and small-sort
//! code: the app carried 52 such functions (26 KB before compression) for a
//! dozen sorts of short lists. Here only the small step that moves the
//! elements into their places is per type. It is stable, so for a total
//! order it gives the same result as `sort_unstable`, and as `sort_by_key`
//! always.

use std::cmp::Ordering;

/// Sorts `items` in place by `compare`, keeping the order of equal items.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    // Most lists sorted here are short and already in order (an answer's
    // letters, a bank's questions): those need no positions allocated.
    if (1..items.len()).all(|at| compare(&items[at - 1], &items[at]) != Ordering::Greater) {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` in place by the key `key` gives each, keeping the order of
/// equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in place in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them, equal ones in
/// their original order: a bottom-up merge sort, the one piece of sorting
/// code there is.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut spare = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut spare[start..end] {
                // Take from the left run unless the right one's head is
                // strictly smaller: that keeps equal items in order.
                let take_left = right >= end
                    || (left < middle && compare(order[right], order[left]) != Ordering::Less);
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// Moves each item to its place: `order[i]` is the current position of
/// the item that belongs at `i`. Follows each cycle of the permutation
/// with swaps, so no item is cloned.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // Each position is settled once: marking it with its own index ends
        // the cycle when it comes round again.
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

// Property tests run natively: proptest has no wasm32 backend here.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |item| item.0);
        assert_eq!(items, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn empty_and_single_lists_are_sorted() {
        let mut empty: [u8; 0] = [];
        sort(&mut empty);
        let mut one = ["x"];
        sort(&mut one);
        assert_eq!(one, ["x"]);
    }

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort_does(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut theirs = items.clone();
            theirs.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, theirs);
        }

        /// The shortcut for lists already in order (equal keys included)
        /// leaves them as the full sort would.
        #[test]
        fn lists_in_order_stay_as_the_stable_sort_leaves_them(items in proptest::collection::vec((0u8..4, any::<u16>()), 0..40), unsorted in any::<bool>()) {
            let mut items = items;
            items.sort_by_key(|item| item.0);
            if unsorted && items.len() > 1 {
                let last = items.len() - 1;
                items.swap(0, last);
            }
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut theirs = items;
            theirs.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sorts_strings_as_sort_unstable_does(items in proptest::collection::vec("[a-d]{0,3}", 0..200)) {
            let mut ours = items.clone();
            sort(&mut ours);
            let mut theirs = items;
            theirs.sort_unstable();
            prop_assert_eq!(ours, theirs);
        }
    }
}
