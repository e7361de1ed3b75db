//! How a person likes to be paid back: an IBAN with the account holder's name, and/or a free
//! text (a payment link, "cash is fine"); and the EPC QR payload ("Girocode", EPC069-12 version
//! 002) a banking app reads to fill in a SEPA transfer.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::hidden_characters::has_hidden_characters;
use crate::domain::money::format_plain;
use crate::error::ErrorCode;

/// The EPC QR code allows 70 characters for the beneficiary's name.
pub const PAYEE_NAME_MAX: usize = 70;
pub const PAYMENT_NOTE_MAX: usize = 200;
/// The EPC QR code allows 140 characters of unstructured remittance text.
const REMITTANCE_MAX: usize = 140;

/// An IBAN whose check digits are right, without spaces, in capitals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Iban(String);

impl Iban {
    /// Spaces are ignored and letters may be small; the length, the country and the check digits
    /// (ISO 13616, mod 97) must be right.
    pub fn parse(raw: &str) -> Result<Self, ErrorCode> {
        let iban: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = iban.as_bytes();
        let well_formed = (15..=34).contains(&bytes.len())
            && bytes[..2].iter().all(u8::is_ascii_uppercase)
            && bytes[2..4].iter().all(u8::is_ascii_digit)
            && bytes.iter().all(u8::is_ascii_alphanumeric);
        if !well_formed || !checks_out(&iban) {
            return Err(ErrorCode::IbanInvalid);
        }
        Ok(Self(iban))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// In groups of four, as people read and type it.
impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups: Vec<&str> = self
            .0
            .as_bytes()
            .chunks(4)
            .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
            .collect();
        f.write_str(&groups.join(" "))
    }
}

/// ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97
/// is 1.
fn checks_out(iban: &str) -> bool {
    let rearranged = iban[4..].bytes().chain(iban[..4].bytes());
    let mut remainder: u32 = 0;
    for byte in rearranged {
        let value = match byte {
            b'0'..=b'9' => u32::from(byte - b'0'),
            b'A'..=b'Z' => u32::from(byte - b'A') + 10,
            _ => return false,
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    remainder == 1
}

/// What a person saved: any of the three may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDetails {
    pub iban: Option<Iban>,
    /// The account holder, as the bank knows them.
    pub name: String,
    pub note: String,
}

impl PaymentDetails {
    pub fn parse(iban: &str, name: &str, note: &str) -> Result<Self, ErrorCode> {
        let iban = match iban.trim() {
            "" => None,
            text => Some(Iban::parse(text)?),
        };
        let one_line = |text: &str, max: usize| -> Result<String, ErrorCode> {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if has_hidden_characters(&text) {
                return Err(ErrorCode::HiddenCharacters);
            }
            if text.chars().count() > max {
                return Err(ErrorCode::TextTooLong);
            }
            Ok(text)
        };
        let name = one_line(name, PAYEE_NAME_MAX)?;
        if iban.is_some() && name.is_empty() {
            // A bank transfer needs the holder's name.
            return Err(ErrorCode::PayeeNameMissing);
        }
        Ok(Self {
            iban,
            name,
            note: one_line(note, PAYMENT_NOTE_MAX)?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.iban.is_none() && self.note.is_empty()
    }

    /// The EPC QR payload for paying `amount_minor` of `currency` to this account, when a QR code
    /// can carry it: an IBAN and a name, euros, and an amount from 0.01 to 999,999,999.99.
    pub fn epc_payload(
        &self,
        amount_minor: i64,
        currency: &str,
        remittance: &str,
    ) -> Option<String> {
        let iban = self.iban.as_ref()?;
        if currency != "EUR"
            || self.name.is_empty()
            || !(1..=99_999_999_999).contains(&amount_minor)
        {
            return None;
        }
        let remittance: String = remittance
            .chars()
            .filter(|c| !c.is_control())
            .take(REMITTANCE_MAX)
            .collect();
        // Service tag, version, UTF-8, SEPA credit transfer, BIC (optional in version 002), name,
        // IBAN, amount, purpose, structured reference, unstructured remittance.
        Some(
            [
                "BCD",
                "002",
                "1",
                "SCT",
                "",
                &self.name,
                iban.as_str(),
                &format!("EUR{}", format_plain(amount_minor, "EUR")),
                "",
                "",
                &remittance,
            ]
            .join("\n"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_are_checked_and_written_in_groups_of_four() {
        let iban = Iban::parse("de89 3704 0044 0532 0130 00").unwrap();
        assert_eq!(iban.as_str(), "DE89370400440532013000");
        assert_eq!(iban.to_string(), "DE89 3704 0044 0532 0130 00");
        assert!(Iban::parse("GB82WEST12345698765432").is_ok());
        assert!(Iban::parse("RS35260005601001611379").is_ok());
        for wrong in [
            "DE88370400440532013000",
            "DE89",
            "1234567890123456",
            "DE89-3704-0044-0532",
        ] {
            assert_eq!(Iban::parse(wrong), Err(ErrorCode::IbanInvalid), "{wrong}");
        }
    }

    #[test]
    fn payment_details_need_a_name_for_an_iban() {
        assert_eq!(
            PaymentDetails::parse("DE89370400440532013000", " ", ""),
            Err(ErrorCode::PayeeNameMissing)
        );
        let note_only = PaymentDetails::parse("", "", " paypal.me/ana ").unwrap();
        assert_eq!(note_only.note, "paypal.me/ana");
        assert!(!note_only.is_empty());
        assert!(PaymentDetails::parse("", "", "").unwrap().is_empty());
    }

    #[test]
    fn the_epc_payload_follows_the_standard() {
        let ana = PaymentDetails::parse("DE89 3704 0044 0532 0130 00", "Ana Payer", "").unwrap();
        assert_eq!(
            ana.epc_payload(950, "EUR", "Bulq: Money club").unwrap(),
            "BCD\n002\n1\nSCT\n\nAna Payer\nDE89370400440532013000\nEUR9.50\n\n\nBulq: Money club"
        );
        assert_eq!(ana.epc_payload(950, "RSD", ""), None, "euros only");
        assert_eq!(ana.epc_payload(0, "EUR", ""), None);
        let no_iban = PaymentDetails::parse("", "Ana", "cash").unwrap();
        assert_eq!(no_iban.epc_payload(950, "EUR", ""), None);
    }
}
