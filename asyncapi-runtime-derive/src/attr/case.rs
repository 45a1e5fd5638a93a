//! serde's `rename_all` rules, so that wire names are the ones serde reads.

/// serde's `rename_all` rules, applied as serde applies them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    /// `lowercase`.
    Lower,
    /// `UPPERCASE`.
    Upper,
    /// `PascalCase`.
    Pascal,
    /// `camelCase`.
    Camel,
    /// `snake_case`.
    Snake,
    /// `SCREAMING_SNAKE_CASE`.
    ScreamingSnake,
    /// `kebab-case`.
    Kebab,
    /// `SCREAMING-KEBAB-CASE`.
    ScreamingKebab,
}

impl RenameRule {
    /// The rule a `rename_all` string names; `None` for one serde itself rejects.
    pub fn from_str(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// Renames a variant (written in PascalCase).
    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            RenameRule::Snake => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnake => RenameRule::Snake
                .apply_to_variant(variant)
                .to_ascii_uppercase(),
            RenameRule::Kebab => RenameRule::Snake
                .apply_to_variant(variant)
                .replace('_', "-"),
            RenameRule::ScreamingKebab => RenameRule::ScreamingSnake
                .apply_to_variant(variant)
                .replace('_', "-"),
        }
    }

    /// Renames a field (written in snake_case).
    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply_to_field(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_rules_match_serde() {
        let v = |rule: &str, name: &str| RenameRule::from_str(rule).unwrap().apply_to_variant(name);
        let f = |rule: &str, name: &str| RenameRule::from_str(rule).unwrap().apply_to_field(name);
        assert_eq!(v("lowercase", "VeryTasty"), "verytasty");
        assert_eq!(v("UPPERCASE", "VeryTasty"), "VERYTASTY");
        assert_eq!(v("camelCase", "VeryTasty"), "veryTasty");
        assert_eq!(v("snake_case", "VeryTasty"), "very_tasty");
        assert_eq!(v("SCREAMING_SNAKE_CASE", "VeryTasty"), "VERY_TASTY");
        assert_eq!(v("kebab-case", "VeryTasty"), "very-tasty");
        assert_eq!(v("SCREAMING-KEBAB-CASE", "VeryTasty"), "VERY-TASTY");
        assert_eq!(v("PascalCase", "VeryTasty"), "VeryTasty");
        assert_eq!(f("PascalCase", "very_tasty"), "VeryTasty");
        assert_eq!(f("camelCase", "very_tasty"), "veryTasty");
        assert_eq!(f("UPPERCASE", "very_tasty"), "VERY_TASTY");
        assert_eq!(f("SCREAMING_SNAKE_CASE", "very_tasty"), "VERY_TASTY");
        assert_eq!(f("kebab-case", "very_tasty"), "very-tasty");
        assert_eq!(f("SCREAMING-KEBAB-CASE", "very_tasty"), "VERY-TASTY");
        assert_eq!(f("lowercase", "very_tasty"), "very_tasty");
        assert_eq!(f("snake_case", "very_tasty"), "very_tasty");
        assert_eq!(RenameRule::from_str("Title Case"), None);
    }
}
