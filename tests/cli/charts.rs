//! Integration tests: charts.
