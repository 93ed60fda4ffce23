//! Stage 5: write rendered files to a temporary folder beside the output, then swap it in.
