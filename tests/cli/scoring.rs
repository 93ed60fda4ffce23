//! Integration tests: scoring.
