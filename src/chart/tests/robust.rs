//! Robustness: hostile labels, zero, negative, missing and single-point data, determinism.
