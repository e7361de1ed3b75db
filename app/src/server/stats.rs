//! A person's record across runs, for their profile: runs joined and led, and money spent (the
//! costs of their shares in runs whose goods were shared out), per currency.

use sqlx::PgPool;
use uuid::Uuid;

use crate::error::AppResult;
use crate::model::ProfileStats;

pub async fn of(db: &PgPool, user_id: Uuid) -> AppResult<ProfileStats> {
    let (runs_joined, runs_led): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE is_leader) FROM run_participants \
         WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_one(db)
    .await?;
    let spent: Vec<(String, i64)> = sqlx::query_as(
        "SELECT g.currency, sum(a.cost_minor)::bigint FROM allocations a \
         JOIN runs r ON r.id = a.run_id JOIN groups g ON g.id = r.group_id \
         WHERE a.user_id = $1 GROUP BY g.currency ORDER BY g.currency",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    Ok(ProfileStats {
        runs_joined,
        runs_led,
        spent,
    })
}
