//! Which shards to read, and when: pure bookkeeping over what ListShards says, so the
//! rules are tested without a server.
//!
//! - A shard is read once, from start to end (or until caught up, without `--follow`).
//! - A child shard (one with `ParentShardId`, and `AdjacentParentShardId` after a merge)
//!   is read only after every parent has been read to its end (a closed shard returns no
//!   `NextShardIterator` once exhausted), so records of one partition key come in order.
//!   A parent that ListShards no longer lists (past the retention period) does not hold
//!   its children back.
//! - From `latest`, the shards closed when the run starts are skipped (nothing will be
//!   added to them) and the open ones are read from their latest record; children that
//!   appear later are read from their start (all their records are newer).
//! - From `trim-horizon` or a time, every shard of the first listing starts at that
//!   position (roots first, children after their parents), and so do later children.

use std::collections::BTreeMap;

/// A shard as ListShards describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// `ShardId`.
    pub id: String,
    /// `ParentShardId` and `AdjacentParentShardId`, when present.
    pub parents: Vec<String>,
    /// Whether the shard is closed (its `SequenceNumberRange` has an
    /// `EndingSequenceNumber`).
    pub closed: bool,
}

/// Where to start reading a shard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartAt {
    /// At the run's `--from` position.
    Initial,
    /// At the shard's oldest record (a child that appeared during a run from `latest`).
    TrimHorizon,
}

/// How a shard's reading ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The shard is closed and every record was read (no `NextShardIterator`).
    Closed,
    /// The shard is open and no record is left to read for now (without `--follow`).
    CaughtUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Not started: waiting for its parents.
    Pending(StartAt),
    /// Being read.
    Reading,
    /// Read to the end of an open shard.
    CaughtUp,
    /// Closed and read to its end.
    Exhausted,
    /// Closed before a run from `latest` started: nothing to read.
    Skipped,
}

#[derive(Debug, Clone)]
struct Shard {
    parents: Vec<String>,
    state: State,
}

/// The shards of one stream, and how far the run got with each.
#[derive(Debug, Clone)]
pub struct Shards {
    shards: BTreeMap<String, Shard>,
    latest: bool,
}

impl Shards {
    /// The shards of the first listing; `latest` when the run reads from `latest`.
    pub fn new(listing: Vec<Listed>, latest: bool) -> Shards {
        let mut shards = Shards {
            shards: BTreeMap::new(),
            latest,
        };
        for listed in listing {
            let state = if latest && listed.closed {
                State::Skipped
            } else {
                State::Pending(StartAt::Initial)
            };
            shards.shards.insert(
                listed.id,
                Shard {
                    parents: listed.parents,
                    state,
                },
            );
        }
        shards
    }

    /// Takes in a new listing: shards not seen before wait for their parents.
    pub fn update(&mut self, listing: Vec<Listed>) {
        let start = if self.latest {
            StartAt::TrimHorizon
        } else {
            StartAt::Initial
        };
        for listed in listing {
            self.shards.entry(listed.id).or_insert(Shard {
                parents: listed.parents,
                state: State::Pending(start),
            });
        }
    }

    /// The shards to start reading now (every parent read to its end, or gone), in shard
    /// order; they count as being read from now on.
    pub fn ready(&mut self) -> Vec<(String, StartAt)> {
        let ready: Vec<(String, StartAt)> = self
            .shards
            .iter()
            .filter_map(|(id, shard)| match shard.state {
                State::Pending(start) if self.parents_done(shard) => Some((id.clone(), start)),
                _ => None,
            })
            .collect();
        for (id, _) in &ready {
            if let Some(shard) = self.shards.get_mut(id) {
                shard.state = State::Reading;
            }
        }
        ready
    }

    fn parents_done(&self, shard: &Shard) -> bool {
        shard.parents.iter().all(|parent| {
            self.shards
                .get(parent)
                .is_none_or(|parent| matches!(parent.state, State::Exhausted | State::Skipped))
        })
    }

    /// Records that reading `id` ended with `end`.
    pub fn finished(&mut self, id: &str, end: End) {
        if let Some(shard) = self.shards.get_mut(id) {
            shard.state = match end {
                End::Closed => State::Exhausted,
                End::CaughtUp => State::CaughtUp,
            };
        }
    }

    /// How many shards are being read.
    pub fn reading(&self) -> usize {
        self.count(|state| state == State::Reading)
    }

    /// How many shards were read or are being read.
    pub fn started(&self) -> usize {
        self.count(|state| matches!(state, State::Reading | State::CaughtUp | State::Exhausted))
    }

    fn count(&self, which: impl Fn(State) -> bool) -> usize {
        self.shards
            .values()
            .filter(|shard| which(shard.state))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(id: &str, parents: &[&str], closed: bool) -> Listed {
        Listed {
            id: id.into(),
            parents: parents.iter().map(|p| p.to_string()).collect(),
            closed,
        }
    }

    fn ids(ready: &[(String, StartAt)]) -> Vec<&str> {
        ready.iter().map(|(id, _)| id.as_str()).collect()
    }

    /// 0 was split into 2 and 3; 1 and 2 were merged into 4.
    fn resharded() -> Vec<Listed> {
        vec![
            listed("s0", &[], true),
            listed("s1", &[], true),
            listed("s2", &["s0"], true),
            listed("s3", &["s0"], false),
            listed("s4", &["s1", "s2"], false),
        ]
    }

    #[test]
    fn children_wait_for_every_parent() {
        let mut shards = Shards::new(resharded(), false);
        assert_eq!(ids(&shards.ready()), ["s0", "s1"]);
        assert_eq!(shards.ready(), [], "each shard is started once");
        shards.finished("s1", End::Closed);
        assert_eq!(shards.ready(), [], "s4 still waits for s2");
        shards.finished("s0", End::Closed);
        let ready = shards.ready();
        assert_eq!(ids(&ready), ["s2", "s3"]);
        assert!(ready.iter().all(|(_, at)| *at == StartAt::Initial));
        shards.finished("s2", End::Closed);
        assert_eq!(ids(&shards.ready()), ["s4"]);
        assert_eq!(shards.reading(), 2);
        assert_eq!(shards.started(), 5);
    }

    #[test]
    fn a_caught_up_parent_holds_its_children() {
        let mut shards = Shards::new(vec![listed("s0", &[], false)], false);
        assert_eq!(ids(&shards.ready()), ["s0"]);
        shards.finished("s0", End::CaughtUp);
        // Split after it was read: its children wait for a reading of s0 to its end.
        shards.update(vec![listed("s0", &[], true), listed("s1", &["s0"], false)]);
        assert_eq!(shards.ready(), []);
        assert_eq!(shards.reading(), 0);
    }

    #[test]
    fn parents_past_retention_do_not_hold_children() {
        let mut shards = Shards::new(vec![listed("s7", &["s3", "s4"], false)], false);
        assert_eq!(ids(&shards.ready()), ["s7"]);
    }

    #[test]
    fn from_latest_closed_shards_are_skipped_and_new_children_start_at_their_start() {
        let mut shards = Shards::new(resharded(), true);
        let ready = shards.ready();
        assert_eq!(ids(&ready), ["s3", "s4"]);
        assert!(ready.iter().all(|(_, at)| *at == StartAt::Initial));
        shards.finished("s3", End::Closed);
        shards.update(vec![listed("s5", &["s3"], false)]);
        assert_eq!(shards.ready(), [("s5".to_string(), StartAt::TrimHorizon)]);
        assert_eq!(shards.started(), 3);
    }

    #[test]
    fn updates_keep_what_was_read() {
        let mut shards = Shards::new(vec![listed("s0", &[], false)], false);
        shards.ready();
        shards.finished("s0", End::Closed);
        shards.update(vec![listed("s0", &[], true)]);
        assert_eq!(shards.ready(), []);
    }
}
