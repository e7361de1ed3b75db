//! One thing a search found: a group of mine, a store or a product.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchHit {
    Group {
        id: Uuid,
        name: String,
        member_count: i64,
    },
    Store {
        id: Uuid,
        name: String,
        address: String,
    },
    Product {
        id: Uuid,
        name: String,
        brand: String,
        unit: String,
        /// A family of variants ("any rice").
        #[serde(default)]
        is_family: bool,
        /// The family it is a variant of, by name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        family: Option<String>,
    },
}

impl SearchHit {
    pub fn href(&self) -> String {
        match self {
            SearchHit::Group { id, .. } => format!("/groups/{id}"),
            SearchHit::Store { id, .. } => format!("/stores/{id}"),
            SearchHit::Product { id, .. } => format!("/products/{id}"),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            SearchHit::Group { name, .. }
            | SearchHit::Store { name, .. }
            | SearchHit::Product { name, .. } => name,
        }
    }
}
