//! The actions of the product cards, one set per product, made under the run page's owner. A live
//! refresh rebuilds every card; an action made inside a card would go with it, and with it a
//! refusal on show or a bid still in flight. Made here, they outlive the cards that use them.

use std::collections::HashMap;

use leptos::prelude::*;
use uuid::Uuid;

use crate::api::runs::{PlaceBid, TakeRest};

/// One product's card actions.
#[derive(Clone, Copy)]
pub(crate) struct CardActions {
    pub place: ServerAction<PlaceBid>,
    pub take_rest: ServerAction<TakeRest>,
}

#[derive(Clone, Copy)]
pub(crate) struct ProductActions {
    owner: StoredValue<Owner>,
    made: StoredValue<HashMap<Uuid, CardActions>>,
}

impl ProductActions {
    /// Call in the run page's component: its owner outlives every refresh.
    pub fn new() -> Self {
        Self {
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            made: StoredValue::new(HashMap::new()),
        }
    }

    /// The actions of product `product_id`'s card, made the first time they are asked for.
    pub fn of(&self, product_id: Uuid) -> CardActions {
        if let Some(actions) = self.made.with_value(|made| made.get(&product_id).copied()) {
            return actions;
        }
        let actions = self.owner.with_value(|owner| {
            owner.with(|| CardActions {
                place: ServerAction::new(),
                take_rest: ServerAction::new(),
            })
        });
        self.made.update_value(|made| {
            made.insert(product_id, actions);
        });
        actions
    }
}
