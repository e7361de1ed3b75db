//! Runs an action once typing pauses: each call cancels the one still waiting. Keeps suggestions
//! while typing from spending a request (and the rate limit) on every key.

use std::time::Duration;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Debouncer {
    pending: StoredValue<Option<TimeoutHandle>>,
    pause: Duration,
}

impl Debouncer {
    pub fn new(pause: Duration) -> Self {
        Self {
            pending: StoredValue::new(None),
            pause,
        }
    }

    /// Forgets the action still waiting, if any.
    pub fn cancel(&self) {
        if let Some(handle) = self.pending.try_get_value().flatten() {
            handle.clear();
        }
        self.pending.try_set_value(None);
    }

    /// Runs `action` after the pause, unless another call comes first.
    pub fn run(&self, action: impl FnOnce() + 'static) {
        self.cancel();
        let handle = set_timeout_with_handle(action, self.pause).ok();
        self.pending.try_set_value(handle);
    }
}
