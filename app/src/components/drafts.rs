//! What someone typed into a form and has not sent yet, kept above a list that live refreshes
//! render again: a friend's bid or purchase never wipes a half-typed field. A page provides one
//! `Drafts` per kind of form; each form reads its draft when it is made, keeps it as it is typed,
//! and forgets it once its own submission succeeds.

use std::collections::HashMap;
use std::hash::Hash;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;

pub struct Drafts<K, D>(StoredValue<HashMap<K, D>>)
where
    K: Send + Sync + 'static,
    D: Send + Sync + 'static;

impl<K, D> Clone for Drafts<K, D>
where
    K: Send + Sync + 'static,
    D: Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, D> Copy for Drafts<K, D>
where
    K: Send + Sync + 'static,
    D: Send + Sync + 'static,
{
}

impl<K, D> Drafts<K, D>
where
    K: Eq + Hash + Send + Sync + 'static,
    D: Clone + Send + Sync + 'static,
{
    /// Makes the page's drafts of this kind and provides them to the forms below.
    pub fn provide() {
        provide_context(Self(StoredValue::new(HashMap::new())));
    }

    /// The page's drafts, or fresh ones when the page keeps none.
    pub fn current() -> Self {
        use_context().unwrap_or_else(|| Self(StoredValue::new(HashMap::new())))
    }

    pub fn get(self, key: &K) -> Option<D> {
        self.0.with_value(|drafts| drafts.get(key).cloned())
    }

    pub fn keep(self, key: K, draft: D) {
        self.0.update_value(|drafts| {
            drafts.insert(key, draft);
        });
    }

    pub fn forget(self, key: &K) {
        self.0.update_value(|drafts| {
            drafts.remove(key);
        });
    }

    /// Forgets the draft of `key` when `action` succeeds after now: an answer that came before
    /// the form was made (the action outlives its forms) is not this draft's.
    pub fn forget_after<A>(self, action: ServerAction<A>, key: K)
    where
        A: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        A::Output: Clone + Send + Sync + 'static,
    {
        let key = StoredValue::new(key);
        Effect::new(move |seen: Option<usize>| {
            let version = action.version().try_get().unwrap_or_default();
            let succeeded = matches!(action.value().try_get().flatten(), Some(Ok(_)));
            if seen.is_some_and(|seen| seen != version) && succeeded {
                key.with_value(|key| self.forget(key));
            }
            version
        });
    }
}
