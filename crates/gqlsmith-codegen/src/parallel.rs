//! Work spread over the machine's cores with rayon, with results in input order, so that the
//! output never depends on scheduling.
//!
//! Every call shares rayon's one global pool, so nested work (targets side by side, each
//! formatting its files in pieces) never starts more threads than there are cores. A panic in
//! a worker reaches the caller as a panic, as it would on one thread.

use rayon::prelude::*;

use crate::Config;

/// `work` applied to every item, the results in the order of `items`: on rayon's pool, or,
/// under `config.single_threaded`, on the calling thread without touching the pool at all
/// (inside a proc macro, proc-macro2, which syn uses, works only on the macro's own thread).
pub(crate) fn map_in_order<T, R>(
    items: &[T],
    config: &Config,
    work: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    if config.single_threaded {
        items.iter().map(work).collect()
    } else {
        items.par_iter().map(work).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_on_the_pool_and_on_one_thread() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven work, so that workers finish out of order.
        let work = |n: &u64| (0..(n % 7) * 1000).fold(*n, |acc, x| acc.wrapping_add(x));
        let serial_config = Config {
            single_threaded: true,
            ..Config::default()
        };
        let serial = map_in_order(&items, &serial_config, work);
        assert_eq!(map_in_order(&items, &Config::default(), work), serial);
    }

    #[test]
    fn single_threaded_work_stays_on_the_calling_thread() {
        let config = Config {
            single_threaded: true,
            ..Config::default()
        };
        let caller = std::thread::current().id();
        let threads = map_in_order(&[1, 2, 3], &config, |_| std::thread::current().id());
        assert!(threads.iter().all(|id| *id == caller));
    }

    #[test]
    fn no_items_no_results() {
        assert!(map_in_order(&[] as &[u8], &Config::default(), |x| *x).is_empty());
    }
}
