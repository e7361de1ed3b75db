//! CSV cells for the downloads people open in a spreadsheet: every text cell quoted and
//! defused against formulas, and the byte-order mark that makes spreadsheets read UTF-8.

/// Put first in a file so that spreadsheet programs read it as UTF-8.
pub const BOM: char = '\u{feff}';

/// One text cell of the CSV: always quoted, and defused wherever a spreadsheet could start a
/// formula — at the start, and after any character a locale may split cells on (`x;=1+2` is two
/// cells where the list separator is `;`) — by a leading apostrophe.
pub fn field(text: &str) -> String {
    let mut cell = String::with_capacity(text.len() + 2);
    cell.push('"');
    let mut cell_may_start = true;
    for c in text.chars() {
        if cell_may_start && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            cell.push('\'');
        }
        if c == '"' {
            cell.push('"');
        }
        cell.push(c);
        cell_may_start = matches!(c, ',' | ';' | '\t' | '\n' | '\r' | '|' | '"');
    }
    cell.push('"');
    cell
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("Olive oil"), "\"Olive oil\"");
        assert_eq!(field("Oil, 1 l"), "\"Oil, 1 l\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
        assert_eq!(field("x;=1+2"), "\"x;'=1+2\"");
        assert_eq!(field("a,@SUM(1)"), "\"a,'@SUM(1)\"");
        assert_eq!(field("tab\t-1"), "\"tab\t'-1\"");
        assert_eq!(field("Rice -1 kg"), "\"Rice -1 kg\"");
    }
}
