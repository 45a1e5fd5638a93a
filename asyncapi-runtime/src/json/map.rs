//! [`Map`]: the members of a JSON object, in document order.

use indexmap::map::Slice;
use indexmap::IndexMap;

use super::Value;

/// The members of a JSON object, in the order they were read or inserted.
///
/// Equality ignores order, as JSON does.
#[derive(Clone)]
pub struct Map<V = Value> {
    /// `None` until the first member: generated structs hold one `Map` each for the
    /// properties their schema does not list, nearly always empty, and a pointer keeps
    /// them 8 bytes instead of an `IndexMap`'s 72 (moved with every parsed record)
    /// and spares building a hasher for each.
    members: Option<Box<IndexMap<String, V>>>,
}

impl<V> Map<V> {
    /// An empty map.
    pub const fn new() -> Self {
        Map { members: None }
    }

    /// An empty map with room for `capacity` members.
    pub fn with_capacity(capacity: usize) -> Self {
        Map {
            members: (capacity > 0).then(|| Box::new(IndexMap::with_capacity(capacity))),
        }
    }

    /// The members as a slice (empty when none were ever added).
    fn slice(&self) -> &Slice<String, V> {
        self.members
            .as_deref()
            .map_or(Slice::new(), IndexMap::as_slice)
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.as_ref().map_or(0, |m| m.len())
    }

    /// Whether there are no members.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of member `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.members.as_ref()?.get(key)
    }

    /// The value of member `key`, mutably.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.members.as_mut()?.get_mut(key)
    }

    /// Whether there is a member `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets member `key` (keeping its place when it exists, appending it otherwise),
    /// returning the value it replaces.
    pub fn insert(&mut self, key: impl Into<String>, value: V) -> Option<V> {
        self.members
            .get_or_insert_with(Box::default)
            .insert(key.into(), value)
    }

    /// Removes member `key`, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.members.as_mut()?.shift_remove(key)
    }

    /// The members in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&String, &V)> + DoubleEndedIterator {
        self.slice().iter()
    }

    /// The members in order, values mutably.
    pub fn iter_mut(
        &mut self,
    ) -> impl ExactSizeIterator<Item = (&String, &mut V)> + DoubleEndedIterator {
        match self.members.as_deref_mut() {
            Some(members) => members.as_mut_slice().iter_mut(),
            None => Slice::new_mut().iter_mut(),
        }
    }

    /// The keys in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &String> + DoubleEndedIterator {
        self.slice().keys()
    }

    /// The values in order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &V> + DoubleEndedIterator {
        self.slice().values()
    }
}

impl<V: PartialEq> PartialEq for Map<V> {
    /// The same keys with equal values, in any order.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<V: Eq> Eq for Map<V> {}

// Not derived: an empty map needs no `V: Default`.
impl<V> Default for Map<V> {
    fn default() -> Self {
        Map::new()
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for Map<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> std::ops::Index<&str> for Map<V> {
    type Output = V;

    /// Member `key`; panics when there is none, like indexing a `HashMap`.
    fn index(&self, key: &str) -> &V {
        match self.get(key) {
            Some(value) => value,
            None => panic!("no member {key:?} in the map"),
        }
    }
}

impl<V> FromIterator<(String, V)> for Map<V> {
    /// Later members replace earlier ones with the same key, in the earlier place.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = Map::new();
        map.extend(iter);
        map
    }
}

impl<V> Extend<(String, V)> for Map<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, iter: I) {
        let mut iter = iter.into_iter().peekable();
        if iter.peek().is_some() {
            self.members.get_or_insert_with(Box::default).extend(iter)
        }
    }
}

impl<V> IntoIterator for Map<V> {
    type Item = (String, V);
    type IntoIter = indexmap::map::IntoIter<String, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.map_or_else(IndexMap::new, |m| *m).into_iter()
    }
}

impl<'a, V> IntoIterator for &'a Map<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = indexmap::map::Iter<'a, String, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.slice().iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_map_is_a_pointer_wide() {
        assert_eq!(std::mem::size_of::<Map>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn maps_never_filled_and_emptied_are_alike() {
        let never: Map<u8> = Map::new();
        let mut emptied = Map::with_capacity(4);
        emptied.insert("a", 1);
        assert_ne!(never, emptied);
        assert_eq!(emptied.remove("a"), Some(1));
        assert_eq!(never, emptied);
        assert_eq!(Map::<u8>::with_capacity(0), never);
        for map in [never, emptied] {
            assert!(map.is_empty());
            assert_eq!(map.len(), 0);
            assert_eq!(map.get("a"), None);
            assert!(!map.contains_key("a"));
            assert_eq!(map.iter().len(), 0);
            assert_eq!(map.keys().next_back(), None);
            assert_eq!(map.values().count(), 0);
            assert_eq!((&map).into_iter().count(), 0);
            let mut map = map;
            assert_eq!(map.iter_mut().len(), 0);
            assert_eq!(map.get_mut("a"), None);
            assert_eq!(map.remove("a"), None);
            assert_eq!(format!("{map:?}"), "{}");
            assert_eq!(map.into_iter().count(), 0);
        }
    }

    #[test]
    fn members_keep_their_order_and_equality_ignores_it() {
        let mut map: Map<u8> = [("b".to_owned(), 1), ("a".to_owned(), 2)]
            .into_iter()
            .collect();
        map.insert("c", 3);
        assert_eq!(map.insert("b", 4), Some(1));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["b", "a", "c"]);
        for (_, v) in map.iter_mut() {
            *v += 10;
        }
        assert_eq!(map["c"], 13);
        let mut reordered: Map<u8> = Map::new();
        reordered.extend([("c".to_owned(), 13), ("a".to_owned(), 12)]);
        reordered.extend(std::iter::empty());
        reordered.insert("b", 14);
        assert_eq!(map, reordered);
        reordered.insert("b", 0);
        assert_ne!(map, reordered);
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [
                ("b".to_owned(), 14),
                ("a".to_owned(), 12),
                ("c".to_owned(), 13)
            ]
        );
    }

    #[test]
    #[should_panic(expected = "no member \"x\"")]
    fn indexing_a_missing_member_panics() {
        let _ = &Map::<u8>::new()["x"];
    }
}
