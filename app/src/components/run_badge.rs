//! A run's state as a coloured badge, and the sentence that says what the state means.

use leptos::prelude::*;

use crate::domain::run_state::RunState;
use crate::i18n::{Key, use_i18n};

pub fn state_key(state: RunState) -> Key {
    match state {
        RunState::Planning => Key::StatePlanning,
        RunState::Active => Key::StateActive,
        RunState::Confirmed => Key::StateConfirmed,
        RunState::Shopping => Key::StateShopping,
        RunState::Adjusting => Key::StateAdjusting,
        RunState::Distributing => Key::StateDistributing,
        RunState::Completed => Key::StateCompleted,
        RunState::Cancelled => Key::StateCancelled,
    }
}

pub fn state_description_key(state: RunState) -> Key {
    match state {
        RunState::Planning => Key::StatePlanningHelp,
        RunState::Active => Key::StateActiveHelp,
        RunState::Confirmed => Key::StateConfirmedHelp,
        RunState::Shopping => Key::StateShoppingHelp,
        RunState::Adjusting => Key::StateAdjustingHelp,
        RunState::Distributing => Key::StateDistributingHelp,
        RunState::Completed => Key::StateCompletedHelp,
        RunState::Cancelled => Key::StateCancelledHelp,
    }
}

#[component]
pub fn RunStateBadge(state: RunState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("state-badge state-{}", state.as_str()) data-state=state.as_str()>
            {move || i18n.t(state_key(state))}
        </span>
    }
}
