//! The translation files against the code: nothing missing, nothing unknown, the same variables
//! everywhere (and the ones the code passes), plural forms for every counted message.

use std::collections::{BTreeSet, HashMap};

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use strum::IntoEnumIterator;

use super::catalogue::{catalogue, source};
use super::demo::{self, DemoText};
use super::*;

/// Every message id the code can ask for.
fn known_ids() -> BTreeSet<String> {
    Key::iter()
        .map(|key| key.id().to_owned())
        .chain(ErrorCode::ALL.into_iter().map(error_id))
        .chain(AuditAction::iter().map(audit_action_id))
        .collect()
}

#[derive(Default)]
struct MessageShape {
    variables: BTreeSet<String>,
    /// The variant keys of each `{ $count -> … }` select.
    count_variants: Vec<BTreeSet<String>>,
}

fn walk_pattern(pattern: &ast::Pattern<&str>, shape: &mut MessageShape) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, shape);
        }
    }
}

fn walk_inline(expression: &InlineExpression<&str>, shape: &mut MessageShape) {
    match expression {
        InlineExpression::VariableReference { id } => {
            shape.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, shape),
        _ => {}
    }
}

fn walk_expression(expression: &Expression<&str>, shape: &mut MessageShape) {
    match expression {
        Expression::Inline(inline) => walk_inline(inline, shape),
        Expression::Select { selector, variants } => {
            walk_inline(selector, shape);
            if matches!(selector, InlineExpression::VariableReference { id } if id.name == "count")
            {
                shape.count_variants.push(
                    variants
                        .iter()
                        .map(|variant| match &variant.key {
                            ast::VariantKey::Identifier { name } => (*name).to_owned(),
                            ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
                        })
                        .collect(),
                );
            }
            for variant in variants {
                walk_pattern(&variant.value, shape);
            }
        }
    }
}

/// The messages of one language's file with their shapes; panics on a syntax error or a
/// duplicate, which is what a test should do with a broken file.
fn shapes(language: Language) -> HashMap<String, MessageShape> {
    shapes_in(language, source(language))
}

fn shapes_in(language: Language, source: &str) -> HashMap<String, MessageShape> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{language:?}: syntax errors {errors:?}"));
    let mut shapes = HashMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let mut shape = MessageShape::default();
                if let Some(value) = &message.value {
                    walk_pattern(value, &mut shape);
                }
                let id = message.id.name.to_owned();
                assert!(
                    shapes.insert(id.clone(), shape).is_none(),
                    "{language:?}: {id} is defined twice"
                );
            }
            Entry::Junk { content } => panic!("{language:?}: cannot read {content:?}"),
            _ => {}
        }
    }
    shapes
}

#[test]
fn every_language_has_exactly_the_messages_the_code_asks_for() {
    let known = known_ids();
    for language in Language::ALL {
        let shapes = shapes(language);
        let defined: BTreeSet<String> = shapes.keys().cloned().collect();
        let missing: Vec<_> = known.difference(&defined).collect();
        let unknown: Vec<_> = defined.difference(&known).collect();
        assert!(missing.is_empty(), "{language:?} lacks {missing:?}");
        assert!(unknown.is_empty(), "{language:?} has unknown {unknown:?}");
        for id in &known {
            assert!(catalogue(language).has_message(id), "{language:?} {id}");
        }
    }
}

#[test]
fn every_language_uses_the_variables_english_uses() {
    let english = shapes(Language::En);
    for language in Language::ALL {
        for (id, shape) in shapes(language) {
            assert_eq!(
                shape.variables, english[&id].variables,
                "{language:?} {id}: variables differ from English"
            );
        }
    }
}

#[test]
fn every_language_has_every_demo_text_and_nothing_else() {
    let known: BTreeSet<String> = DemoText::iter().map(|text| text.id().to_owned()).collect();
    for language in Language::ALL {
        let shapes = shapes_in(language, demo::source(language));
        let defined: BTreeSet<String> = shapes.keys().cloned().collect();
        assert_eq!(defined, known, "{language:?}: demo.ftl ids");
        for (id, shape) in shapes {
            assert!(
                shape.variables.is_empty(),
                "{language:?} {id}: demo texts take no variables"
            );
        }
        for text in DemoText::iter() {
            assert_ne!(text.text(language), text.id(), "{language:?} {text:?}");
        }
    }
}

/// The CLDR plural categories of each language's whole numbers, and the fraction's.
fn categories(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => &["one", "other"],
        Language::Ru => &["one", "few", "many", "other"],
        Language::SrCyrl | Language::SrLatn => &["one", "few", "other"],
    }
}

#[test]
fn every_counted_message_has_each_plural_form_of_its_language() {
    let english = shapes(Language::En);
    for language in Language::ALL {
        let shapes = shapes(language);
        for (id, english_shape) in &english {
            if english_shape.count_variants.is_empty() {
                continue;
            }
            let shape = &shapes[id];
            assert!(
                !shape.count_variants.is_empty(),
                "{language:?} {id}: English picks a plural form, this language does not"
            );
            for variants in &shape.count_variants {
                for category in categories(language) {
                    assert!(
                        variants.contains(*category),
                        "{language:?} {id}: no [{category}] form"
                    );
                }
            }
        }
    }
}

/// Which numbers share a plural form: 1 and 21 ("one"), 2 and 22 ("few"), 0, 5, 11 and 25
/// ("many" in Russian, "other" in Serbian); in English only 1 stands apart.
#[test]
fn counted_messages_pick_the_right_form_at_0_1_2_5_11_21_22_25() {
    let english = shapes(Language::En);
    let counted: Vec<Key> = Key::iter()
        .filter(|key| !english[key.id()].count_variants.is_empty())
        .collect();
    assert!(counted.len() >= 10, "{counted:?}");
    for language in Language::ALL {
        for key in &counted {
            let form = |n: i64| {
                format(language, *key, &[("count", Arg::Number(n))]).replace(&n.to_string(), "#")
            };
            let classes: &[&[i64]] = match language {
                Language::En => &[&[1], &[0, 2, 5, 11, 21, 22, 25]],
                _ => &[&[1, 21], &[2, 22], &[0, 5, 11, 25]],
            };
            for class in classes {
                for n in class.iter() {
                    assert_eq!(form(*n), form(class[0]), "{language:?} {key:?} at {n}");
                }
            }
        }
    }
}

#[test]
fn plurals_read_as_a_native_speaker_writes_them() {
    let members = |language, n| format(language, Key::MemberCount, &[("count", Arg::Number(n))]);
    assert_eq!(members(Language::En, 1), "1 member");
    assert_eq!(members(Language::En, 5), "5 members");
    assert_eq!(members(Language::Ru, 1), "1 участник");
    assert_eq!(members(Language::Ru, 2), "2 участника");
    assert_eq!(members(Language::Ru, 5), "5 участников");
    assert_eq!(members(Language::Ru, 21), "21 участник");
    assert_eq!(members(Language::SrCyrl, 1), "1 члан");
    assert_eq!(members(Language::SrCyrl, 3), "3 члана");
    assert_eq!(members(Language::SrCyrl, 11), "11 чланова");
    assert_eq!(members(Language::SrLatn, 22), "22 člana");
}

/// Every `tr!(i18n, Key, name = …)` in the code passes exactly the message's variables, and
/// every plain `t!` / `.t(…)` asks for a message without any.
#[test]
fn the_code_passes_each_message_its_variables() {
    let english = shapes(Language::En);
    let variables = |key: &str| {
        let id = Key::iter()
            .find(|k| format!("{k:?}") == key)
            .unwrap_or_else(|| panic!("no key {key}"))
            .id();
        english[id].variables.clone()
    };
    let mut checked = 0;
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    for path in rust_files(std::path::Path::new(root)) {
        let code = std::fs::read_to_string(&path).unwrap_or_default();
        for call in code.split("tr!(").skip(1) {
            let arguments = balanced(call);
            let parts = split_top_level(arguments);
            if parts.len() < 2 {
                continue;
            }
            let key = parts[1].trim();
            let names: BTreeSet<String> = parts[2..]
                .iter()
                .filter_map(|part| part.split_once('=').map(|(n, _)| n.trim().to_owned()))
                .filter(|name| !name.is_empty())
                .collect();
            assert_eq!(
                names,
                variables(key),
                "{}: tr!({key}) passes other variables than the message has",
                path.display()
            );
            checked += 1;
        }
        for marker in ["t!(i18n, ", ".t(Key::", ".t_now(Key::"] {
            for rest in code.split(marker).skip(1) {
                let key: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_uppercase()) {
                    continue;
                }
                assert!(
                    variables(&key).is_empty(),
                    "{}: {key} has variables but is used without them",
                    path.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} uses found");
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.ends_with("i18n/mod.rs")
            && !path.ends_with("i18n/tests.rs")
        {
            files.push(path);
        }
    }
    files
}

/// The text up to the parenthesis that closes the one just opened.
fn balanced(text: &str) -> &str {
    let mut depth = 1;
    for (index, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[..index];
                }
            }
            _ => {}
        }
    }
    text
}

fn split_top_level(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (index, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[test]
fn every_error_code_has_a_message_in_every_language() {
    for language in Language::ALL {
        for code in ErrorCode::ALL {
            let text = error_text(language, code);
            assert!(
                !text.is_empty() && !text.starts_with("error-"),
                "{language:?} {code:?}"
            );
        }
    }
}

#[test]
fn rate_limit_message_names_the_wait_and_internal_errors_their_reference() {
    for language in Language::ALL {
        let limited = describe_error(language, &AppError::rate_limited(42));
        assert!(limited.contains("42"), "{limited}");
        let internal = AppError {
            reference: Some("abc-123".into()),
            ..ErrorCode::Internal.into()
        };
        assert!(describe_error(language, &internal).contains("abc-123"));
    }
}

#[test]
fn no_message_shows_a_placeholder_or_starts_with_a_space() {
    for language in Language::ALL {
        for key in Key::iter() {
            let text = text(language, key);
            assert!(!text.starts_with(' '), "{language:?} {key:?}");
        }
    }
    let filled = format(
        Language::Ru,
        Key::HomeGreeting,
        &[("name", Arg::Text("Аня"))],
    );
    assert!(filled.contains("Аня") && !filled.contains('{'), "{filled}");
}
