//! What a notification tells: one kind per piece of news, stored and sent by its snake-case name.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum NotificationKind {
    RunStateChanged,
    RunCancelled,
    EveryoneReady,
    LeaderTransferRequested,
    LeaderTransferAccepted,
    LeaderTransferDeclined,
    RemovedFromGroup,
    /// A friend says they paid you: confirm it.
    PaymentSent,
    /// A repayment of yours was confirmed (or recorded by whoever received it).
    PaymentConfirmed,
}

impl NotificationKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::NotificationKind;

    #[test]
    fn kinds_read_back_from_their_names_and_nothing_else_does() {
        for kind in NotificationKind::iter() {
            assert_eq!(NotificationKind::from_name(kind.as_str()), Some(kind));
        }
        assert_eq!(NotificationKind::from_name("run_cancelled\0"), None);
        assert_eq!(NotificationKind::from_name(""), None);
    }
}
