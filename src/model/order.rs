//! Stable sorting through one shared routine. Each `sort_by` with its own element type or
//! comparator instantiates the whole standard sort again (some 5 KB of wasm apiece); sorting
//! positions with a `dyn` comparator keeps a single copy however many lists the app sorts.

use std::cmp::Ordering;

/// Positions `0..len` in stable sorted order, `compare` comparing the items at two positions.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the items into `order` (`order[i]` is the position of the item that goes to `i`).
fn arrange<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|at| slots[at].take()));
}

/// `slice::sort_by`: stable.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    arrange(items, order);
}

/// `slice::sort_by_cached_key`: stable, each key computed once.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    arrange(items, order);
}
