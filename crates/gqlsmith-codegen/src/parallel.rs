//! Work spread over the machine's cores, with results in input order, so that the output
//! never depends on scheduling.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::Config;

/// How many threads generation may use: one inside a proc macro (proc-macro2, which syn uses,
/// works only on the macro's thread), else one per core.
pub(crate) fn worker_threads(config: &Config) -> usize {
    if config.single_threaded {
        1
    } else {
        std::thread::available_parallelism().map_or(1, usize::from)
    }
}

/// `work` applied to every item on up to `threads` threads, the results in the order of
/// `items`. Workers take the next item from a shared counter, so one slow item does not hold
/// up a whole share. With one thread (or one item) everything runs on the calling thread.
///
/// An item whose worker panicked comes back as `None` (with every other item that worker had
/// done); the caller decides whether to redo it on its own thread or report it.
pub(crate) fn map_in_order<T, R>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<Option<R>>
where
    T: Sync,
    R: Send,
{
    let workers = threads.min(items.len()).max(1);
    if workers == 1 {
        return items.iter().map(|item| Some(work(item))).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else {
                            break;
                        };
                        done.push((index, work(item)));
                    }
                    done
                })
            })
            .collect();
        for handle in handles {
            for (index, result) in handle.join().unwrap_or_default() {
                results[index] = Some(result);
            }
        }
    });
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_whatever_the_thread_count() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven work, so that workers finish out of order.
        let work = |n: &u64| (0..(n % 7) * 1000).fold(*n, |acc, x| acc.wrapping_add(x));
        let serial = map_in_order(&items, 1, work);
        for threads in [2, 3, 8] {
            assert_eq!(map_in_order(&items, threads, work), serial);
        }
        assert!(serial.iter().all(Option::is_some));
    }

    #[test]
    fn no_items_no_results() {
        assert!(map_in_order(&[] as &[u8], 4, |x| *x).is_empty());
    }
}
