//! The sentence a grouped notification reads as, on the notifications page and in the toast of
//! one that arrives live.

use crate::components::run_badge::state_key;
use crate::domain::notification::NotificationKind;
use crate::i18n::{Arg, I18n, Key};
use crate::model::NotificationView;
use crate::tr;

/// The sentence for one grouped entry.
pub fn sentence(i18n: I18n, note: &NotificationView) -> String {
    let key = match note.kind {
        NotificationKind::RunStateChanged => Key::NoteRunStateChanged,
        NotificationKind::RunCancelled if note.reason.is_empty() => Key::NoteRunCancelled,
        NotificationKind::RunCancelled => Key::NoteRunCancelledWithReason,
        NotificationKind::EveryoneReady => Key::NoteEveryoneReady,
        NotificationKind::LeaderTransferRequested => Key::NoteTransferRequested,
        NotificationKind::LeaderTransferAccepted => Key::NoteTransferAccepted,
        NotificationKind::LeaderTransferDeclined => Key::NoteTransferDeclined,
        NotificationKind::RemovedFromGroup => Key::NoteRemovedFromGroup,
        NotificationKind::PaymentSent => Key::NotePaymentSent,
        NotificationKind::PaymentConfirmed => Key::NotePaymentConfirmed,
    };
    let state = note.state.map(|s| i18n.t(state_key(s))).unwrap_or_default();
    let mut text = i18n.format(
        key,
        &[
            ("subject", Arg::Text(&note.subject)),
            ("state", Arg::Text(state)),
            ("reason", Arg::Text(&note.reason)),
        ],
    );
    if note.count > 1 {
        text.push(' ');
        text.push_str(&tr!(i18n, NoteTimes, count = note.count));
    }
    text
}
