//! Characters that change how text looks without being seen: right-to-left overrides that turn
//! "txt.exe" into "exe.txt", zero-width spaces that make two names look alike. Names and comments
//! refuse them. The zero-width joiners stay allowed between two letters beyond ASCII, where emoji
//! sequences and scripts such as Persian and the Indic ones need them.

/// Unicode's format characters (general category Cf), as of Unicode 15.
const FORMAT_CHARACTERS: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{0600}', '\u{0605}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{06DD}', '\u{06DD}'),
    ('\u{070F}', '\u{070F}'),
    ('\u{0890}', '\u{0891}'),
    ('\u{08E2}', '\u{08E2}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

const ZERO_WIDTH_NON_JOINER: char = '\u{200C}';
const ZERO_WIDTH_JOINER: char = '\u{200D}';

fn is_format(c: char) -> bool {
    FORMAT_CHARACTERS
        .iter()
        .any(|&(first, last)| (first..=last).contains(&c))
}

/// True when `text` holds a character that could disguise it.
pub fn has_hidden_characters(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(at, &c)| {
        if !is_format(c) {
            return false;
        }
        if c != ZERO_WIDTH_JOINER && c != ZERO_WIDTH_NON_JOINER {
            return true;
        }
        let beyond_ascii = |neighbour: Option<&char>| neighbour.is_some_and(|n| !n.is_ascii());
        let between_letters =
            at > 0 && beyond_ascii(chars.get(at - 1)) && beyond_ascii(chars.get(at + 1));
        !between_letters
    })
}

#[cfg(test)]
mod tests {
    use super::has_hidden_characters;

    #[test]
    fn overrides_and_zero_width_tricks_are_found() {
        for sneaky in [
            "Ann\u{202E}txt.exe",
            "An\u{200B}n",
            "An\u{200C}n",
            "\u{200D}Ann",
            "Ann\u{2066}",
            "\u{FEFF}Ann",
            "Ann\u{00AD}a",
            "tag\u{E0041}",
        ] {
            assert!(has_hidden_characters(sneaky), "{sneaky:?}");
        }
    }

    #[test]
    fn real_names_in_any_script_pass() {
        for name in [
            "Ann",
            "Анна Петровна",
            "Đorđe Šaković",
            "محمد",
            "می\u{200C}خواهم",
            "👩\u{200D}👩\u{200D}👧",
            "O'Brien-Smith",
        ] {
            assert!(!has_hidden_characters(name), "{name:?}");
        }
    }
}
