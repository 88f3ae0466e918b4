//! Edit distances for "did you mean" suggestions: strsim's, with feature
//! `suggest` (the CLI turns it on). Without the feature every distance is
//! `usize::MAX`, over every limit, so errors and `suggest` functions offer no
//! near names (a prefix or substring of a name still counts where a caller
//! says so). Only `std` and strsim here.

/// Optimal-string-alignment distance (a swap of two neighbours counts once).
#[cfg(feature = "suggest")]
pub(crate) fn osa(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// Levenshtein distance.
#[cfg(feature = "suggest")]
pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// Without feature `suggest`: no distance, over every limit.
#[cfg(not(feature = "suggest"))]
pub(crate) fn osa(_a: &str, _b: &str) -> usize {
    usize::MAX
}

/// Without feature `suggest`: no distance, over every limit.
#[cfg(not(feature = "suggest"))]
pub(crate) fn levenshtein(_a: &str, _b: &str) -> usize {
    usize::MAX
}

#[cfg(all(test, feature = "suggest"))]
mod tests {
    #[test]
    fn distances() {
        assert_eq!(super::osa("P-265", "P-256"), 1);
        assert_eq!(super::levenshtein("P-265", "P-256"), 2);
    }
}
