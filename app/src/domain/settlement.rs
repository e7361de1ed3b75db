//! Settling up between friends: from each person's net balance in one currency (what they paid
//! minus what their goods cost, in minor units; a group's balances add up to zero), the transfers
//! that bring everyone to zero.
//!
//! The rule, as the money page states it: people whose balances cancel out among themselves
//! settle among themselves. The people with a balance are split into as many groups that each
//! add up to zero as possible (exact, by trying every subset, for up to `EXACT_UP_TO` people;
//! beyond that everyone is one group); within a group, whoever owes most pays whoever is owed
//! most, then the next, so a group of `k` needs at most `k − 1` transfers and the whole plan the
//! fewest there can be. The same balances always give the same plan: people are taken in the
//! order of their ids, never in the order runs or payments happened.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};

/// Where a repayment between two friends stands. Only confirmed ones move balances.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum SettlementState {
    /// Recorded by the payer; the receiver has not confirmed it yet.
    Pending,
    Confirmed,
    /// Taken back by the payer before it was confirmed.
    Withdrawn,
}

impl SettlementState {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Up to this many people with a balance, the plan has the fewest transfers possible; the
/// search looks at every subset (2^15 of them, well under a millisecond).
pub const EXACT_UP_TO: usize = 15;

/// One payment of the plan: `from` owes `to` this many minor units (never less than one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transfer<P> {
    pub from: P,
    pub to: P,
    pub amount_minor: i64,
}

/// How the plan was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The fewest transfers possible.
    Fewest,
    /// More people than the exact search takes: paired in one group.
    Paired,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan<P> {
    pub transfers: Vec<Transfer<P>>,
    pub method: Method,
}

/// The transfers that settle `balances` (positive: owed money; negative: owes money). A person
/// named twice counts once, with the sum. Balances that do not add up to zero leave the
/// difference unsettled.
pub fn settle<P: Ord + Clone>(balances: &[(P, i64)]) -> Plan<P> {
    let mut net: BTreeMap<&P, i64> = BTreeMap::new();
    for (person, amount) in balances {
        *net.entry(person).or_default() += amount;
    }
    let people: Vec<(&P, i64)> = net.into_iter().filter(|(_, amount)| *amount != 0).collect();
    let (groups, method) = if people.len() <= EXACT_UP_TO {
        (zero_sum_groups(&people), Method::Fewest)
    } else {
        (vec![(0..people.len()).collect()], Method::Paired)
    };
    let transfers = groups
        .iter()
        .flat_map(|group| pair(group.iter().map(|&index| people[index])))
        .collect();
    Plan { transfers, method }
}

/// The most groups of `people` (indices) that each add up to zero, every person in one. By
/// dynamic programming over subsets: `most[mask]` is the most zero-sum groups the people of
/// `mask` split into; walking down from everyone, a mask adding up to zero closes a group.
fn zero_sum_groups<P>(people: &[(&P, i64)]) -> Vec<Vec<usize>> {
    let n = people.len();
    if n == 0 {
        return Vec::new();
    }
    let full: usize = (1 << n) - 1;
    let mut sums = vec![0i128; full + 1];
    let mut most = vec![0u8; full + 1];
    for mask in 1..=full {
        let lowest = mask.trailing_zeros() as usize;
        sums[mask] = sums[mask & (mask - 1)] + i128::from(people[lowest].1);
        let best = (0..n)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| most[mask ^ (1 << i)])
            .max()
            .unwrap_or(0);
        most[mask] = best + u8::from(sums[mask] == 0);
    }
    let mut groups = Vec::new();
    let mut current = Vec::new();
    let mut mask = full;
    while mask != 0 {
        // The first person whose removal keeps the most groups: the walk, and so the plan, is
        // the same every time.
        let Some(next) = (0..n).filter(|i| mask & (1 << i) != 0).max_by(|a, b| {
            most[mask ^ (1 << a)]
                .cmp(&most[mask ^ (1 << b)])
                .then(b.cmp(a))
        }) else {
            break;
        };
        current.push(next);
        mask ^= 1 << next;
        if sums[mask] == 0 {
            current.sort_unstable();
            groups.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups.sort();
    groups
}

/// Within one group: whoever owes most pays whoever is owed most (ties: the smaller id), until
/// one of them is square, then the next.
fn pair<'a, P: Ord + Clone + 'a>(group: impl Iterator<Item = (&'a P, i64)>) -> Vec<Transfer<P>> {
    let mut owe: Vec<(&P, i64)> = Vec::new();
    let mut owed: Vec<(&P, i64)> = Vec::new();
    for (person, amount) in group {
        if amount < 0 {
            owe.push((person, -amount));
        } else if amount > 0 {
            owed.push((person, amount));
        }
    }
    let by_size = |a: &(&P, i64), b: &(&P, i64)| b.1.cmp(&a.1).then(a.0.cmp(b.0));
    owe.sort_by(by_size);
    owed.sort_by(by_size);
    let mut transfers = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < owe.len() && j < owed.len() {
        let amount = owe[i].1.min(owed[j].1);
        if amount > 0 {
            transfers.push(Transfer {
                from: owe[i].0.clone(),
                to: owed[j].0.clone(),
                amount_minor: amount,
            });
        }
        owe[i].1 -= amount;
        owed[j].1 -= amount;
        if owe[i].1 == 0 {
            i += 1;
        }
        if owed[j].1 == 0 {
            j += 1;
        }
    }
    transfers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(balances: &[(&'static str, i64)]) -> Vec<(&'static str, &'static str, i64)> {
        settle(balances)
            .transfers
            .into_iter()
            .map(|t| (t.from, t.to, t.amount_minor))
            .collect()
    }

    #[test]
    fn two_people_settle_with_one_transfer() {
        assert_eq!(
            plan(&[("ana", 2340), ("bob", -2340)]),
            [("bob", "ana", 2340)]
        );
        assert_eq!(plan(&[("ana", 0), ("bob", 0)]), []);
    }

    #[test]
    fn people_who_cancel_out_settle_among_themselves() {
        // Ana and Bob cancel out, so do Cai, Dan and Eve: 1 + 2 transfers instead of 4.
        let balances = [
            ("ana", 500),
            ("bob", -500),
            ("cai", 1000),
            ("dan", -700),
            ("eve", -300),
        ];
        assert_eq!(
            plan(&balances),
            [
                ("bob", "ana", 500),
                ("dan", "cai", 700),
                ("eve", "cai", 300)
            ]
        );
        assert_eq!(settle(&balances).method, Method::Fewest);
    }

    #[test]
    fn a_person_named_twice_counts_once() {
        assert_eq!(
            plan(&[("ana", 300), ("bob", -100), ("ana", 100), ("bob", -300)]),
            [("bob", "ana", 400)]
        );
    }

    #[test]
    fn many_people_are_paired_in_one_group() {
        let names: Vec<String> = (0..20).map(|i| format!("p{i:02}")).collect();
        let balances: Vec<(String, i64)> = names
            .iter()
            .enumerate()
            .map(|(i, name)| (name.clone(), if i % 2 == 0 { 100 } else { -100 }))
            .collect();
        let plan = settle(&balances);
        assert_eq!(plan.method, Method::Paired);
        assert_eq!(plan.transfers.len(), 10);
    }
}

#[cfg(test)]
mod properties;
