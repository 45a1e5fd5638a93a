//! Property tests (placeholder, filled in below).
