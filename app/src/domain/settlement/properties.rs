//! Properties of settling up over generated balances: everyone ends at zero, no transfer under a
//! cent or to oneself, never more than n − 1 transfers, never more than pairing everyone in one
//! group, and the same plan whatever order the balances come in.

use proptest::prelude::*;

use super::*;

/// Balances of up to `EXACT_UP_TO` people (ids 0..), adding up to zero; small amounts so that
/// groups cancelling out happen often.
fn balances() -> impl Strategy<Value = Vec<(u32, i64)>> {
    proptest::collection::vec(-3_000i64..=3_000, 1..EXACT_UP_TO).prop_map(|amounts| {
        let rest: i64 = amounts.iter().sum();
        let mut balances: Vec<(u32, i64)> = amounts
            .into_iter()
            .enumerate()
            .map(|(i, amount)| (i as u32, amount))
            .collect();
        balances.push((balances.len() as u32, -rest));
        balances
    })
}

fn apply(balances: &[(u32, i64)], transfers: &[Transfer<u32>]) -> BTreeMap<u32, i64> {
    let mut left: BTreeMap<u32, i64> = BTreeMap::new();
    for &(person, amount) in balances {
        *left.entry(person).or_default() += amount;
    }
    for transfer in transfers {
        *left.entry(transfer.from).or_default() += transfer.amount_minor;
        *left.entry(transfer.to).or_default() -= transfer.amount_minor;
    }
    left
}

proptest! {
    #[test]
    fn the_transfers_bring_everyone_to_zero(balances in balances()) {
        let plan = settle(&balances);
        prop_assert!(apply(&balances, &plan.transfers).values().all(|left| *left == 0));
        for transfer in &plan.transfers {
            prop_assert!(transfer.amount_minor >= 1);
            prop_assert_ne!(transfer.from, transfer.to);
        }
    }

    #[test]
    fn never_more_transfers_than_pairing_everyone_at_once(balances in balances()) {
        let with_balance = balances.iter().filter(|(_, amount)| *amount != 0).count();
        let plan = settle(&balances);
        prop_assert!(plan.transfers.len() <= with_balance.saturating_sub(1));
        let everyone = balances.iter().map(|(person, amount)| (person, *amount));
        prop_assert!(plan.transfers.len() <= pair(everyone).len());
    }

    #[test]
    fn the_same_balances_give_the_same_plan_in_any_order(
        balances in balances(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = balances.clone();
        // A cheap deterministic shuffle: sort by a hash of the person and the seed.
        shuffled.sort_by_key(|(person, _)| {
            (u64::from(*person) ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        });
        prop_assert_eq!(settle(&balances), settle(&shuffled));
    }
}
