//! The sentence a grouped notification reads as, on the notifications page and in the toast of
//! one that arrives live.

use crate::components::run_badge::state_key;
use crate::i18n::{Arg, I18n, Key};
use crate::model::NotificationView;
use crate::tr;

/// The sentence for one grouped entry.
pub fn sentence(i18n: I18n, note: &NotificationView) -> String {
    let key = match note.kind.as_str() {
        "run_state_changed" => Key::NoteRunStateChanged,
        "run_cancelled" if note.reason.is_empty() => Key::NoteRunCancelled,
        "run_cancelled" => Key::NoteRunCancelledWithReason,
        "everyone_ready" => Key::NoteEveryoneReady,
        "leader_transfer_requested" => Key::NoteTransferRequested,
        "leader_transfer_accepted" => Key::NoteTransferAccepted,
        "leader_transfer_declined" => Key::NoteTransferDeclined,
        "removed_from_group" => Key::NoteRemovedFromGroup,
        _ => Key::NoteSomethingHappened,
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
