//! Properties of the pack rule over generated runs: exact totals, nobody above what they asked
//! plus their tolerance, whole jars stay whole, and equal people are treated alike.

use proptest::prelude::*;

use super::*;

/// A product, bids on it and the leader's choices, in whole units or in thousandths.
#[derive(Debug, Clone)]
struct Case {
    rule: PackRule,
    bids: Vec<PackBid<usize>>,
    fairness: Fairness,
    rounding: Rounding,
}

fn case() -> impl Strategy<Value = Case> {
    let whole = prop_oneof![Just(Granularity::WholeUnits), Just(Granularity::AnyAmount)];
    (
        whole,
        1i64..=30,
        proptest::option::of(1i64..=60),
        proptest::collection::vec((0i64..=40_000, 0i64..=1_000), 1..8),
        prop_oneof![Just(Fairness::Proportional), Just(Fairness::FirstCome)],
        prop_oneof![Just(Rounding::Down), Just(Rounding::Up)],
        any::<bool>(),
    )
        .prop_map(
            |(granularity, size, minimum, raw, fairness, rounding, packed)| {
                let grain = granularity.grain();
                let size = Quantity::units(size);
                // Tolerance is at most a pack, in whole grains like the bids.
                let bids = raw
                    .into_iter()
                    .enumerate()
                    .map(|(who, (quantity, tolerance))| PackBid {
                        who,
                        quantity: Quantity::from_thousandths(quantity - quantity % grain),
                        tolerance: Quantity::from_thousandths(
                            (tolerance * size.thousandths() / 1_000) / grain * grain,
                        ),
                    })
                    .collect();
                Case {
                    rule: PackRule {
                        size: packed.then_some(size),
                        minimum: minimum.map(Quantity::units),
                        granularity,
                    },
                    bids,
                    fairness,
                    rounding,
                }
            },
        )
}

fn plan_of(case: &Case) -> PackPlan<usize> {
    plan(&case.rule, &case.bids, case.fairness, case.rounding)
}

proptest! {
    #[test]
    fn what_people_get_adds_up_to_exactly_what_is_bought(case in case()) {
        let plan = plan_of(&case);
        let given: Quantity = plan.shares.iter().map(|share| share.gets).sum();
        prop_assert_eq!(given + plan.absorbed, plan.to_buy);
        if let (Some(size), Some(packs)) = (case.rule.size, plan.packs) {
            prop_assert_eq!(plan.to_buy.thousandths(), packs * size.thousandths());
        }
    }

    #[test]
    fn nobody_gets_less_than_nothing_or_more_than_ask_plus_tolerance(case in case()) {
        let plan = plan_of(&case);
        for share in &plan.shares {
            prop_assert!(share.gets >= Quantity::ZERO);
            prop_assert!(share.gets <= share.asked + share.tolerance);
        }
    }

    #[test]
    fn only_rounding_up_leaves_anything_to_absorb(case in case()) {
        let plan = plan_of(&case);
        if case.rounding == Rounding::Down {
            prop_assert_eq!(plan.absorbed, Quantity::ZERO);
        }
        prop_assert!(plan.absorbed == Quantity::ZERO || plan.tolerance <= plan.to_buy - plan.ordered);
    }

    #[test]
    fn whole_units_stay_whole(case in case()) {
        let plan = plan_of(&case);
        if case.rule.granularity == Granularity::WholeUnits {
            for share in &plan.shares {
                prop_assert!(Granularity::WholeUnits.fits(share.gets), "{:?}", share);
            }
        }
    }

    #[test]
    fn packs_follow_the_rule(case in case()) {
        let plan = plan_of(&case);
        let Some(size) = case.rule.size else { return Ok(()) };
        if case.rule.minimum.is_some() {
            return Ok(());
        }
        let meter = PackMeter::new(size, plan.ordered, plan.tolerance);
        let expected = match case.rounding {
            Rounding::Down => meter.packs_to_buy(),
            Rounding::Up => meter.full_packs + i64::from(!meter.open.is_zero()),
        };
        prop_assert_eq!(plan.packs, Some(expected));
    }

    #[test]
    fn equal_people_differ_by_at_most_one_grain(case in case()) {
        if case.fairness != Fairness::Proportional {
            return Ok(());
        }
        let plan = plan_of(&case);
        let grain = case.rule.granularity.grain();
        for a in &plan.shares {
            for b in &plan.shares {
                if a.tolerance == b.tolerance && a.asked == b.asked {
                    let (da, db) = (a.gets.thousandths(), b.gets.thousandths());
                    prop_assert!((da - db).abs() <= grain, "{:?} vs {:?}", a, b);
                }
                if a.tolerance == b.tolerance && plan.to_buy >= plan.ordered {
                    let (ea, eb) = (a.extra().thousandths(), b.extra().thousandths());
                    prop_assert!((ea - eb).abs() <= grain, "{:?} vs {:?}", a, b);
                }
            }
        }
    }
}
