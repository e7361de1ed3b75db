//! Rules for the shared catalogue: store and product fields and price notes.

use crate::domain::hidden_characters::has_hidden_characters;
use crate::domain::ids::ProductId;
use crate::error::ErrorCode;

pub const STORE_NAME_MAX: usize = 200;
pub const ADDRESS_MAX: usize = 300;
pub const OPENING_HOURS_MAX: usize = 300;
pub const STORE_NOTES_MAX: usize = 1000;
pub const PRODUCT_NAME_MAX: usize = 200;
pub const BRAND_MAX: usize = 100;
pub const UNIT_MAX: usize = 20;
pub const PRICE_NOTE_MAX: usize = 200;

/// Trims, refuses control characters other than line breaks and hidden ones, and bounds the
/// length.
fn clean(raw: &str, max: usize, code: ErrorCode) -> Result<String, ErrorCode> {
    let text = raw.trim();
    if has_hidden_characters(text) {
        return Err(ErrorCode::HiddenCharacters);
    }
    if text.chars().count() > max
        || text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r')
    {
        return Err(code);
    }
    Ok(text.replace("\r\n", "\n"))
}

pub(crate) fn required_name(raw: &str, max: usize, code: ErrorCode) -> Result<String, ErrorCode> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if has_hidden_characters(&name) {
        return Err(ErrorCode::HiddenCharacters);
    }
    if name.is_empty() || name.chars().count() > max || name.chars().any(char::is_control) {
        return Err(code);
    }
    Ok(name)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreFields {
    pub name: String,
    pub address: String,
    pub opening_hours: String,
    pub notes: String,
}

impl StoreFields {
    pub fn parse(
        name: &str,
        address: &str,
        opening_hours: &str,
        notes: &str,
    ) -> Result<Self, ErrorCode> {
        Ok(Self {
            name: required_name(name, STORE_NAME_MAX, ErrorCode::StoreNameInvalid)?,
            address: clean(address, ADDRESS_MAX, ErrorCode::TextTooLong)?,
            opening_hours: clean(opening_hours, OPENING_HOURS_MAX, ErrorCode::TextTooLong)?,
            notes: clean(notes, STORE_NOTES_MAX, ErrorCode::TextTooLong)?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductFields {
    pub name: String,
    pub brand: String,
    pub unit: String,
}

impl ProductFields {
    pub fn parse(name: &str, brand: &str, unit: &str) -> Result<Self, ErrorCode> {
        let brand = brand.split_whitespace().collect::<Vec<_>>().join(" ");
        Ok(Self {
            name: required_name(name, PRODUCT_NAME_MAX, ErrorCode::ProductNameInvalid)?,
            brand: clean(&brand, BRAND_MAX, ErrorCode::TextTooLong)?,
            unit: clean(unit, UNIT_MAX, ErrorCode::TextTooLong)?,
        })
    }
}

/// Where a product sits among families: a family itself ("any rice"), a variant of one, or
/// neither. Families do not nest, so a family is never in one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FamilyPlace {
    Family,
    Variant(ProductId),
    Alone,
}

impl FamilyPlace {
    /// From a form: the "this is a family" box and the family picker (empty: none).
    pub fn parse(is_family: bool, family: Option<&str>) -> Result<Self, ErrorCode> {
        let family = family.map(str::trim).filter(|text| !text.is_empty());
        match (is_family, family) {
            (true, Some(_)) => Err(ErrorCode::FamilyMismatch),
            (true, None) => Ok(Self::Family),
            (false, Some(id)) => id
                .parse()
                .map(Self::Variant)
                .map_err(|_| ErrorCode::FamilyNotFound),
            (false, None) => Ok(Self::Alone),
        }
    }

    /// The family a variant points at.
    pub fn family(self) -> Option<ProductId> {
        match self {
            Self::Variant(family) => Some(family),
            Self::Family | Self::Alone => None,
        }
    }
}

/// The variant a shopper picked for a family on the list (empty: none picked).
pub fn parse_variant(raw: Option<&str>) -> Result<Option<ProductId>, ErrorCode> {
    match raw.map(str::trim).filter(|text| !text.is_empty()) {
        None => Ok(None),
        Some(id) => id.parse().map(Some).map_err(|_| ErrorCode::NotAVariant),
    }
}

pub fn parse_price_note(raw: &str) -> Result<String, ErrorCode> {
    clean(raw, PRICE_NOTE_MAX, ErrorCode::TextTooLong)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_product_is_a_family_a_variant_or_neither_never_both() {
        let rice = uuid::Uuid::from_u128(7);
        assert_eq!(FamilyPlace::parse(true, Some("")), Ok(FamilyPlace::Family));
        assert_eq!(FamilyPlace::parse(false, None), Ok(FamilyPlace::Alone));
        assert_eq!(
            FamilyPlace::parse(false, Some(&format!(" {rice} "))),
            Ok(FamilyPlace::Variant(ProductId(rice)))
        );
        assert_eq!(
            FamilyPlace::parse(true, Some(&rice.to_string())),
            Err(ErrorCode::FamilyMismatch)
        );
        assert_eq!(
            FamilyPlace::parse(false, Some("rice")),
            Err(ErrorCode::FamilyNotFound)
        );
    }

    #[test]
    fn store_fields_are_trimmed_and_bounded() {
        let store =
            StoreFields::parse("  Test   Costco ", " Main St 1 ", "", "Bring\r\nthe card").unwrap();
        assert_eq!(store.name, "Test Costco");
        assert_eq!(store.address, "Main St 1");
        assert_eq!(store.notes, "Bring\nthe card");
        assert_eq!(
            StoreFields::parse("  ", "", "", "").unwrap_err(),
            ErrorCode::StoreNameInvalid
        );
        assert_eq!(
            StoreFields::parse("S", &"a".repeat(301), "", "").unwrap_err(),
            ErrorCode::TextTooLong
        );
    }

    #[test]
    fn products_need_a_name_and_keep_brand_and_unit_short() {
        let product = ProductFields::parse(" Olive   oil ", " Kirkland ", " L ").unwrap();
        assert_eq!(
            (
                product.name.as_str(),
                product.brand.as_str(),
                product.unit.as_str()
            ),
            ("Olive oil", "Kirkland", "L")
        );
        assert_eq!(
            ProductFields::parse("", "", "").unwrap_err(),
            ErrorCode::ProductNameInvalid
        );
        assert_eq!(
            ProductFields::parse("Oil", &"b".repeat(101), "").unwrap_err(),
            ErrorCode::TextTooLong
        );
        assert_eq!(
            ProductFields::parse("Oil", "", &"u".repeat(21)).unwrap_err(),
            ErrorCode::TextTooLong
        );
        assert_eq!(ProductFields::parse("Oil", "", "").unwrap().brand, "");
    }

    #[test]
    fn price_notes_are_short() {
        assert_eq!(parse_price_note(" aisle 12 ").unwrap(), "aisle 12");
        assert_eq!(
            parse_price_note(&"n".repeat(201)).unwrap_err(),
            ErrorCode::TextTooLong
        );
    }
}
