//! How people like to be paid back: saved from their profile, shown with the transfers to them
//! on the money page of their groups, with an EPC QR code ("Girocode") a banking app scans when
//! there is an IBAN and the debt is in euros. The QR code is drawn as SVG here, on the server:
//! the browser receives markup and loads no QR code library.

use std::collections::HashMap;

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::payment_details::{Iban, PaymentDetails};
use crate::error::{AppError, AppResult};

pub async fn set(db: &PgPool, viewer: Uuid, details: &PaymentDetails) -> AppResult<()> {
    sqlx::query(
        "UPDATE users SET payment_iban = $2, payment_name = $3, payment_note = $4 WHERE id = $1",
    )
    .bind(viewer)
    .bind(details.iban.as_ref().map_or("", Iban::as_str))
    .bind(&details.name)
    .bind(&details.note)
    .execute(db)
    .await?;
    tracing::info!(user_id = %viewer, "payment details saved");
    Ok(())
}

#[derive(FromRow)]
struct DetailsRow {
    id: Uuid,
    payment_iban: String,
    payment_name: String,
    payment_note: String,
}

impl DetailsRow {
    fn details(self) -> AppResult<PaymentDetails> {
        let iban = match self.payment_iban.as_str() {
            "" => None,
            stored => Some(Iban::parse(stored).map_err(|_| {
                AppError::internal(format!("a stored IBAN fails its check ({})", self.id))
            })?),
        };
        Ok(PaymentDetails {
            iban,
            name: self.payment_name,
            note: self.payment_note,
        })
    }
}

pub async fn of_viewer(db: &PgPool, viewer: Uuid) -> AppResult<PaymentDetails> {
    let mut conn = db.acquire().await?;
    Ok(of_people(&mut conn, &[viewer])
        .await?
        .remove(&viewer)
        .unwrap_or_default())
}

/// The saved details of `people` who saved any.
pub(crate) async fn of_people(
    conn: &mut PgConnection,
    people: &[Uuid],
) -> AppResult<HashMap<Uuid, PaymentDetails>> {
    let rows: Vec<DetailsRow> = sqlx::query_as(
        "SELECT id, payment_iban, payment_name, payment_note FROM users \
         WHERE id = ANY($1) AND (payment_iban <> '' OR payment_note <> '')",
    )
    .bind(people)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| Ok((row.id, row.details()?)))
        .collect()
}

/// The payload as a QR code in SVG, error correction M as EPC069-12 asks.
pub(crate) fn qr_svg(payload: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}
