//! Integration tests: accounts.
