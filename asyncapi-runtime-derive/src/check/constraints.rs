//! One level of constraints (a field's, or those inside `items(...)`/`values(...)`):
//! bounds that leave no value, `multiple_of <= 0`, `skip` out of place; then the checks
//! the model keeps.

use std::cmp::Ordering;

use super::pattern::Patterns;
use crate::attr::{Constraint, ConstraintKind, Num};
use crate::ctxt::Ctxt;
use crate::model::{Check, CheckKind, Condition, ConditionKind};
use crate::symbol::*;

/// The pairs of keys that bound each other: (lower, upper, whether equal bounds leave
/// no value because one of them is exclusive).
const BOUND_PAIRS: &[(Symbol, Symbol, bool)] = &[
    (MIN_LENGTH, MAX_LENGTH, false),
    (MIN_ITEMS, MAX_ITEMS, false),
    (MIN_PROPERTIES, MAX_PROPERTIES, false),
    (MINIMUM, MAXIMUM, false),
    (MINIMUM, EXCLUSIVE_MAXIMUM, true),
    (EXCLUSIVE_MINIMUM, MAXIMUM, true),
    (EXCLUSIVE_MINIMUM, EXCLUSIVE_MAXIMUM, true),
];

/// Checks and converts `constraints`; `top` is the field itself (not inside `items`).
/// Returns the checks and whether the field is `skip`ped (then there are none).
pub fn checks(
    cx: &Ctxt,
    constraints: &[Constraint],
    patterns: &mut Patterns,
    top: bool,
) -> (Vec<Check>, bool) {
    let mut skip = None;
    for constraint in constraints {
        match &constraint.kind {
            ConstraintKind::MultipleOf(n) if n.cmp_exact(&Num::Int(0)) != Ordering::Greater => {
                cx.error_spanned_by(
                    &constraint.tokens,
                    format!("`{MULTIPLE_OF}` must be greater than 0, not {n}"),
                );
            }
            ConstraintKind::Skip if top => skip = Some(constraint),
            ConstraintKind::Skip => cx.error_at(
                constraint.span,
                format!(
                    "`{SKIP}` applies to a whole field, not inside `{ITEMS}(...)` or \
                     `{VALUES}(...)`"
                ),
            ),
            _ => {}
        }
    }
    let bound = |key: Symbol| {
        constraints
            .iter()
            .find(|constraint| constraint.key == key)
            .and_then(|constraint| Some((constraint.kind.bound()?, constraint)))
    };
    for &(lower, upper, strict) in BOUND_PAIRS {
        let (Some((low, low_constraint)), Some((high, _))) = (bound(lower), bound(upper)) else {
            continue;
        };
        let empty = match low.cmp_exact(&high) {
            Ordering::Greater => true,
            Ordering::Equal => strict,
            Ordering::Less => false,
        };
        if empty {
            let relation = if strict {
                "not less than"
            } else {
                "greater than"
            };
            cx.error_spanned_by(
                &low_constraint.tokens,
                format!(
                    "`{lower} = {low}` is {relation} `{upper} = {high}`: no value can satisfy both"
                ),
            );
        }
    }
    if let Some(skip) = skip {
        if constraints.len() > 1 {
            cx.error_at(
                skip.span,
                format!(
                    "`{SKIP}` turns off validation of this field: it cannot be combined with \
                     constraints"
                ),
            );
        }
    }

    let mut out = Vec::new();
    for constraint in constraints {
        let kind = match &constraint.kind {
            ConstraintKind::Pattern(lit) => match patterns.add(lit) {
                Ok(index) => CheckKind::Pattern(index),
                Err(error) => {
                    cx.syn_error(error);
                    continue;
                }
            },
            ConstraintKind::Format(lit) => match lit.value().as_str() {
                "byte" => CheckKind::FormatByte,
                // Other formats are annotations, as in JSON Schema.
                _ => continue,
            },
            ConstraintKind::MinLength(n) => CheckKind::MinLength(*n),
            ConstraintKind::MaxLength(n) => CheckKind::MaxLength(*n),
            ConstraintKind::Minimum(n) => CheckKind::Minimum(n.clone()),
            ConstraintKind::Maximum(n) => CheckKind::Maximum(n.clone()),
            ConstraintKind::ExclusiveMinimum(n) => CheckKind::ExclusiveMinimum(n.clone()),
            ConstraintKind::ExclusiveMaximum(n) => CheckKind::ExclusiveMaximum(n.clone()),
            ConstraintKind::MultipleOf(n) => CheckKind::MultipleOf(n.clone()),
            ConstraintKind::MinItems(n) => CheckKind::MinItems(*n),
            ConstraintKind::MaxItems(n) => CheckKind::MaxItems(*n),
            ConstraintKind::UniqueItems(true) => CheckKind::UniqueItems,
            ConstraintKind::UniqueItems(false) => continue,
            ConstraintKind::MinProperties(n) => CheckKind::MinProperties(*n),
            ConstraintKind::MaxProperties(n) => CheckKind::MaxProperties(*n),
            ConstraintKind::Items(inner) => CheckKind::Items(checks(cx, inner, patterns, false).0),
            ConstraintKind::Values(inner) => {
                CheckKind::Values(checks(cx, inner, patterns, false).0)
            }
            ConstraintKind::When {
                condition,
                then,
                otherwise,
            } => {
                if condition.is_empty() {
                    cx.error_at(
                        constraint.span,
                        format!(
                            "`{WHEN}` needs at least one condition before `{THEN}(...)`: \
                             `{WHEN}({MIN_LENGTH} = 10, {THEN}(...))`"
                        ),
                    );
                }
                CheckKind::When {
                    condition: conditions(cx, condition, patterns),
                    then: checks(cx, then, patterns, false).0,
                    otherwise: checks(cx, otherwise, patterns, false).0,
                }
            }
            ConstraintKind::Skip => continue,
        };
        out.push(Check {
            span: constraint.span,
            kind,
        });
    }
    // Converted all the same, so that a bad pattern beside `skip` is reported too.
    if skip.is_some() {
        out.clear();
    }
    (out, skip.is_some())
}

/// The conditions of a `when`: `min_length`, `max_length` and `pattern`, which are
/// answered without writing a message (the others are refused at their key).
fn conditions(cx: &Ctxt, constraints: &[Constraint], patterns: &mut Patterns) -> Vec<Condition> {
    let mut out = Vec::new();
    for constraint in constraints {
        let kind = match &constraint.kind {
            ConstraintKind::MinLength(n) => ConditionKind::MinLength(*n),
            ConstraintKind::MaxLength(n) => ConditionKind::MaxLength(*n),
            ConstraintKind::Pattern(lit) => match patterns.add(lit) {
                Ok(index) => ConditionKind::Pattern(index),
                Err(error) => {
                    cx.syn_error(error);
                    continue;
                }
            },
            _ => {
                cx.error_at(
                    constraint.span,
                    format!(
                        "`{}` cannot be a condition of `{WHEN}`: conditions are \
                         `{MIN_LENGTH}`, `{MAX_LENGTH}` and `{PATTERN}` (a schema's other \
                         `if` keywords go through `{EXTRA_SCHEMA}`)",
                        constraint.key
                    ),
                );
                continue;
            }
        };
        out.push(Condition {
            span: constraint.span,
            kind,
        });
    }
    out
}
