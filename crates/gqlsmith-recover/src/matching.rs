//! Order-preserving matching of the unnamed blocks of one gap to candidate names: place as
//! many candidates as possible, then prefer the pairs with the most evidence, and say for each
//! pair whether another placement is nearly as good (then recovery abstains).

/// One chosen pair: block `block` takes candidate `candidate`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pair {
    pub(crate) block: usize,
    pub(crate) candidate: usize,
    pub(crate) score: f64,
    /// True when every placement of as many candidates puts this candidate on this block.
    pub(crate) forced: bool,
    /// How much total evidence is lost by the best placement without this pair (infinite
    /// when no placement of as many candidates exists without it).
    pub(crate) margin: f64,
}

/// Finds the best order-preserving matching of `blocks` blocks to `candidates` candidates
/// (both in page/ASCII order). `score(block, candidate)` is `None` for an impossible pair.
///
/// `placement` is what placing one more candidate is worth against evidence: every candidate
/// is a type the page should define somewhere in its gap, but a gap can also hold blocks no
/// one references and names of types documented elsewhere.
pub(crate) fn best_matching(
    blocks: usize,
    candidates: usize,
    placement: f64,
    score: &dyn Fn(usize, usize) -> Option<f64>,
) -> Vec<Pair> {
    let (best, pairs) = solve(blocks, candidates, placement, score, None);
    let placed = pairs.len();
    let compatible = |block: usize, candidate: usize| score(block, candidate).map(|_| 0.0);
    let (most, _) = solve(blocks, candidates, 1.0, &compatible, None);
    pairs
        .into_iter()
        .map(|(block, candidate)| {
            let (without, without_pairs) = solve(
                blocks,
                candidates,
                placement,
                score,
                Some((block, candidate)),
            );
            let (most_without, _) = solve(
                blocks,
                candidates,
                1.0,
                &compatible,
                Some((block, candidate)),
            );
            // Forced: without this pair, fewer candidates can be placed at all.
            let forced = most_without < most - 0.5;
            // The margin counts evidence only: a placement that names fewer blocks is not less
            // likely, it just abstains more.
            let fewer = placed.saturating_sub(without_pairs.len()) as f64;
            let margin = if forced {
                f64::INFINITY
            } else {
                best - without - placement * fewer
            };
            Pair {
                block,
                candidate,
                score: score(block, candidate).unwrap_or(0.0),
                forced,
                margin,
            }
        })
        .collect()
}

/// Dynamic programme over (blocks seen, candidates seen); `forbidden` removes one pair.
fn solve(
    blocks: usize,
    candidates: usize,
    placement: f64,
    score: &dyn Fn(usize, usize) -> Option<f64>,
    forbidden: Option<(usize, usize)>,
) -> (f64, Vec<(usize, usize)>) {
    let width = candidates + 1;
    let mut value = vec![0.0f64; (blocks + 1) * width];
    // 0 = skip block, 1 = skip candidate, 2 = pair.
    let mut step = vec![0u8; (blocks + 1) * width];
    for block in 0..=blocks {
        for candidate in 0..=candidates {
            if block == 0 && candidate == 0 {
                continue;
            }
            let mut best = f64::NEG_INFINITY;
            let mut how = 0;
            if block > 0 {
                best = value[(block - 1) * width + candidate];
            }
            if candidate > 0 && value[block * width + candidate - 1] > best {
                best = value[block * width + candidate - 1];
                how = 1;
            }
            if block > 0 && candidate > 0 && forbidden != Some((block - 1, candidate - 1)) {
                if let Some(evidence) = score(block - 1, candidate - 1) {
                    let paired = value[(block - 1) * width + candidate - 1] + placement + evidence;
                    if paired > best {
                        best = paired;
                        how = 2;
                    }
                }
            }
            value[block * width + candidate] = best;
            step[block * width + candidate] = how;
        }
    }
    let mut pairs = Vec::new();
    let (mut block, mut candidate) = (blocks, candidates);
    while block > 0 || candidate > 0 {
        match step[block * width + candidate] {
            2 => {
                pairs.push((block - 1, candidate - 1));
                block -= 1;
                candidate -= 1;
            }
            1 => candidate -= 1,
            _ => block -= 1,
        }
    }
    pairs.reverse();
    (value[blocks * width + candidates], pairs)
}

#[cfg(test)]
mod tests {
    use super::best_matching;

    /// `scores[block][candidate]`, `None` for an impossible pair; expect `block->candidate`
    /// pairs with `!` for forced and the margin otherwise.
    #[track_caller]
    fn check(scores: &[&[Option<f64>]], expect: &str) {
        let candidates = scores.first().map_or(0, |row| row.len());
        let pairs = best_matching(scores.len(), candidates, 1.0e6, &|b, c| scores[b][c]);
        let got: Vec<String> = pairs
            .iter()
            .map(|p| {
                if p.forced {
                    format!("{}->{}!", p.block, p.candidate)
                } else {
                    format!("{}->{}~{}", p.block, p.candidate, p.margin)
                }
            })
            .collect();
        assert_eq!(got.join(" "), expect);
    }

    #[test]
    fn as_many_blocks_as_candidates_is_forced() {
        check(
            &[&[Some(0.0), Some(0.0)], &[Some(0.0), Some(0.0)]],
            "0->0! 1->1!",
        );
    }

    #[test]
    fn evidence_picks_the_block_and_the_margin_says_how_clearly() {
        check(&[&[Some(0.0)], &[Some(3.0)], &[Some(1.0)]], "1->0~2");
        check(&[&[Some(2.0)], &[Some(2.0)]], "0->0~0");
    }

    #[test]
    fn impossible_pairs_are_never_chosen() {
        check(&[&[Some(0.0), None], &[None, Some(0.0)]], "0->0! 1->1!");
        // Crossing pairs are not order-preserving: one of them, and a tie between them.
        check(&[&[None, Some(0.0)], &[Some(0.0), None]], "0->1~0");
    }
}
