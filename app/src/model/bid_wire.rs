//! How a bid travels: as an array, `[participant, thousandths]`, with "interested only", the
//! comment, the tolerance (thousandths) and what was asked before the packs were shared out
//! appended only when there is one (`[3, 0, true]`, `[3, 2500, false, "if ripe"]`,
//! `[3, 4000, false, "", 2000]`, `[3, 5000, false, "", 2000, 4000]`).
//! A full run's thousand bids are most of its page data, and Leptos escapes that data once more
//! into the page, so field names on every bid would be most of its bytes.

use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::BidView;

impl Serialize for BidView {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = if self.asked.is_some() {
            6
        } else if !self.tolerance.is_zero() {
            5
        } else if !self.comment.is_empty() {
            4
        } else if self.interested_only {
            3
        } else {
            2
        };
        let mut wire = serializer.serialize_tuple(len)?;
        wire.serialize_element(&self.participant)?;
        wire.serialize_element(&self.quantity)?;
        if len >= 3 {
            wire.serialize_element(&self.interested_only)?;
        }
        if len >= 4 {
            wire.serialize_element(&self.comment)?;
        }
        if len >= 5 {
            wire.serialize_element(&self.tolerance)?;
        }
        if let Some(asked) = self.asked {
            wire.serialize_element(&asked)?;
        }
        wire.end()
    }
}

impl<'de> Deserialize<'de> for BidView {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(BidWire)
    }
}

struct BidWire;

impl<'de> Visitor<'de> for BidWire {
    type Value = BidView;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "a bid: [participant, thousandths, interested only?, comment?, tolerance?, asked?]",
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<BidView, A::Error> {
        let participant = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let quantity = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let interested_only = seq.next_element()?.unwrap_or(false);
        let comment = seq.next_element()?.unwrap_or_default();
        let tolerance = seq.next_element()?.unwrap_or_default();
        let asked = seq.next_element()?;
        Ok(BidView {
            participant,
            quantity,
            interested_only,
            comment,
            tolerance,
            asked,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quantity::Quantity;

    fn bid(quantity: i64, interested_only: bool, comment: &str) -> BidView {
        BidView {
            participant: 3,
            quantity: Quantity::from_thousandths(quantity),
            interested_only,
            comment: comment.to_owned(),
            tolerance: Quantity::ZERO,
            asked: None,
        }
    }

    #[test]
    fn a_bid_is_a_short_array_and_reads_back_the_same() {
        for (bid, json) in [
            (bid(2500, false, ""), r#"[3,2500]"#),
            (bid(0, true, ""), r#"[3,0,true]"#),
            (
                bid(2500, false, "if \"ripe\""),
                r#"[3,2500,false,"if \"ripe\""]"#,
            ),
            (
                BidView {
                    tolerance: Quantity::from_thousandths(2000),
                    ..bid(4000, false, "")
                },
                r#"[3,4000,false,"",2000]"#,
            ),
            (
                BidView {
                    tolerance: Quantity::from_thousandths(2000),
                    asked: Some(Quantity::from_thousandths(4000)),
                    ..bid(5000, false, "")
                },
                r#"[3,5000,false,"",2000,4000]"#,
            ),
        ] {
            assert_eq!(serde_json::to_string(&bid).unwrap(), json);
            assert_eq!(serde_json::from_str::<BidView>(json).unwrap(), bid);
        }
    }

    #[test]
    fn a_malformed_bid_is_an_error_not_a_guess() {
        for json in [
            "[3]",
            "[]",
            r#"{"participant":3}"#,
            "[3,2500,false,\"\",1,2,3]",
        ] {
            assert!(serde_json::from_str::<BidView>(json).is_err(), "{json}");
        }
    }
}
