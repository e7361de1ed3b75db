//! Packs: how many cases or sacks a run buys of a product the store sells by the pack, and who
//! gets what. The rule (ADR 30):
//! - the bids ask for `Q` in all, their tolerances ("up to N more to fill a pack") add up to `T`;
//!   with pack size `P`, `Q / P` full packs are bought, plus one more only when the remainder
//!   `R = Q mod P` and `T` together reach `P`; a minimum order `M` is met with tolerance only
//!   when `Q + T` reaches it (rounded up to whole packs); goods sold loose are not rounded;
//! - when tolerance fills a pack, the extra is spread over those who gave tolerance in
//!   proportion to it; when a pack is not completed and the leader rounds down, the cut falls in
//!   proportion to what each asked; when they round up, tolerance is used in full and the leader
//!   absorbs the rest. Both spreads are by largest remainder on the product's grain (whole jars
//!   stay whole), ties to the earlier bid. The leader may instead pick first come, first served:
//!   extras to the earliest tolerance, cuts from the latest bids.
//!
//! Everything is exact: quantities in thousandths, and what people get adds up to exactly what
//! is bought.

use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr};

use crate::domain::quantity::{MAX_BID, MAX_PURCHASE, Quantity, SCALE};
use crate::error::ErrorCode;

/// How finely a product may be shared out.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, AsRefStr, EnumString,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Jars, tins, bottles: nobody gets half of one.
    #[default]
    WholeUnits,
    /// Rice from a 25 kg sack: any amount, to the gram.
    AnyAmount,
}

impl Granularity {
    /// The smallest share, in thousandths of the unit.
    pub fn grain(self) -> i64 {
        match self {
            Granularity::WholeUnits => SCALE,
            Granularity::AnyAmount => 1,
        }
    }

    /// Whether `quantity` is a whole number of grains.
    pub fn fits(self, quantity: Quantity) -> bool {
        quantity.thousandths() % self.grain() == 0
    }
}

/// Who is favoured when packs do not come out even; the leader picks it per run.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    AsRefStr,
    EnumString,
    IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Fairness {
    /// Extras in proportion to tolerance, cuts in proportion to what was asked.
    #[default]
    Proportional,
    /// Extras to the earliest tolerance, cuts from the latest bids.
    FirstCome,
}

/// What to do with a pack that tolerance cannot complete.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    AsRefStr,
    EnumString,
    IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Buy the full packs only; the open remainder is cut.
    #[default]
    Down,
    /// Buy the open pack too; tolerance is used in full and the leader absorbs the rest.
    Up,
}

/// How a store sells a product. No size: sold loose, never rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackRule {
    pub size: Option<Quantity>,
    pub minimum: Option<Quantity>,
    pub granularity: Granularity,
}

impl PackRule {
    pub const LOOSE: PackRule = PackRule {
        size: None,
        minimum: None,
        granularity: Granularity::AnyAmount,
    };

    /// A rule as someone typed it: a pack size and a minimum order, each empty or a quantity
    /// above 0 (up to 9 999 for a pack, 99 999 for a minimum), and at least one of them.
    pub fn parse(size: &str, minimum: &str, whole_units: bool) -> Result<Self, ErrorCode> {
        let optional = |raw: &str, max: Quantity| match raw.trim() {
            "" => Ok(None),
            raw => Quantity::parse_up_to(raw, max)
                .map(Some)
                .map_err(|_| ErrorCode::PackInvalid),
        };
        let rule = PackRule {
            size: optional(size, MAX_BID)?,
            minimum: optional(minimum, MAX_PURCHASE)?,
            granularity: if whole_units {
                Granularity::WholeUnits
            } else {
                Granularity::AnyAmount
            },
        };
        let whole = |quantity: Option<Quantity>| {
            quantity.is_none_or(|quantity| rule.granularity.fits(quantity))
        };
        if !rule.is_packed() || !whole(rule.size) || !whole(rule.minimum) {
            return Err(ErrorCode::PackInvalid);
        }
        Ok(rule)
    }

    /// Whether the store sells it by the pack or with a minimum order (not loose).
    pub fn is_packed(&self) -> bool {
        self.size.is_some() || self.minimum.is_some()
    }

    /// The most tolerance one bid may offer: a pack, or the minimum order when sold loose.
    pub fn tolerance_cap(&self) -> Option<Quantity> {
        self.size.or(self.minimum)
    }

    /// Whether a bid fits how the product is sold: whole units stay whole, and tolerance only
    /// where there is a pack (or minimum) to fill, at most one of it.
    pub fn check_bid(&self, quantity: Quantity, tolerance: Quantity) -> Result<(), ErrorCode> {
        if !self.granularity.fits(quantity) || !self.granularity.fits(tolerance) {
            return Err(ErrorCode::WholeUnitsOnly);
        }
        if !tolerance.is_zero() && self.tolerance_cap().is_none_or(|cap| tolerance > cap) {
            return Err(ErrorCode::ToleranceInvalid);
        }
        Ok(())
    }
}

/// One person's bid, as the pack rule reads it. Bids come in the order they were placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackBid<K> {
    pub who: K,
    pub quantity: Quantity,
    pub tolerance: Quantity,
}

/// What one person gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackShare<K> {
    pub who: K,
    pub asked: Quantity,
    pub tolerance: Quantity,
    pub gets: Quantity,
}

impl<K> PackShare<K> {
    /// What their tolerance took on.
    pub fn extra(&self) -> Quantity {
        (self.gets - self.asked).max(Quantity::ZERO)
    }

    /// What they lose of their ask.
    pub fn cut(&self) -> Quantity {
        (self.asked - self.gets).max(Quantity::ZERO)
    }
}

/// What a run buys of one product, and who gets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackPlan<K> {
    /// What the bids asked for (`Q`).
    pub ordered: Quantity,
    /// The tolerance offered (`T`).
    pub tolerance: Quantity,
    /// What to buy.
    pub to_buy: Quantity,
    /// `to_buy` in packs, for a product sold by the pack.
    pub packs: Option<i64>,
    /// What nobody asked for or offered to take, held by the leader (rounding up only).
    pub absorbed: Quantity,
    /// False when a minimum order could not be met, and so nothing is bought.
    pub minimum_met: bool,
    /// One per bid, in the order given; `gets` adds up to `to_buy - absorbed`.
    pub shares: Vec<PackShare<K>>,
}

/// How full the open pack is: "9 of 12 — 3 more fills the case".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackMeter {
    pub size: Quantity,
    /// Packs the bids fill on their own.
    pub full_packs: i64,
    /// What the bids put into the next pack (`R`); zero when every pack is full.
    pub open: Quantity,
    /// The tolerance offered by everyone (`T`).
    pub tolerance: Quantity,
}

impl PackMeter {
    pub fn new(size: Quantity, ordered: Quantity, tolerance: Quantity) -> Self {
        let size_th = size.thousandths().max(1);
        Self {
            size,
            full_packs: ordered.thousandths() / size_th,
            open: Quantity::from_thousandths(ordered.thousandths() % size_th),
            tolerance,
        }
    }

    /// What bids would still have to add to fill the open pack on their own (zero when none is
    /// open): what "take the rest" adds to a bid.
    pub fn to_complete(&self) -> Quantity {
        if self.open.is_zero() {
            Quantity::ZERO
        } else {
            self.size - self.open
        }
    }

    /// What is missing even with everyone's tolerance: zero when the open pack will be bought.
    pub fn missing(&self) -> Quantity {
        (self.to_complete() - self.tolerance).max(Quantity::ZERO)
    }

    /// Whether tolerance completes the open pack.
    pub fn filled_by_tolerance(&self) -> bool {
        !self.open.is_zero() && self.missing().is_zero()
    }

    /// Packs that will be bought as things stand (before any rounding by the leader).
    pub fn packs_to_buy(&self) -> i64 {
        self.full_packs + i64::from(self.filled_by_tolerance())
    }
}

/// Works out what to buy and who gets what. Bids with nothing asked (interested only) belong
/// elsewhere; `rounding` applies only when tolerance cannot complete a pack or meet a minimum.
pub fn plan<K: Copy>(
    rule: &PackRule,
    bids: &[PackBid<K>],
    fairness: Fairness,
    rounding: Rounding,
) -> PackPlan<K> {
    let ordered: Quantity = bids.iter().map(|bid| bid.quantity).sum();
    let tolerance: Quantity = bids.iter().map(|bid| bid.tolerance).sum();
    let (to_buy, minimum_met) = quantity_to_buy(rule, ordered, tolerance, rounding);
    let extra = (to_buy - ordered).max(Quantity::ZERO);
    let from_tolerance = extra.min(tolerance);
    let absorbed = extra - from_tolerance;
    let grain = rule.granularity.grain();
    let changes: Vec<i64> = if to_buy >= ordered {
        let caps: Vec<i64> = bids.iter().map(|b| b.tolerance.thousandths()).collect();
        match fairness {
            Fairness::Proportional => spread(from_tolerance.thousandths(), &caps, grain),
            Fairness::FirstCome => fill_in_order(from_tolerance.thousandths(), &caps, false),
        }
    } else {
        let caps: Vec<i64> = bids.iter().map(|b| b.quantity.thousandths()).collect();
        let cut = (ordered - to_buy).thousandths();
        let cuts = match fairness {
            Fairness::Proportional => spread(cut, &caps, grain),
            Fairness::FirstCome => fill_in_order(cut, &caps, true),
        };
        cuts.into_iter().map(|cut| -cut).collect()
    };
    let shares = bids
        .iter()
        .zip(changes)
        .map(|(bid, change)| PackShare {
            who: bid.who,
            asked: bid.quantity,
            tolerance: bid.tolerance,
            gets: Quantity::from_thousandths(bid.quantity.thousandths() + change),
        })
        .collect();
    let packs = rule
        .size
        .filter(|size| !size.is_zero())
        .map(|size| to_buy.thousandths() / size.thousandths());
    PackPlan {
        ordered,
        tolerance,
        to_buy,
        packs,
        absorbed,
        minimum_met,
        shares,
    }
}

/// Whether the leader's rounding changes what is bought: an open pack (or an unmet minimum)
/// that tolerance cannot complete.
pub fn rounding_matters<K: Copy>(rule: &PackRule, bids: &[PackBid<K>]) -> bool {
    let ordered: Quantity = bids.iter().map(|bid| bid.quantity).sum();
    let tolerance: Quantity = bids.iter().map(|bid| bid.tolerance).sum();
    quantity_to_buy(rule, ordered, tolerance, Rounding::Down)
        != quantity_to_buy(rule, ordered, tolerance, Rounding::Up)
}

/// Who gets what when the store had less than the bids hold (`bought` below their sum): the cut
/// falls as the pack rule cuts an open pack, on the product's grain. One quantity per bid, in
/// the order given; they add up to `bought`.
pub fn share_shortage<K: Copy>(
    bought: Quantity,
    bids: &[PackBid<K>],
    granularity: Granularity,
    fairness: Fairness,
) -> Vec<Quantity> {
    let caps: Vec<i64> = bids.iter().map(|bid| bid.quantity.thousandths()).collect();
    let ordered: i64 = caps.iter().sum();
    let cut = (ordered - bought.thousandths().max(0)).max(0);
    let cuts = match fairness {
        Fairness::Proportional => spread(cut, &caps, granularity.grain()),
        Fairness::FirstCome => fill_in_order(cut, &caps, true),
    };
    caps.iter()
        .zip(cuts)
        .map(|(cap, cut)| Quantity::from_thousandths(cap - cut))
        .collect()
}

/// What to buy of `ordered` with `tolerance` to spare, and whether a minimum was met.
fn quantity_to_buy(
    rule: &PackRule,
    ordered: Quantity,
    tolerance: Quantity,
    rounding: Rounding,
) -> (Quantity, bool) {
    let size = rule.size.filter(|size| !size.is_zero());
    let mut to_buy = match size {
        None => ordered,
        Some(size) => {
            let meter = PackMeter::new(size, ordered, tolerance);
            let open_pack_bought =
                meter.filled_by_tolerance() || (rounding == Rounding::Up && !meter.open.is_zero());
            Quantity::from_thousandths(
                (meter.full_packs + i64::from(open_pack_bought)) * size.thousandths(),
            )
        }
    };
    let Some(minimum) = rule.minimum.filter(|minimum| !minimum.is_zero()) else {
        return (to_buy, true);
    };
    if ordered.is_zero() || to_buy >= minimum {
        return (to_buy, true);
    }
    let least = match size {
        None => minimum,
        Some(size) => {
            let packs = (minimum.thousandths() + size.thousandths() - 1) / size.thousandths();
            Quantity::from_thousandths(packs * size.thousandths())
        }
    };
    if ordered + tolerance >= least || rounding == Rounding::Up {
        to_buy = least;
        (to_buy, true)
    } else {
        (Quantity::ZERO, false)
    }
}

/// `amount` thousandths spread over people in proportion to `caps`, nobody above their cap:
/// first in whole grains by largest remainder (ties to the earlier), then any thousandths left
/// (only when the caps are not whole grains) one at a time to those with room.
fn spread(amount: i64, caps: &[i64], grain: i64) -> Vec<i64> {
    let total: i128 = caps.iter().map(|&cap| i128::from(cap.max(0))).sum();
    let mut parts = vec![0i64; caps.len()];
    if amount <= 0 || total <= 0 {
        return parts;
    }
    let amount = i128::from(amount).min(total);
    let grain = grain.max(1);
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(caps.len());
    for (index, &cap) in caps.iter().enumerate() {
        let exact = amount * i128::from(cap.max(0));
        // An exact share is at most the cap, so it fits in an i64.
        let floor = (exact / total) as i64;
        parts[index] = floor - floor % grain;
        remainders.push((exact - i128::from(parts[index]) * total, index));
    }
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let order: Vec<usize> = remainders.into_iter().map(|(_, index)| index).collect();
    let mut left = amount as i64 - parts.iter().sum::<i64>();
    for &index in &order {
        if left < grain {
            break;
        }
        if parts[index] + grain <= caps[index] {
            parts[index] += grain;
            left -= grain;
        }
    }
    while left > 0 {
        let before = left;
        for &index in &order {
            if left > 0 && parts[index] < caps[index] {
                parts[index] += 1;
                left -= 1;
            }
        }
        if left == before {
            break;
        }
    }
    parts
}

/// `amount` taken from `caps` whole, in order (from the last when `from_last`).
fn fill_in_order(amount: i64, caps: &[i64], from_last: bool) -> Vec<i64> {
    let mut parts = vec![0i64; caps.len()];
    let mut left = amount.max(0);
    let indices: Vec<usize> = if from_last {
        (0..caps.len()).rev().collect()
    } else {
        (0..caps.len()).collect()
    };
    for index in indices {
        let take = left.min(caps[index].max(0));
        parts[index] = take;
        left -= take;
    }
    parts
}

#[cfg(test)]
mod properties;

#[cfg(test)]
mod tests {
    use super::*;

    fn q(units: i64) -> Quantity {
        Quantity::units(units)
    }

    fn bid(who: u32, quantity: i64, tolerance: i64) -> PackBid<u32> {
        PackBid {
            who,
            quantity: q(quantity),
            tolerance: q(tolerance),
        }
    }

    fn jars(size: i64) -> PackRule {
        PackRule {
            size: Some(q(size)),
            minimum: None,
            granularity: Granularity::WholeUnits,
        }
    }

    fn gets(plan: &PackPlan<u32>) -> Vec<i64> {
        plan.shares
            .iter()
            .map(|share| share.gets.thousandths() / SCALE)
            .collect()
    }

    #[test]
    fn three_friends_fill_a_case_of_twelve_with_tolerance() {
        // 4 + 3 + 2 = 9 asked, tolerance 2 + 3 = 5 ≥ the 3 missing: one case; the 3 extra jars
        // go 2 : 3 by tolerance → 1.2 and 1.8 → 1 and 2.
        let bids = [bid(1, 4, 0), bid(2, 3, 2), bid(3, 2, 3)];
        let plan = plan(&jars(12), &bids, Fairness::Proportional, Rounding::Down);
        assert_eq!((plan.to_buy, plan.packs), (q(12), Some(1)));
        assert_eq!(gets(&plan), vec![4, 4, 4]);
        let meter = PackMeter::new(q(12), plan.ordered, plan.tolerance);
        assert_eq!((meter.open, meter.to_complete()), (q(9), q(3)));
        assert!(meter.filled_by_tolerance());
    }

    #[test]
    fn first_come_gives_the_extra_to_the_earliest_tolerance() {
        let bids = [bid(1, 4, 0), bid(2, 3, 2), bid(3, 2, 3)];
        let plan = plan(&jars(12), &bids, Fairness::FirstCome, Rounding::Down);
        assert_eq!(gets(&plan), vec![4, 5, 3]);
    }

    #[test]
    fn an_open_pack_rounded_down_is_cut_in_proportion_to_the_asks() {
        // 10 + 5 = 15 of 12s, no tolerance: one case, the 3 over are cut 2 : 1.
        let bids = [bid(1, 10, 0), bid(2, 5, 0)];
        let plan = plan(&jars(12), &bids, Fairness::Proportional, Rounding::Down);
        assert_eq!((plan.to_buy, plan.packs), (q(12), Some(1)));
        assert_eq!(gets(&plan), vec![8, 4]);
        let plan = plan_first_come(&bids);
        assert_eq!(gets(&plan), vec![10, 2]);
    }

    fn plan_first_come(bids: &[PackBid<u32>]) -> PackPlan<u32> {
        plan(&jars(12), bids, Fairness::FirstCome, Rounding::Down)
    }

    #[test]
    fn an_open_pack_rounded_up_uses_all_tolerance_and_the_leader_absorbs_the_rest() {
        let bids = [bid(1, 10, 0), bid(2, 5, 1)];
        let plan = plan(&jars(12), &bids, Fairness::Proportional, Rounding::Up);
        assert_eq!((plan.to_buy, plan.packs), (q(24), Some(2)));
        assert_eq!(gets(&plan), vec![10, 6]);
        assert_eq!(plan.absorbed, q(8));
    }

    #[test]
    fn loose_goods_are_not_rounded() {
        let bids = [
            PackBid {
                who: 1,
                quantity: Quantity::from_thousandths(1_250),
                tolerance: Quantity::ZERO,
            },
            bid(2, 2, 0),
        ];
        let plan = plan(
            &PackRule::LOOSE,
            &bids,
            Fairness::Proportional,
            Rounding::Down,
        );
        assert_eq!(plan.to_buy, Quantity::from_thousandths(3_250));
        assert_eq!(plan.packs, None);
    }

    #[test]
    fn a_minimum_is_met_with_tolerance_only_when_it_reaches() {
        let rule = PackRule {
            size: None,
            minimum: Some(q(10)),
            granularity: Granularity::AnyAmount,
        };
        let short = plan(
            &rule,
            &[bid(1, 6, 3)],
            Fairness::Proportional,
            Rounding::Down,
        );
        assert!(!short.minimum_met);
        assert_eq!(short.to_buy, Quantity::ZERO);
        assert_eq!(gets(&short), vec![0]);
        let met = plan(
            &rule,
            &[bid(1, 6, 4)],
            Fairness::Proportional,
            Rounding::Down,
        );
        assert_eq!((met.to_buy, met.minimum_met), (q(10), true));
        assert_eq!(gets(&met), vec![10]);
    }

    #[test]
    fn a_minimum_by_the_pack_rounds_up_to_whole_packs() {
        let rule = PackRule {
            minimum: Some(q(20)),
            ..jars(12)
        };
        let met = plan(
            &rule,
            &[bid(1, 12, 12)],
            Fairness::Proportional,
            Rounding::Down,
        );
        assert_eq!((met.to_buy, met.packs), (q(24), Some(2)));
    }

    #[test]
    fn bids_must_fit_how_the_product_is_sold() {
        let case = jars(12);
        assert_eq!(case.check_bid(q(4), q(2)), Ok(()));
        assert_eq!(
            case.check_bid(Quantity::from_thousandths(1_500), Quantity::ZERO),
            Err(ErrorCode::WholeUnitsOnly)
        );
        assert_eq!(
            case.check_bid(q(4), q(13)),
            Err(ErrorCode::ToleranceInvalid)
        );
        assert_eq!(
            PackRule::LOOSE.check_bid(Quantity::from_thousandths(1_500), Quantity::ZERO),
            Ok(())
        );
        assert_eq!(
            PackRule::LOOSE.check_bid(q(1), q(1)),
            Err(ErrorCode::ToleranceInvalid)
        );
    }

    #[test]
    fn typed_rules_need_a_size_or_a_minimum_in_whole_units_when_whole() {
        assert_eq!(PackRule::parse("12", "", true), Ok(jars(12)));
        assert_eq!(PackRule::parse("", "", true), Err(ErrorCode::PackInvalid));
        assert_eq!(
            PackRule::parse("1.5", "", true),
            Err(ErrorCode::PackInvalid)
        );
        assert_eq!(PackRule::parse("0", "", false), Err(ErrorCode::PackInvalid));
        let sack = PackRule::parse("25", "50", false).unwrap();
        assert_eq!(
            (sack.size, sack.minimum, sack.granularity),
            (Some(q(25)), Some(q(50)), Granularity::AnyAmount)
        );
    }

    #[test]
    fn rounding_matters_only_for_a_pack_tolerance_cannot_fill() {
        let filled = [bid(1, 4, 0), bid(2, 3, 2), bid(3, 2, 3)];
        assert!(!rounding_matters(&jars(12), &filled));
        let open = [bid(1, 10, 0), bid(2, 5, 0)];
        assert!(rounding_matters(&jars(12), &open));
        assert!(!rounding_matters(&PackRule::LOOSE, &open));
    }

    #[test]
    fn a_shortage_in_the_store_is_cut_in_whole_jars() {
        // 5 + 4 + 3 = 12 held, the store had 6: cut 6 by 5 : 4 : 3 → 2.5, 2, 1.5 → 3, 2, 1.
        let bids = [bid(1, 5, 0), bid(2, 4, 0), bid(3, 3, 0)];
        let got = share_shortage(q(6), &bids, Granularity::WholeUnits, Fairness::Proportional);
        assert_eq!(got, vec![q(2), q(2), q(2)]);
        assert_eq!(got.iter().copied().sum::<Quantity>(), q(6));
        let got = share_shortage(q(6), &bids, Granularity::WholeUnits, Fairness::FirstCome);
        assert_eq!(got, vec![q(5), q(1), q(0)]);
    }

    #[test]
    fn granularity_names_round_trip() {
        assert_eq!(Granularity::WholeUnits.as_ref(), "whole_units");
        assert_eq!("first_come".parse(), Ok(Fairness::FirstCome));
    }
}
