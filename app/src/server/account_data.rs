//! Everything Bulq keeps about a person, as one JSON document they can download from their
//! profile: the account and how they like to be paid back, where they logged in, memberships,
//! runs taken part in with bids, what they got, what they paid the store and shared costs they
//! paid, repayments to and from them, prices they recorded and their notifications. Built by
//! Postgres in one statement.

use sqlx::PgPool;
use uuid::Uuid;

use crate::error::AppResult;

const EXPORT_SQL: &str = "SELECT jsonb_build_object( \
    'format', 'bulq-account-data/1', \
    'exported_at', now(), \
    'account', (SELECT jsonb_build_object( \
        'id', u.id, 'username', u.username, 'display_name', u.display_name, \
        'language', u.language, 'time_zone', u.time_zone, 'theme', u.theme, \
        'site_admin', u.is_admin, 'verified', u.verified, 'created_at', u.created_at, \
        'payment_details', jsonb_build_object('iban', u.payment_iban, \
            'account_holder', u.payment_name, 'note', u.payment_note)) \
        FROM users u WHERE u.id = $1), \
    'groups', coalesce((SELECT jsonb_agg(jsonb_build_object( \
        'id', g.id, 'name', g.name, 'admin', m.is_admin, 'joined_at', m.created_at) \
        ORDER BY m.created_at) \
        FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = $1), '[]'), \
    'runs', coalesce((SELECT jsonb_agg(jsonb_build_object( \
        'id', r.id, 'group', g.name, 'store', s.name, 'state', r.state, \
        'created_at', r.created_at, 'leader', p.is_leader, 'helper', p.is_helper, \
        'bids', coalesce((SELECT jsonb_agg(jsonb_build_object( \
            'product', pr.name, 'unit', pr.unit, 'quantity', b.quantity::text, \
            'interested_only', b.interested_only, 'tolerance', b.tolerance::text, \
            'comment', b.comment) ORDER BY pr.name) \
            FROM bids b JOIN products pr ON pr.id = b.product_id \
            WHERE b.run_id = r.id AND b.user_id = $1), '[]'), \
        'received', coalesce((SELECT jsonb_agg(jsonb_build_object( \
            'product', pr.name, 'unit', pr.unit, 'quantity', a.quantity::text, \
            'cost_minor', a.cost_minor, 'currency', i.currency, 'reason', a.reason, \
            'picked_up_at', a.picked_up_at) ORDER BY pr.name) \
            FROM allocations a JOIN products pr ON pr.id = a.product_id \
            JOIN shopping_items i ON i.run_id = a.run_id AND i.product_id = a.product_id \
            WHERE a.run_id = r.id AND a.user_id = $1), '[]'), \
        'paid_the_store', coalesce((SELECT jsonb_agg(jsonb_build_object( \
            'amount_minor', rp.amount_minor, 'currency', rp.currency)) \
            FROM run_payers rp WHERE rp.run_id = r.id AND rp.user_id = $1), '[]'), \
        'shared_costs_paid', coalesce((SELECT jsonb_agg(jsonb_build_object( \
            'label', c.label, 'amount_minor', c.amount_minor, 'currency', c.currency, \
            'split', c.split) ORDER BY c.created_at) \
            FROM run_extra_costs c WHERE c.run_id = r.id AND c.paid_by = $1), '[]')) \
        ORDER BY r.created_at) \
        FROM run_participants p JOIN runs r ON r.id = p.run_id \
        JOIN groups g ON g.id = r.group_id JOIN stores s ON s.id = r.store_id \
        WHERE p.user_id = $1), '[]'), \
    'logins', coalesce((SELECT jsonb_agg(jsonb_build_object( \
        'device', l.device, 'logged_in_at', l.created_at, 'last_seen_at', l.last_seen_at, \
        'ended_at', l.ended_at) ORDER BY l.created_at) \
        FROM logins l WHERE l.user_id = $1), '[]'), \
    'repayments', coalesce((SELECT jsonb_agg(jsonb_build_object( \
        'group', g.name, 'from', f.display_name, 'to', t.display_name, \
        'amount_minor', st.amount_minor, 'currency', st.currency, 'state', st.state, \
        'created_at', st.created_at, 'decided_at', st.decided_at) ORDER BY st.created_at) \
        FROM settlements st JOIN groups g ON g.id = st.group_id \
        JOIN users f ON f.id = st.from_user JOIN users t ON t.id = st.to_user \
        WHERE st.from_user = $1 OR st.to_user = $1), '[]'), \
    'prices_recorded', coalesce((SELECT jsonb_agg(jsonb_build_object( \
        'product', pr.name, 'store', s.name, 'amount_minor', o.amount_minor, \
        'currency', o.currency, 'note', o.note, 'observed_at', o.observed_at) \
        ORDER BY o.observed_at) \
        FROM price_observations o JOIN products pr ON pr.id = o.product_id \
        JOIN stores s ON s.id = o.store_id WHERE o.observed_by = $1), '[]'), \
    'notifications', coalesce((SELECT jsonb_agg(jsonb_build_object( \
        'kind', n.kind, 'payload', n.payload, 'read_at', n.read_at, 'created_at', n.created_at) \
        ORDER BY n.created_at) \
        FROM notifications n WHERE n.user_id = $1), '[]'))";

/// The person's data, pretty-printed.
pub async fn export(db: &PgPool, user_id: Uuid) -> AppResult<String> {
    let document: serde_json::Value = sqlx::query_scalar(EXPORT_SQL)
        .bind(user_id)
        .fetch_one(db)
        .await?;
    serde_json::to_string_pretty(&document).map_err(crate::error::AppError::internal)
}
