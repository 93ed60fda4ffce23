//! Stage 4a: chart data → SVG strings (plotters). No file IO.
