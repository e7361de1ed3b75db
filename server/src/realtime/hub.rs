//! This instance's end of the Redis channel: one subscription feeding a broadcast channel that
//! every open event stream listens to. fred reconnects by itself after Redis restarts and
//! `manage_subscriptions` subscribes again.

use std::sync::Arc;

use app::model::EventEnvelope;
use fred::prelude::{
    Builder, ClientLike, Config as RedisConfig, EventInterface, PubsubInterface, ReconnectPolicy,
};
use tokio::sync::broadcast;

use crate::metrics::names::LIVE_RECEIVED;

/// How many events a slow stream may fall behind before it is told to resync.
const BACKLOG: usize = 1024;

#[derive(Clone)]
pub struct Hub {
    sender: broadcast::Sender<Arc<EventEnvelope>>,
}

impl Hub {
    pub async fn start(redis_url: &str, channel: String) -> Result<Hub, String> {
        let config = RedisConfig::from_url(redis_url).map_err(|e| format!("REDIS_URL: {e}"))?;
        let subscriber = Builder::from_config(config)
            .set_policy(ReconnectPolicy::new_exponential(0, 100, 5_000, 2))
            .build_subscriber_client()
            .map_err(|e| format!("redis subscriber: {e}"))?;
        subscriber
            .init()
            .await
            .map_err(|e| format!("redis subscriber: {e}"))?;
        let _resubscribe = subscriber.manage_subscriptions();
        let (sender, _) = broadcast::channel(BACKLOG);
        let mut messages = subscriber.message_rx();
        subscriber
            .subscribe(channel.clone())
            .await
            .map_err(|e| format!("redis subscribe: {e}"))?;
        let fan_out = sender.clone();
        tokio::spawn(async move {
            // Keeps the client alive as long as messages are read.
            let _subscriber = subscriber;
            loop {
                match messages.recv().await {
                    Ok(message) => {
                        let Some(text) = message.value.as_string() else {
                            continue;
                        };
                        match serde_json::from_str::<EventEnvelope>(&text) {
                            Ok(envelope) => {
                                metrics::counter!(LIVE_RECEIVED).increment(1);
                                // No stream listening is fine.
                                let _ = fan_out.send(Arc::new(envelope));
                            }
                            Err(error) => tracing::warn!(%error, "unreadable live event"),
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(missed)) => {
                        tracing::warn!(missed, "live events lagged behind Redis");
                    }
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        tracing::info!(%channel, "listening for live events");
        Ok(Hub { sender })
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<EventEnvelope>> {
        self.sender.subscribe()
    }
}
