//! [`Map`]: the members of a JSON object, in document order.

use indexmap::IndexMap;

use super::Value;

/// The members of a JSON object, in the order they were read or inserted.
///
/// Equality ignores order, as JSON does.
#[derive(Clone, PartialEq, Eq)]
pub struct Map<V = Value> {
    members: IndexMap<String, V>,
}

impl<V> Map<V> {
    /// An empty map.
    pub fn new() -> Self {
        Map {
            members: IndexMap::new(),
        }
    }

    /// An empty map with room for `capacity` members.
    pub fn with_capacity(capacity: usize) -> Self {
        Map {
            members: IndexMap::with_capacity(capacity),
        }
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The value of member `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.members.get(key)
    }

    /// The value of member `key`, mutably.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.members.get_mut(key)
    }

    /// Whether there is a member `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.members.contains_key(key)
    }

    /// Sets member `key` (keeping its place when it exists, appending it otherwise),
    /// returning the value it replaces.
    pub fn insert(&mut self, key: impl Into<String>, value: V) -> Option<V> {
        self.members.insert(key.into(), value)
    }

    /// Removes member `key`, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.members.shift_remove(key)
    }

    /// The members in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&String, &V)> + DoubleEndedIterator {
        self.members.iter()
    }

    /// The members in order, values mutably.
    pub fn iter_mut(
        &mut self,
    ) -> impl ExactSizeIterator<Item = (&String, &mut V)> + DoubleEndedIterator {
        self.members.iter_mut()
    }

    /// The keys in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &String> + DoubleEndedIterator {
        self.members.keys()
    }

    /// The values in order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &V> + DoubleEndedIterator {
        self.members.values()
    }
}

// Not derived: an empty map needs no `V: Default`.
impl<V> Default for Map<V> {
    fn default() -> Self {
        Map::new()
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for Map<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.members.iter()).finish()
    }
}

impl<V> std::ops::Index<&str> for Map<V> {
    type Output = V;

    /// Member `key`; panics when there is none, like indexing a `HashMap`.
    fn index(&self, key: &str) -> &V {
        &self.members[key]
    }
}

impl<V> FromIterator<(String, V)> for Map<V> {
    /// Later members replace earlier ones with the same key, in the earlier place.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        Map {
            members: iter.into_iter().collect(),
        }
    }
}

impl<V> Extend<(String, V)> for Map<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, iter: I) {
        self.members.extend(iter)
    }
}

impl<V> IntoIterator for Map<V> {
    type Item = (String, V);
    type IntoIter = indexmap::map::IntoIter<String, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.into_iter()
    }
}

impl<'a, V> IntoIterator for &'a Map<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = indexmap::map::Iter<'a, String, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.iter()
    }
}
