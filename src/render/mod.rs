//! Stage 4b: Tera rendering of planned pages.
