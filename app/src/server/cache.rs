//! A read-through cache in Redis for lists that are read far more often than written (the store
//! list, a store's products). Each cached family has a generation counter; a write bumps it
//! after its transaction commits, which makes every older entry unreachable at once. Readers read
//! the generation *before* loading from Postgres and store under that generation, so a load that
//! raced with a write can never be served after it. Entries also expire after a TTL.
//!
//! Keys live under a namespace (by default the database's name), so servers on different
//! databases can share one Redis without reading each other's lists.
//!
//! Redis trouble never fails a request: a failed read falls through to Postgres, a failed write
//! is logged and counted. A disabled cache (tests, the seed) always loads.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use fred::prelude::{Expiration, KeysInterface, Pool};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::error::AppResult;

/// A family of cached entries that one kind of write invalidates together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// Every page of the store list.
    Stores,
    /// Every page of one store's products with their current prices.
    StoreProducts(Uuid),
}

impl Family {
    fn name(self) -> String {
        match self {
            Family::Stores => "stores".to_owned(),
            Family::StoreProducts(store_id) => format!("store-products:{store_id}"),
        }
    }

    fn generation_key(self, namespace: &str) -> String {
        format!("bulq:cache:v1:{namespace}:{}:gen", self.name())
    }

    fn entry_key(self, namespace: &str, generation: i64, entry: &str) -> String {
        format!(
            "bulq:cache:v1:{namespace}:{}:{generation}:{entry}",
            self.name()
        )
    }
}

#[derive(Clone, Debug, Default)]
pub struct Cache {
    redis: Option<Pool>,
    namespace: String,
    ttl: Duration,
    failures: Arc<AtomicU64>,
}

impl Cache {
    pub fn new(redis: Pool, namespace: impl Into<String>, ttl: Duration) -> Self {
        Self {
            redis: Some(redis),
            namespace: namespace.into(),
            ttl,
            failures: Arc::default(),
        }
    }

    /// A cache that stores nothing: every read loads.
    pub fn disabled() -> Self {
        Self::default()
    }

    /// How many Redis operations failed since start (a readiness signal for operators).
    pub fn failures(&self) -> u64 {
        self.failures.load(Ordering::Relaxed)
    }

    fn failed(&self, operation: &str, error: impl std::fmt::Display) {
        self.failures.fetch_add(1, Ordering::Relaxed);
        tracing::warn!(%error, operation, "cache operation failed; serving from Postgres");
    }

    /// The cached value of `entry` in `family`, or what `load` returns (then stored).
    pub async fn get_or_load<T, F>(&self, family: Family, entry: &str, load: F) -> AppResult<T>
    where
        T: Serialize + DeserializeOwned,
        F: Future<Output = AppResult<T>>,
    {
        let Some(redis) = &self.redis else {
            return load.await;
        };
        let generation = match redis
            .get::<Option<i64>, _>(family.generation_key(&self.namespace))
            .await
        {
            Ok(generation) => generation.unwrap_or(0),
            Err(error) => {
                self.failed("read generation", error);
                return load.await;
            }
        };
        let key = family.entry_key(&self.namespace, generation, entry);
        match redis.get::<Option<String>, _>(&key).await {
            Ok(Some(json)) => match serde_json::from_str(&json) {
                Ok(value) => return Ok(value),
                Err(error) => self.failed("decode entry", error),
            },
            Ok(None) => {}
            Err(error) => self.failed("read entry", error),
        }
        let value = load.await?;
        if let Ok(json) = serde_json::to_string(&value) {
            let expiry = Some(Expiration::EX(self.ttl.as_secs().max(1) as i64));
            if let Err(error) = redis.set::<(), _, _>(&key, json, expiry, None, false).await {
                self.failed("store entry", error);
            }
        }
        Ok(value)
    }

    /// Makes every entry of these families unreachable. Call after the write committed.
    pub async fn invalidate(&self, families: &[Family]) {
        let Some(redis) = &self.redis else {
            return;
        };
        for family in families {
            if let Err(error) = redis
                .incr::<i64, _>(family.generation_key(&self.namespace))
                .await
            {
                self.failed("invalidate", error);
            }
        }
    }
}
