//! Who gets how much of what was bought, and what each share costs. Both are exact: quantities
//! are split in thousandths and money in the currency's minor unit by the largest-remainder
//! method, so the shares always add up to exactly what was bought and what was paid. Ties are
//! broken by the larger ask, then by the person's key, so the same inputs always give the same
//! split whatever order they come in.

use serde::{Deserialize, Serialize};

use crate::domain::packs::{Fairness, Granularity, PackBid, share_shortage};
use crate::domain::quantity::Quantity;

/// Why someone gets what they get.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum AllocationReason {
    /// Everything they asked for.
    InFull,
    /// The store had less than was asked: everyone's ask was cut in proportion.
    ShortageCut,
    /// More was bought than was claimed: the leader holds the rest.
    SurplusToLeader,
}

impl AllocationReason {
    pub fn as_str(self) -> &'static str {
        match self {
            AllocationReason::InFull => "in_full",
            AllocationReason::ShortageCut => "shortage_cut",
            AllocationReason::SurplusToLeader => "surplus_to_leader",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        [
            AllocationReason::InFull,
            AllocationReason::ShortageCut,
            AllocationReason::SurplusToLeader,
        ]
        .into_iter()
        .find(|reason| reason.as_str() == name)
    }
}

/// One person's part of a bought product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share<K> {
    pub who: K,
    /// Their committed bid (zero for a leader who holds a surplus they did not ask for).
    pub asked: Quantity,
    pub quantity: Quantity,
    pub reason: AllocationReason,
}

/// Splits `bought` among the committed asks `claims` (one per person, positive):
/// - as much as was asked or more: everyone gets their ask, and whatever nobody claimed goes to
///   `leader` (added to their share, or a share of its own);
/// - less than was asked: everyone gets `ask × bought / asked`, rounded down to a thousandth,
///   and the thousandths left over go one each to the largest remainders. Nobody gets more than
///   they asked.
///
/// The shares are ordered by `who` and add up to exactly `bought`.
pub fn allocate<K: Ord + Copy>(
    bought: Quantity,
    claims: &[(K, Quantity)],
    leader: K,
) -> Vec<Share<K>> {
    let mut claims: Vec<(K, Quantity)> = claims.to_vec();
    claims.sort_by_key(|claim| claim.0);
    let asked: Quantity = claims.iter().map(|(_, ask)| *ask).sum();
    if asked <= bought {
        let mut shares: Vec<Share<K>> = claims
            .iter()
            .map(|&(who, ask)| Share {
                who,
                asked: ask,
                quantity: ask,
                reason: AllocationReason::InFull,
            })
            .collect();
        let surplus = bought - asked;
        if !surplus.is_zero() {
            match shares.iter_mut().find(|share| share.who == leader) {
                Some(share) => {
                    share.quantity = share.quantity + surplus;
                    share.reason = AllocationReason::SurplusToLeader;
                }
                None => {
                    shares.push(Share {
                        who: leader,
                        asked: Quantity::ZERO,
                        quantity: surplus,
                        reason: AllocationReason::SurplusToLeader,
                    });
                    shares.sort_by_key(|share| share.who);
                }
            }
        }
        return shares;
    }
    let weights: Vec<(K, i64)> = claims
        .iter()
        .map(|&(who, ask)| (who, ask.thousandths()))
        .collect();
    let parts = largest_remainder(bought.thousandths(), &weights);
    claims
        .iter()
        .zip(parts)
        .map(|(&(who, ask), part)| Share {
            who,
            asked: ask,
            quantity: Quantity::from_thousandths(part),
            reason: AllocationReason::ShortageCut,
        })
        .collect()
}

/// Like [`allocate`], for a product bought by the pack rule: a shortage is cut as the rule cuts
/// an open pack (`packs::share_shortage`), on the product's grain and by the run's fairness,
/// so whole jars stay whole. `claims` come in the order the bids were placed.
pub fn allocate_packed<K: Ord + Copy>(
    bought: Quantity,
    claims: &[(K, Quantity)],
    leader: K,
    granularity: Granularity,
    fairness: Fairness,
) -> Vec<Share<K>> {
    let asked: Quantity = claims.iter().map(|(_, ask)| *ask).sum();
    if asked <= bought {
        return allocate(bought, claims, leader);
    }
    let bids: Vec<PackBid<K>> = claims
        .iter()
        .map(|&(who, quantity)| PackBid {
            who,
            quantity,
            tolerance: Quantity::ZERO,
        })
        .collect();
    let gets = share_shortage(bought, &bids, granularity, fairness);
    let mut shares: Vec<Share<K>> = claims
        .iter()
        .zip(gets)
        .map(|(&(who, ask), quantity)| Share {
            who,
            asked: ask,
            quantity,
            reason: if quantity < ask {
                AllocationReason::ShortageCut
            } else {
                AllocationReason::InFull
            },
        })
        .collect();
    shares.sort_by_key(|share| share.who);
    shares
}

/// Splits an item's price among the shares of it: each pays `paid × quantity / bought` in minor
/// units, rounded by largest remainder, so the costs add up to exactly `paid`. `shares` are
/// `(who, quantity)`; the costs come back in the same order.
pub fn split_cost<K: Ord + Copy>(paid_minor: i64, shares: &[(K, Quantity)]) -> Vec<(K, i64)> {
    let weights: Vec<(K, i64)> = shares
        .iter()
        .map(|&(who, quantity)| (who, quantity.thousandths()))
        .collect();
    let parts = largest_remainder(paid_minor, &weights);
    shares
        .iter()
        .zip(parts)
        .map(|(&(who, _), cost)| (who, cost))
        .collect()
}

/// `amount` in whole units split in proportion to `weights`: each gets the floor of its exact
/// share, and the units left over go one each to the largest remainders (ties: larger weight,
/// then smaller key). Nothing is split when the weights add up to nothing.
pub(crate) fn largest_remainder<K: Ord + Copy>(amount: i64, weights: &[(K, i64)]) -> Vec<i64> {
    let sum: i128 = weights.iter().map(|(_, w)| i128::from(*w)).sum();
    if sum <= 0 || amount <= 0 {
        return vec![0; weights.len()];
    }
    let amount = i128::from(amount);
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, i64, K, usize)> = Vec::with_capacity(weights.len());
    for (index, &(who, weight)) in weights.iter().enumerate() {
        let exact = amount * i128::from(weight);
        parts.push(exact / sum);
        remainders.push((exact % sum, weight, who, index));
    }
    let mut left = amount - parts.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    for &(_, _, _, index) in &remainders {
        if left == 0 {
            break;
        }
        parts[index] += 1;
        left -= 1;
    }
    // Each exact share is rounded down by less than one unit, so fewer units than people are
    // left over and every part fits back into an i64.
    parts.into_iter().map(|part| part as i64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        Quantity::parse_up_to(text, Quantity::units(1_000_000)).unwrap()
    }

    #[test]
    fn a_packed_shortage_is_cut_in_whole_jars_and_adds_up() {
        // 5 + 4 + 3 jars held, the store had one case of 6.
        let claims = [(3, q("5")), (1, q("4")), (2, q("3"))];
        let shares = allocate_packed(
            q("6"),
            &claims,
            1,
            Granularity::WholeUnits,
            Fairness::Proportional,
        );
        let got: Vec<(i32, Quantity)> = shares.iter().map(|s| (s.who, s.quantity)).collect();
        assert_eq!(got, vec![(1, q("2")), (2, q("2")), (3, q("2"))]);
        assert!(
            shares
                .iter()
                .all(|s| s.reason == AllocationReason::ShortageCut)
        );
        let enough = allocate_packed(
            q("12"),
            &claims,
            1,
            Granularity::WholeUnits,
            Fairness::Proportional,
        );
        assert_eq!(enough, allocate(q("12"), &claims, 1));
    }

    #[test]
    fn a_shortage_is_cut_in_proportion() {
        // 2 kg bought of 3 asked: 1 → 0.667, 2 → 1.333.
        let shares = allocate(q("2"), &[(1, q("1")), (2, q("2"))], 1);
        assert_eq!(shares[0].quantity, q("0.667"));
        assert_eq!(shares[1].quantity, q("1.333"));
        assert!(
            shares
                .iter()
                .all(|s| s.reason == AllocationReason::ShortageCut)
        );
    }

    #[test]
    fn equal_remainders_go_to_the_larger_ask_then_the_smaller_key() {
        // 1 unit among three equal asks of 1: 0.333 each, one thousandth left for key 1.
        let shares = allocate(q("1"), &[(3, q("1")), (1, q("1")), (2, q("1"))], 9);
        let got: Vec<(i32, i64)> = shares
            .iter()
            .map(|s| (s.who, s.quantity.thousandths()))
            .collect();
        assert_eq!(got, vec![(1, 334), (2, 333), (3, 333)]);
    }

    #[test]
    fn a_surplus_goes_to_the_leader() {
        let shares = allocate(q("5"), &[(1, q("1")), (2, q("2"))], 1);
        assert_eq!(shares[0].quantity, q("3"));
        assert_eq!(shares[0].reason, AllocationReason::SurplusToLeader);
        assert_eq!(shares[1].reason, AllocationReason::InFull);
        let shares = allocate(q("5"), &[(1, q("1")), (2, q("2"))], 7);
        assert_eq!(shares.len(), 3);
        assert_eq!(shares[2].who, 7);
        assert_eq!(shares[2].asked, Quantity::ZERO);
        assert_eq!(shares[2].quantity, q("2"));
    }

    #[test]
    fn costs_add_up_to_what_was_paid() {
        // 10.00 for 3 equal shares: 3.34 + 3.33 + 3.33.
        let costs = split_cost(1000, &[(1, q("1")), (2, q("1")), (3, q("1"))]);
        assert_eq!(costs, vec![(1, 334), (2, 333), (3, 333)]);
        assert_eq!(split_cost(1000, &[(1, Quantity::ZERO)]), vec![(1, 0)]);
    }

    /// A small deterministic generator, so the properties below run over the same thousands of
    /// cases every time.
    struct Cases(u64);

    impl Cases {
        fn next(&mut self, below: i64) -> i64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % below as u64) as i64
        }
    }

    #[test]
    fn property_shares_add_up_nobody_gets_more_than_asked_in_a_shortage_and_order_does_not_matter()
    {
        let mut cases = Cases(42);
        for _ in 0..5_000 {
            let people = 1 + cases.next(12) as usize;
            let claims: Vec<(i64, Quantity)> = (0..people)
                .map(|who| {
                    (
                        who as i64,
                        Quantity::from_thousandths(1 + cases.next(9_999_000)),
                    )
                })
                .collect();
            let asked: Quantity = claims.iter().map(|c| c.1).sum();
            let bought = Quantity::from_thousandths(1 + cases.next(asked.thousandths() * 2));
            let leader = cases.next(people as i64 + 1);
            let shares = allocate(bought, &claims, leader);
            let total: Quantity = shares.iter().map(|s| s.quantity).sum();
            assert_eq!(total, bought, "shares add up to what was bought");
            for share in &shares {
                assert!(share.quantity >= Quantity::ZERO);
                if bought < asked {
                    assert!(share.quantity <= share.asked, "nobody gets more than asked");
                } else if share.who != leader {
                    assert_eq!(share.quantity, share.asked, "everyone gets their ask");
                }
            }
            let mut reversed = claims.clone();
            reversed.reverse();
            assert_eq!(allocate(bought, &reversed, leader), shares, "deterministic");

            let paid = cases.next(10_000_000);
            let weights: Vec<(i64, Quantity)> =
                shares.iter().map(|s| (s.who, s.quantity)).collect();
            let costs = split_cost(paid, &weights);
            assert_eq!(costs.iter().map(|c| c.1).sum::<i64>(), paid, "costs add up");
            for ((_, cost), (_, quantity)) in costs.iter().zip(&weights) {
                let exact =
                    paid as i128 * quantity.thousandths() as i128 / bought.thousandths() as i128;
                assert!((*cost as i128 - exact).abs() <= 1, "within a cent of exact");
            }
        }
    }
}
